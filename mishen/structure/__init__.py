"""公文 structure (GB/T 9704-2012): which element stands where in a Document's text.

Matching runs on the normalised view (Simplified, ASCII digits); every element's span is mapped back to the
original text. The text is cut into logical lines (``flatten``), website chrome is set aside (``chrome``),
then the front (版头, 标题, 主送机关) and the closing (署名, 成文日期, 附注, 附件, 版记) are located.
"""
from __future__ import annotations

from models import Document, NormalizedText, Structure
from mishen.structure.chrome import cms_fields, is_chrome
from mishen.structure.elements import Layout, build_structure
from mishen.structure.flatten import segments

__all__ = ["parse_structure"]


def parse_structure(doc: Document, view: NormalizedText) -> Structure:
    """Locate the 公文 elements of ``doc``; offsets in the result are into ``doc.text``."""
    segs = segments(view.text)
    chrome = [s.kind == "text" and is_chrome(s) for s in segs]
    fields = cms_fields([s for s, c in zip(segs, chrome) if c])
    items = [s for s, c in zip(segs, chrome) if s.kind == "text" and not c]
    layout = Layout(view=view, items=items, fields=fields, no_body_page=any(s.kind == "no_body" for s in segs))
    return build_structure(layout)
