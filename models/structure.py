"""公文 elements (GB/T 9704-2012) found in a document, each with its span in Document.text."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Element(BaseModel):
    """One element of the 公文: its (normalised) value and where it stands in the text."""

    value: str
    start: int
    end: int


class Structure(BaseModel):
    is_official_document: bool = False
    doc_type: str | None = Field(default=None, description="文种 from the title: 通知, 请示, 报告, 函 …")
    copy_number: Element | None = Field(default=None, description="份号")
    classification: Element | None = Field(default=None, description="密级和保密期限, e.g. 秘密★1年")
    urgency: Element | None = Field(default=None, description="紧急程度: 特急/加急")
    issuer_mark: Element | None = Field(default=None, description="发文机关标志, e.g. ××市人民政府文件")
    doc_number: Element | None = Field(default=None, description="发文字号, normalised to 〔〕")
    signer: Element | None = Field(default=None, description="签发人 (names only)")
    title: Element | None = Field(default=None, description="标题")
    recipients: Element | None = Field(default=None, description="主送机关")
    body: Element | None = Field(default=None, description="正文 (value left empty; use the span)")
    attachment_note: Element | None = Field(default=None, description="附件说明")
    signature: Element | None = Field(default=None, description="发文机关署名")
    date: Element | None = Field(default=None, description="成文日期; value ISO yyyy-mm-dd")
    note: Element | None = Field(default=None, description="附注 line as written")
    attachments: Element | None = Field(default=None, description="附件 (the appended documents)")
    cc: Element | None = Field(default=None, description="抄送机关")
    printer: Element | None = Field(default=None, description="印发机关和印发日期")
    issuer: str | None = Field(default=None, description="the issuing body, from the signature or the 发文机关标志")
    no_body_page: bool = Field(default=False, description="a (此页无正文) page was seen")
