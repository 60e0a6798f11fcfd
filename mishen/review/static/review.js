// Keyboard shortcuts on the item page: j / k next / previous finding, a accept, r reject.
// A same-origin file (CSP script-src 'self'); it only moves a highlight and clicks the page's own buttons.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings tr[id^='finding-']"));
  if (!rows.length) { return; }
  var key = "mishen-current:" + location.pathname;
  var current = Math.min(parseInt(sessionStorage.getItem(key) || "0", 10) || 0, rows.length - 1);

  function show(index) {
    rows[current].classList.remove("current");
    current = Math.max(0, Math.min(index, rows.length - 1));
    rows[current].classList.add("current");
    rows[current].scrollIntoView({block: "nearest"});
    sessionStorage.setItem(key, String(current));
  }

  function decide(verdict) {
    var button = rows[current].querySelector("button[value='" + verdict + "']");
    if (!button) { return; }
    sessionStorage.setItem(key, String(Math.min(current + 1, rows.length - 1)));
    button.click();
  }

  document.addEventListener("keydown", function (event) {
    var tag = event.target && event.target.tagName;
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "INPUT" || tag === "TEXTAREA" ||
        tag === "SELECT" || (event.target && event.target.isContentEditable)) { return; }
    var actions = {j: function () { show(current + 1); }, k: function () { show(current - 1); },
                   a: function () { decide("accept"); }, r: function () { decide("reject"); }};
    var action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  });
  show(current);
}());
