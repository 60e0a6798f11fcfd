"""Content-defined chunks and the per-chunk result cache of the personal-data detector."""
from __future__ import annotations

import pytest

from detectors.personal import chunks
from detectors.personal.detector import ChunkCache, PersonalDataDetector

BASE = [
    "为深入贯彻落实党中央、国务院关于政务公开工作的决策部署，进一步提升服务效能，现将有关事项通知如下。" * 2,
    "联系人：王建国，联系电话：13812345678，电子邮箱：zw123@example.gov.cn。",
    "各乡镇要高度重视，成立由主要负责同志任组长的工作领导小组，明确分管领导和具体经办人员。" * 3,
    "1. 李秀英，女，身份证号110101199003074477，住址城关镇张庄村3组12号。",
    "严格落实资金管理制度，专款专用，严禁截留、挤占、挪用，确保资金使用安全、规范、高效。" * 2,
    "建立健全常态化监督检查机制，发现问题及时督促整改，对工作推进不力的单位予以通报批评。" * 2,
]
PARAGRAPHS = [f"（{i + 1}）{p}" for i, p in enumerate(BASE * 6)]  # every line different, as on a real page


def page(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("text", [
    "", "短文本", "a\nb\n", page(PARAGRAPHS), "无换行的长句子。" * 400, ("一行" * 40 + "\n") * 100,
    "身份证号11010119900307\n4477跨行的号码\n" * 60,
])
def test_chunks_cover_the_text_in_order_within_the_limit(text):
    parts = chunks.split(text, 1500)
    assert "".join(p for _, p in parts) == text
    assert [o for o, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]
    assert all(len(p) <= 1500 for _, p in parts)


def test_chunks_never_cut_a_number_broken_across_lines():
    text = ("说明文字" * 80 + "\n" + "身份证号11010119900307\n4477。\n") * 20
    for offset, part in chunks.split(text, 1500)[:-1]:
        end = offset + len(part)
        assert not (text[end - 2].isdigit() and text[end].isdigit())


@pytest.mark.parametrize("grain", [chunks.COARSE, chunks.PARAGRAPH])
def test_chunks_of_either_grain_cover_the_text(grain):
    text = page(PARAGRAPHS)
    parts = chunks.split(text, 1500, *grain)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 1500 for _, p in parts)


def test_paragraph_grain_cuts_at_each_paragraph_past_its_low_mark():
    text = page(PARAGRAPHS)
    coarse, fine = chunks.split(text, 1500, *chunks.COARSE), chunks.split(text, 1500, *chunks.PARAGRAPH)
    assert len(fine) > 2 * len(coarse)
    assert all(p.endswith("\n") for _, p in fine)
    assert all(len(p) >= chunks.PARAGRAPH.low or p.count("\n") == 1 for _, p in fine[:-1])


TABLE = ["序号 姓名 身份证号码 住址"] + [f"{i} 童海{'东南西北'[i % 4]} 13082119901003366{i % 10} 城关镇{i}号"
                                   for i in range(1, 40)]


PROSE = "说明文字" * 30


@pytest.mark.parametrize("grain", [chunks.COARSE, chunks.PARAGRAPH])
@pytest.mark.parametrize("block, cut_inside", [
    (TABLE, False),                                                            # rows of one table stay together
    ([f"甲{i} 乙 丙" + " 丁" * (i % 2) for i in range(300)], True),             # field counts differ: no table
    ([f"甲{i} 乙" for i in range(600)], True),                                  # two fields: no table
])
def test_rows_of_a_table_are_never_cut_apart(grain, block, cut_inside):
    text = page([PROSE, *block, PROSE])
    start, end = len(PROSE) + 1, len(text) - len(PROSE) - 1
    cuts = [o + len(p) for o, p in chunks.split(text, 1500, *grain)][:-1]
    assert any(start < c < end for c in cuts) is cut_inside


def test_an_edit_changes_only_the_chunks_around_it():
    long = [f"（{i + 1}）{p}" for i, p in enumerate(BASE * 24)]    # a long document: many chunks
    before = page(long)
    edited = long.copy()
    edited[14] = edited[14].replace("高度重视", "高度重视并加强督查")
    after = page(edited)
    old = {p for _, p in chunks.split(before)}
    new = [p for _, p in chunks.split(after)]
    changed = [p for p in new if p not in old]
    assert 1 <= len(changed) <= 2 < len(new)


def test_cache_is_bounded_keeps_no_text_and_hands_out_copies(detector):
    cache = ChunkCache(2)
    results = detector.analyzer.analyze("联系人：王建国，电话13812345678。", "zh")
    cache.put("a", results)
    got = cache.get("a")
    assert [(r.entity_type, r.start, r.end) for r in got] == [(r.entity_type, r.start, r.end) for r in results]
    got[0].recognition_metadata["role"] = "changed"
    assert cache.get("a")[0].recognition_metadata["role"] != "changed"
    cache.put("b", [])
    cache.put("c", [])
    assert len(cache) == 2 and cache.get("a") is None
    assert all(isinstance(k, bytes) and len(k) == 16 for k in cache._entries)  # digests, not text
    assert ChunkCache(0).get("a") is None


@pytest.mark.parametrize("grain", [chunks.COARSE, chunks.PARAGRAPH])
def test_an_edit_re_runs_only_its_own_paragraph_at_paragraph_grain(grain):
    edited = PARAGRAPHS.copy()
    edited[14] = edited[14].replace("高度重视", "高度重视并加强督查")
    old = {p for _, p in chunks.split(page(PARAGRAPHS), 1500, *grain)}
    changed = [p for _, p in chunks.split(page(edited), 1500, *grain) if p not in old]
    assert sum(map(len, changed)) <= (1500 if grain == chunks.COARSE else 2 * len(edited[14]) + 2)


@pytest.mark.parametrize("grain", [chunks.COARSE, chunks.PARAGRAPH])
def test_cached_and_fresh_reviews_agree(detector, grain):
    cached = PersonalDataDetector(detector.analyzer, cache_chunks=100, grain=grain)
    fresh = PersonalDataDetector(detector.analyzer, cache_chunks=0, grain=grain)
    before = page(PARAGRAPHS)
    edited = PARAGRAPHS.copy()
    edited[3] = "1. 赵丽，女，身份证号110101199003074477，联系电话13912345678。"
    after = page(edited)

    def key(hits):
        return [(h.start, h.end, h.result.entity_type, h.meta["role"]) for h in hits]

    assert key(cached.hits(before)) == key(fresh.hits(before))
    assert len(cached.cache) > 0
    assert key(cached.hits(after)) == key(fresh.hits(after))   # mostly from the cache
    assert key(cached.hits(before)) == key(fresh.hits(before))


def test_paragraph_chunks_are_opt_in_for_the_service_and_for_batch_runs(monkeypatch):
    from mishen.review.config import ServiceSettings
    from mishen.settings import Settings

    assert not ServiceSettings().paragraph_chunks and not Settings().paragraph_chunks
    monkeypatch.setenv("MISHEN_PARAGRAPH_CHUNKS", "true")
    assert ServiceSettings().paragraph_chunks
