"""The public version made when a reviewer approves an item for 脱密后公开 (mishen.redact underneath).

The queue keeps the report's extracted text, never the file: from it a public ``.txt`` is always made;
when the reviewer uploads the original again (its sha256 must be the item's), the same-format public file
is made too. Each is checked by the redaction leak verifier; one that fails keeps no bytes.
"""
from __future__ import annotations

import hashlib
from pathlib import PurePath

from mishen.redact import Redactor, public_name
from mishen.redact.plan import selected
from mishen.review.store_public import PublicFile
from mishen.review.views import FinalOpinion, Item, Verdict
from mishen.settings import Settings
from models import Action, Attribute, Opinion


def needs_public_version(item: Item, final: FinalOpinion) -> bool:
    """公开 of an item whose suggested or final attribute is 脱密后公开, or with an accepted redaction."""
    if final.opinion is not Opinion.PUBLISH:
        return False
    redacted = Attribute.AFTER_REDACTION.value
    if redacted in (item.summary.suggested_attribute, final.attribute.value):
        return True
    return any(rf.verdict is Verdict.ACCEPT and rf.finding.action is Action.REDACT for rf in item.findings)


def applied_ids(item: Item) -> set[str]:
    """Findings the public version applies: accepted ones, and undecided ones the redactor would apply."""
    default = {f.id for f in selected(item.report)}
    return {rf.finding.id for rf in item.findings
            if rf.verdict is Verdict.ACCEPT or (rf.verdict is None and rf.finding.id in default)}


def produce(item: Item, settings: Settings, upload: tuple[bytes, str] | None = None) -> tuple[list[PublicFile], list[str]]:
    """The public versions of ``item`` and messages for the reviewer (Chinese)."""
    redactor = Redactor(settings)
    accepted = applied_ids(item)
    report = item.report
    source = PurePath(report.document.source.replace("\\", "/")).name or "document"
    files = [_text_version(redactor, item, accepted, source)]
    messages: list[str] = []
    if upload is not None:
        data, _name = upload
        if hashlib.sha256(data).hexdigest() != item.sha256:
            messages.append("上传的原件与审查时的文件不一致，未生成同格式公开版")
        else:
            try:
                files.append(_verified(redactor, redactor.plan(report, accepted), data,
                                       public_name(PurePath(source)),
                                       report.document.format.value if report.document.format else "?"))
            except ValueError as exc:
                messages.append(f"未生成同格式公开版：{exc}")
    if not all(f.clean for f in files):
        messages.append("有公开版未通过泄露核验，不能下载")
    return files, messages


def _text_version(redactor: Redactor, item: Item, accepted: set[str], source: str) -> PublicFile:
    plan = redactor.plan(item.report, accepted).model_copy(update={"format": "txt"})
    name = f"{PurePath(source).stem}.public-text.txt"
    return _verified(redactor, plan, item.report.document.text.encode("utf-8"), name, "txt")


def _verified(redactor: Redactor, plan, data: bytes, name: str, fmt: str) -> PublicFile:
    result = redactor.apply(data, name, plan)
    verification = redactor.verify(result.data, name, plan, result.rerendered_pages)
    clean = verification.clean and not plan.problems
    report = verification.model_dump(mode="json") | {"plan_problems": list(plan.problems),
                                                     "warnings": list(result.warnings)}
    return PublicFile(name=name, format=fmt, clean=clean, verification=report,
                      data=result.data if clean else None,
                      sha256=hashlib.sha256(result.data).hexdigest() if clean else None)
