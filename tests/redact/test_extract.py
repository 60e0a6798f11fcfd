"""Publication as an extract (摘录): whole paragraphs and table rows removed from a .docx."""
from __future__ import annotations

import io

import docx

from models import Category
from tests.read.builders import make_docx
from tests.redact.helpers import docx_texts


def test_remove_paragraph_and_table_row(redact):
    data = make_docx(paragraphs=["正文第一段。", "附件：救助对象名单", "正文第三段。"],
                     tables=[[["姓名", "金额"], ["张伟华", "28600"], ["梁淑珍", "21350"]]])
    # body/p/1 is the second w:p; the table's second row (index 1) is 张伟华's
    public, verification, result = redact(data, "x.docx", [("梁淑珍", Category.PERSON_NAME)],
                                          blocks=["body/p/1", "body/tbl/0/tr/1/tc/0"])
    document = docx.Document(io.BytesIO(public))
    assert [p.text for p in document.paragraphs] == ["正文第一段。", "正文第三段。"]
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["姓名", "金额"], ["梁**", "21350"]]
    assert "张伟华" not in docx_texts(public) and verification.clean and result.removed["blocks"] == 2


def test_unknown_block_ref_is_reported(redact):
    data = make_docx(paragraphs=["正文。"])
    _, _, result = redact(data, "y.docx", [], blocks=["body/p/99"])
    assert result.warnings
