"""Stable vocabularies of the report (CONTRACT.md). Values are stored in review history: never rename."""
from enum import StrEnum


class Attribute(StrEnum):
    """公开属性 — the disclosure attribute of a document."""

    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"
    NOT_DISCLOSED = "不予公开"
    AFTER_REDACTION = "脱密后公开"


class Group(StrEnum):
    ATTRIBUTE = "attribute"
    PERSONAL_DATA = "personal_data"
    SECRET = "secret"
    INTERNAL_MARKER = "internal_marker"
    HIDDEN_CONTENT = "hidden_content"
    FORMAT = "format"


class Category(StrEnum):
    # personal_data
    PERSON_NAME = "PERSON_NAME"
    CN_ID_CARD = "CN_ID_CARD"
    CN_PHONE = "CN_PHONE"
    EMAIL = "EMAIL"
    BANK_CARD = "BANK_CARD"
    CN_PASSPORT = "CN_PASSPORT"
    ADDRESS = "ADDRESS"
    LICENSE_PLATE = "LICENSE_PLATE"
    SENSITIVE_PERSONAL = "SENSITIVE_PERSONAL"
    # secret
    CLASSIFICATION_MARK = "CLASSIFICATION_MARK"
    SECRET_MARKER = "SECRET_MARKER"
    CREDENTIAL = "CREDENTIAL"
    INTERNAL_NETWORK = "INTERNAL_NETWORK"
    # internal_marker
    UPWARD_REQUEST = "UPWARD_REQUEST"
    CONSULTATION = "CONSULTATION"
    DRAFT_STATUS = "DRAFT_STATUS"
    PARTY_DOCUMENT = "PARTY_DOCUMENT"
    PURE_FORWARD = "PURE_FORWARD"
    # attribute
    ATTR_MISSING = "ATTR_MISSING"
    ATTR_POSITION = "ATTR_POSITION"
    ATTR_INVALID = "ATTR_INVALID"
    ATTR_REASON_MISSING = "ATTR_REASON_MISSING"
    ATTR_CONFLICT = "ATTR_CONFLICT"
    # hidden_content
    DOC_COMMENT = "DOC_COMMENT"
    DOC_REVISION = "DOC_REVISION"
    HIDDEN_TEXT = "HIDDEN_TEXT"
    HIDDEN_LINK = "HIDDEN_LINK"
    DOC_METADATA = "DOC_METADATA"
    PDF_ANNOTATION = "PDF_ANNOTATION"
    NO_TEXT_LAYER = "NO_TEXT_LAYER"


CATEGORY_GROUP: dict[Category, Group] = {
    **{c: Group.PERSONAL_DATA for c in (
        Category.PERSON_NAME, Category.CN_ID_CARD, Category.CN_PHONE, Category.EMAIL,
        Category.BANK_CARD, Category.CN_PASSPORT, Category.ADDRESS, Category.LICENSE_PLATE,
        Category.SENSITIVE_PERSONAL)},
    **{c: Group.SECRET for c in (
        Category.CLASSIFICATION_MARK, Category.SECRET_MARKER, Category.CREDENTIAL,
        Category.INTERNAL_NETWORK)},
    **{c: Group.INTERNAL_MARKER for c in (
        Category.UPWARD_REQUEST, Category.CONSULTATION, Category.DRAFT_STATUS,
        Category.PARTY_DOCUMENT, Category.PURE_FORWARD)},
    **{c: Group.ATTRIBUTE for c in (
        Category.ATTR_MISSING, Category.ATTR_POSITION, Category.ATTR_INVALID,
        Category.ATTR_REASON_MISSING, Category.ATTR_CONFLICT)},
    **{c: Group.HIDDEN_CONTENT for c in (
        Category.DOC_COMMENT, Category.DOC_REVISION, Category.HIDDEN_TEXT, Category.HIDDEN_LINK,
        Category.DOC_METADATA, Category.PDF_ANNOTATION, Category.NO_TEXT_LAYER)},
}


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Action(StrEnum):
    """What the public version does with a finding."""

    NONE = "none"          # informational (public contact, official in a public role)
    REVIEW = "review"      # a reviewer must look at it
    REDACT = "redact"      # mask or remove it in the public version
    BLOCK = "block"        # the document may not be published at all


class Decision(StrEnum):
    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"


class Opinion(StrEnum):
    """审查意见 (R1)."""

    PUBLISH = "公开"
    WITHHOLD = "免予公开"
    REFER = "需报审"


class Script(StrEnum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"


class SourceFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"
    HTML = "html"
    MD = "md"


class HiddenKind(StrEnum):
    """Where a hidden part of a document sits (rules H)."""

    COMMENT = "comment"                  # 批注
    INSERTION = "insertion"              # tracked insertion (w:ins)
    DELETION = "deletion"                # tracked deletion (w:del) — recoverable
    HIDDEN_TEXT = "hidden_text"          # w:vanish, white/tiny text
    METADATA = "metadata"                # core/custom properties, PDF info
    HEADER_FOOTER = "header_footer"
    FOOTNOTE = "footnote"
    TEXT_BOX = "text_box"
    HTML_HIDDEN = "html_hidden"          # display:none, hidden, off-screen …
    HTML_LINK = "html_link"              # link targets (暗链 live in hidden ones)
    HTML_SCRIPT = "html_script"          # inline <script> text: page source, never displayed, readable by anyone
    PDF_ANNOTATION = "pdf_annotation"
    PDF_ATTACHMENT = "pdf_attachment"
    PDF_FORM_FIELD = "pdf_form_field"
    COVERED_TEXT = "covered_text"        # PDF text under a filled rectangle
