"""One real-browser run (Playwright driving Debian's chromium): log in, open an item, accept and reject
findings with the keyboard, record an opinion with the original uploaded again, download the public
version and the review record. Skips where /usr/bin/chromium or the playwright package is missing."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from mishen.review.app import create_app
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.views import Role, Verdict
from models import Category
from tests.review.conftest import PASSWORD, make_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
XSS = "<img src=x onerror=\"document.title='pwned'\">"
ID = "110101199003071234"
TEXT = f"关于开展专项检查的通知\n联系人张三，身份证号{ID}。{XSS}\n（此件公开发布）"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is missing (apt-get install -y chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, reviewer) -> Iterator[tuple[str, Store, int]]:
    import uvicorn

    settings = ServiceSettings(database_url=f"sqlite:///{tmp_path / 'ui.db'}", api_token="t", secret_key="k" * 32)
    store = Store(settings.database_url, hasher=Hasher(light=True))
    store.migrate()
    store.add_user("reviewer1", Role.REVIEWER, PASSWORD)
    report = make_report(TEXT, [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD)])
    item_id = store.submit(report, "drafter1").item_id
    port = _free_port()
    config = uvicorn.Config(create_app(settings, reviewer=reviewer, store=store), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", store, item_id
    uv.should_exit = True
    thread.join(10)
    store.close()


def test_login_open_item_keyboard_decisions_opinion_downloads(server, tmp_path) -> None:
    base, store, item_id = server
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(accept_downloads=True)
            page.goto(base + "/")
            assert page.url.endswith("/login")
            page.fill("input[name=name]", "reviewer1")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.click(f"a[href='/items/{item_id}']")
            page.wait_for_url(f"{base}/items/{item_id}")
            assert "pwned" not in page.title()  # the payload in the document is shown as text
            assert XSS in page.inner_text("#doctext")
            assert "current" in page.get_attribute("#finding-f1", "class")
            page.keyboard.press("j")  # to f2
            assert "current" in page.get_attribute("#finding-f2", "class")
            with page.expect_navigation():
                page.keyboard.press("a")
            assert "确认" in page.inner_text("#finding-f2 .verdict")
            page.keyboard.press("k")  # back to f1
            with page.expect_navigation():
                page.keyboard.press("r")
            assert "排除" in page.inner_text("#finding-f1 .verdict")
            page.select_option("select[name=attribute]", "脱密后公开")
            page.select_option("select[name=opinion]", "公开")
            page.fill("textarea[name=basis]", "P2：身份证号码遮盖后公开")
            original = tmp_path / "draft.txt"
            original.write_bytes(TEXT.encode("utf-8"))
            page.set_input_files("input[name=original]", str(original))
            page.click("text=提交审查意见")
            page.wait_for_selector("#opinion")
            assert "公开" in page.inner_text("#opinion") and "已审结" in page.inner_text("#status")
            assert page.inner_text("#public-versions").count("通过") == 2
            with page.expect_download() as info:
                page.click("#public-versions a.download >> nth=1")
            public = Path(info.value.path()).read_text(encoding="utf-8")
            assert ID not in public and "110101********1234" in public and "张三" in public  # f1 rejected
            with page.expect_download() as info:
                page.click("#exports a")
            assert info.value.suggested_filename.endswith(".docx")
            record = DocxDocument(info.value.path())
            cells = [c.text for t in record.tables for row in t.rows for c in row.cells]
            assert record.paragraphs[0].text == "保密审查记录" and "110101********1234" in cells
            assert not any(ID in text for text in cells + [p.text for p in record.paragraphs])
        finally:
            browser.close()
    item = store.get_item(item_id)
    assert item.findings[1].verdict is Verdict.ACCEPT and item.findings[0].verdict is Verdict.REJECT
    assert item.summary.opinion == "公开"
    assert item.basis == "P2：身份证号码遮盖后公开"
