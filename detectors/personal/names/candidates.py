"""Where a person name can start, found cheaply, so LAC runs only on the parts of a text that can hold one.

A position is a candidate when its character can begin a name (a surname, or a character LAC begins names
with) and the next one can continue it, unless the pair is a common word (高度, 王府) or the first character
ends one (资源和); weak starters (和, 向, 大…) also need the next two characters not to form a common word
(和社会).  The character classes in ``name_chars.txt`` are derived from LAC's own tags
(``build_name_chars.py``); the word list is jieba's dictionary, read from the installed package.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import jieba
import numpy as np
import regex

from models.masks import COMPOUND_SURNAMES

CJK = r"\u4e00-\u9fff"


def _jieba_words(min_freq: int) -> tuple[frozenset[str], frozenset[str]]:
    """Two-character words of jieba's dictionary: (not names, freq >= min_freq; all with freq >= 100)."""
    plain, common = set(), set()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if len(word) == 2:
                if int(freq) >= 100:
                    common.add(word)
                if int(freq) >= min_freq and not tag.startswith(("nr", "ns")):
                    plain.add(word)
    return frozenset(plain), frozenset(common)


class NameCandidates:
    """``mask(text)``: a boolean array, True where a name may start."""

    def __init__(self, min_freq: int = 20, use_never: bool = False, use_prev: bool = True) -> None:
        classes = dict(line.split("\t", 1) for line in
                       files("detectors.personal.names").joinpath("name_chars.txt").read_text(
                           encoding="utf-8").splitlines() if line and not line.startswith("#"))
        self.weak = frozenset(classes["weak"])
        self.never = frozenset(classes["never"]) if use_never else frozenset()
        self.use_prev = use_prev
        starts = regex.escape(classes["strong"] + classes["weak"])
        self.pattern = regex.compile(f"[{starts}](?=[{CJK}])")
        self.words, self.common = _jieba_words(min_freq)

    def mask(self, text: str) -> np.ndarray:
        out = np.zeros(len(text), dtype=bool)
        words, common, never, weak = self.words, self.common, self.never, self.weak
        for m in self.pattern.finditer(text):
            i = m.start()
            if text[i:i + 2] in COMPOUND_SURNAMES:
                out[i] = True
                continue
            if text[i + 1] in never or text[i:i + 2] in words or (self.use_prev and i and text[i - 1:i + 1] in words):
                continue
            if text[i] in weak and text[i + 1:i + 3] in common:
                continue
            out[i] = True
        return out
