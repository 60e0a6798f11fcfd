"""Approval produces the public version (mishen.redact): a .txt from the kept text, the same-format file
when the original is uploaded again; the leak verifier's result is shown and a failed one blocks download."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mishen.review.store_public import PublicFile
from models import Category
from tests.review.conftest import make_report
from tests.review.test_web import app_and_store, client, csrf_of, login  # noqa: F401  (fixtures)

ID = "110101199003071234"
TEXT = f"关于开展专项检查的通知\n联系人张三，身份证号{ID}。\n（此件公开发布）"
SPANS = [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD)]


def _approve(client: TestClient, item_id: int, csrf: str, attribute: str = "脱密后公开", opinion: str = "公开",
             upload: tuple[str, bytes] | None = None) -> str:
    data = {"csrf": csrf, "attribute": attribute, "opinion": opinion, "basis": "P2：个人信息遮盖后公开",
            "reason": "涉及个人信息"}
    files = {"original": (upload[0], upload[1], "application/octet-stream")} if upload else None
    response = client.post(f"/items/{item_id}/opinion", data=data, files=files)
    assert response.status_code == 303
    return client.get(response.headers["location"]).text


def _downloads(page: str) -> list[str]:
    return re.findall(r'href="(/items/\d+/public/\d+)"', page)


@pytest.mark.parametrize(("attribute", "opinion", "made"), [
    ("脱密后公开", "公开", True),
    ("主动公开", "公开", True),       # the suggested attribute (脱密后公开) still calls for it
    ("脱密后公开", "免予公开", False),  # not published: no public version
    ("不予公开", "需报审", False),
])
def test_approval_makes_a_verified_public_text(app_and_store, attribute: str, opinion: str, made: bool) -> None:
    client, store = app_and_store
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    csrf = login(client, "reviewer1")
    client.post(f"/items/{item_id}/findings/f1", data={"csrf": csrf, "verdict": "reject"})  # 张三: a false alarm
    client.post(f"/items/{item_id}/findings/f2", data={"csrf": csrf, "verdict": "accept"})
    page = _approve(client, item_id, csrf, attribute, opinion)
    links = _downloads(page)
    assert bool(links) is made and ("已生成公开版" in page) is made
    if not made:
        assert store.public_versions(item_id) == []
        return
    assert "draft.public-text.txt" in page and "通过（检索" in page
    response = client.get(links[0])
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    public = response.content.decode("utf-8")
    assert ID not in public and "110101********1234" in public
    assert "张三" in public  # rejected: left as written
    assert public.replace("110101********1234", ID) == TEXT


@pytest.mark.parametrize(("upload", "formats", "message"), [
    (TEXT.encode("utf-8"), ["txt", "txt"], None),                          # the same file: same-format version
    ((TEXT + "改").encode("utf-8"), ["txt"], "与审查时的文件不一致"),          # another file: refused
    (None, ["txt"], None),
])
def test_the_original_uploaded_again_gives_the_same_format(app_and_store, upload, formats, message) -> None:
    client, store = app_and_store
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    csrf = login(client, "reviewer1")
    page = _approve(client, item_id, csrf, upload=("draft.txt", upload) if upload else None)
    versions = store.public_versions(item_id)
    assert [v.format for v in versions] == formats and all(v.clean for v in versions)
    assert (message in page) if message else "不一致" not in page
    for link in _downloads(page):
        body = client.get(link).content.decode("utf-8")
        assert ID not in body and "张*" in body


def test_a_failed_verification_blocks_the_download(app_and_store) -> None:
    client, store = app_and_store
    text = "关于开会的通知\n请李同志参加。"
    item_id = store.submit(make_report(text, [("李", Category.PERSON_NAME)]), "drafter1").item_id
    csrf = login(client, "reviewer1")
    page = _approve(client, item_id, csrf)  # one character cannot be masked safely: the plan says so
    [version] = store.public_versions(item_id)
    assert not version.clean and version.sha256 is None
    assert "未通过" in page and "不提供下载" in page and not _downloads(page)
    assert client.get(f"/items/{item_id}/public/{version.id}").status_code == 403


def test_stored_failed_versions_keep_no_bytes_and_reopen_replaces(app_and_store) -> None:
    client, store = app_and_store
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    store.replace_public_versions(item_id, "reviewer1", [
        PublicFile("a.public.txt", "txt", False, {"clean": False, "hits": []}, b"leak " + ID.encode(), None)])
    [version] = store.public_versions(item_id)
    with pytest.raises(Exception, match="NOT_VERIFIED"):
        store.public_data(item_id, version.id)
    store.replace_public_versions(item_id, "reviewer1", [])
    assert store.public_versions(item_id) == []
    assert [e.action for e in store.history(item_id)][-2:] == ["public_version", "public_version"]


@pytest.mark.parametrize(("who", "status"), [("drafter1", 200), ("reviewer2", 200), (None, 303), ("other", 403)])
def test_who_may_download_the_public_version(app_and_store, who, status) -> None:
    client, store = app_and_store
    from mishen.review.views import Role
    store.add_user("other", Role.DRAFTER, "correct-horse-1")
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    link = _downloads(_approve(client, item_id, login(client, "reviewer1")))[0]
    client.cookies.clear()
    if who:
        login(client, who)
    assert client.get(link).status_code == status
