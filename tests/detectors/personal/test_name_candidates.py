"""The name-candidate filter and the sparse LAC pass it drives."""
from __future__ import annotations

import numpy as np
import pytest

from detectors.personal.names.candidates import NameCandidates
from detectors.personal.names.lac import spans

FILLER = ("为认真落实党中央国务院关于推进政务公开工作的系列部署，进一步提升服务效能，规范政务信息公开工作，"
          "现将有关事项通知如下，请结合工作实际抓好贯彻落实。") * 6


@pytest.fixture(scope="module")
def candidates() -> NameCandidates:
    return NameCandidates()


@pytest.fixture(scope="module")
def component(detector):
    return detector.analyzer.nlp_engine.nlp["zh"].get_pipe("mishen_person_names")


@pytest.mark.parametrize("text, start, expected", [
    ("申请人李建国提出申请", 3, True),          # surname + given name
    ("接群众方璐强来电", 3, True),
    ("由欧阳修文负责", 1, True),                # compound surname: its first character starts
    ("约翰·史密斯到访", 0, True),               # transliterated name
    ("应当高度重视此事", 2, False),             # 高度: a common word
    ("维护社会和谐稳定", 4, False),             # 和谐: a common word
    ("资源和社会保障局", 2, False),             # weak starter 和 before 社会
    ("王5号楼", 0, False),                      # not followed by a Chinese character
])
def test_candidate_positions(candidates, text, start, expected):
    assert bool(candidates.mask(text)[start]) is expected


def test_regulation_text_has_few_candidates(candidates):
    assert candidates.mask(FILLER).mean() < 0.02


@pytest.mark.parametrize("sentence, name", [
    ("申请人李建国于2023年3月提出申请。", "李建国"),
    ("接群众方璐强来电反映噪音问题。", "方璐强"),
    ("副市长许雅琴出席会议并讲话。", "许雅琴"),
])
def test_sparse_pass_finds_names_in_long_text(component, sentence, name):
    text = FILLER + sentence + FILLER
    mask = component.candidates.mask(text)
    assert component.tagger._sparse_pays(mask)                 # the filter engages on this text
    (sparse,) = component.tagger.tag([text], [mask])
    (dense,) = component.tagger.tag([text])
    start = len(FILLER) + sentence.index(name)
    assert start in [s for s, _ in spans(sparse)]              # LAC's own span (the rules fix 方璐 → 方璐强)
    assert spans(sparse) == spans(dense)


def test_name_dense_text_runs_whole(component):
    text = "、".join(["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"] * 20)
    mask = component.candidates.mask(text)
    assert not component.tagger._sparse_pays(mask)


def test_sparse_blocks_outside_candidates_are_not_names(component):
    mask = np.zeros(len(FILLER), dtype=bool)
    (tags,) = component.tagger.tag([FILLER], [mask])
    assert spans(tags) == []
