"""Where a person name can start, found cheaply, so LAC runs only on the parts of a text that can hold one.

A position is a candidate when its character can begin a name (a surname, or a character LAC begins names
with) and the next one can continue it, unless the pair is a common word (高度, 王府) or the first character
ends one (资源和); weak starters (和, 向, 大…) also need the next two characters not to form a common word
(和社会).  The character classes in ``name_chars.txt`` are derived from LAC's own tags
(``build_name_chars.py``); the word list is jieba's dictionary, read from the installed package.
"""
from __future__ import annotations

from importlib.resources import files

import numpy as np

from detectors.personal.names.dictionary import dict_fields, release_free_heap
from models.masks import COMPOUND_SURNAMES


def dictionary_pairs(min_freq: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted codes of jieba's two-character words: (not names, freq >= min_freq; all with freq >= 100).
    Arrays, not sets of str: ~1 MB instead of ~10 MB in every review process."""
    plain: list[int] = []
    common: list[int] = []
    for word, freq, tag in zip(*dict_fields()):
        if len(word) == 2:
            code = (ord(word[0]) << 21) | ord(word[1])
            if int(freq) >= 100:
                common.append(code)
            if int(freq) >= min_freq and not tag.startswith(("nr", "ns")):
                plain.append(code)
    return np.unique(np.array(plain, dtype=np.int64)), np.unique(np.array(common, dtype=np.int64))


class NameCandidates:
    """``mask(text)``: a boolean array, True where a name may start."""

    def __init__(self, min_freq: int = 20, use_never: bool = False, use_prev: bool = True) -> None:
        classes = dict(line.split("\t", 1) for line in
                       files("detectors.personal.names").joinpath("name_chars.txt").read_text(
                           encoding="utf-8").splitlines() if line and not line.startswith("#"))
        self.weak = frozenset(classes["weak"])
        self.never = frozenset(classes["never"]) if use_never else frozenset()
        self.use_prev = use_prev
        self.min_freq = min_freq
        starts = classes["strong"] + classes["weak"]
        self._starts = np.zeros(max(map(ord, starts)) + 2, dtype=bool)
        self._starts[[ord(c) for c in starts]] = True
        self._weak = np.zeros(max(map(ord, self.weak)) + 2, dtype=bool)
        self._weak[[ord(c) for c in self.weak]] = True
        self._never = np.array(sorted(map(ord, self.never)), dtype=np.int64)
        self._words, self._common = dictionary_pairs(min_freq)
        self._compound = _codes(COMPOUND_SURNAMES)
        release_free_heap()                               # the dict.txt fields just freed (see there)

    def masks(self, texts: list[str]) -> list[np.ndarray]:
        """``mask`` of each text, in one pass over the texts joined by NUL: no name starts at a NUL or just before
        one, and no word pair holds one, so each text's mask is the one it has alone (tested); one pass instead of
        a dozen NumPy calls per text, which cost more than the work on the short chunks of a page."""
        joined = self.mask("\0".join(texts))
        out, pos = [], 0
        for text in texts:
            out.append(joined[pos:pos + len(text)])
            pos += len(text) + 1
        return out

    def mask(self, text: str) -> np.ndarray:
        """Vectorised over code points: the character tests are table look-ups, the word tests binary searches
        in sorted arrays of two-character codes (first << 21 | second)."""
        n = len(text)
        out = np.zeros(n, dtype=bool)
        if n < 2:
            return out
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        nxt = cp[1:]
        at = np.flatnonzero(self._starts[np.minimum(cp[:-1], len(self._starts) - 1)] & (nxt >= 0x4E00) &
                            (nxt <= 0x9FFF))
        if not len(at):
            return out
        pair = (cp[at] << 21) | cp[at + 1]
        keep = ~_member(self._words, pair)
        # each further test looks only at the positions still kept (the binary searches are most of the cost)
        if self.never:
            kept = np.flatnonzero(keep)
            keep[kept] = ~np.isin(cp[at[kept] + 1], self._never)
        if self.use_prev:
            kept = np.flatnonzero(keep)
            a = at[kept]
            before = (cp[a - 1] << 21) | cp[a]              # a - 1 = -1 wraps round: masked by a > 0
            keep[kept] = ~((a > 0) & _member(self._words, before))
        kept = np.flatnonzero(keep)
        a = at[kept]
        weak = kept[self._weak[np.minimum(cp[a], len(self._weak) - 1)] & (a + 2 < n)]   # weak starters
        a = at[weak]
        keep[weak] = ~_member(self._common, (cp[a + 1] << 21) | cp[a + 2])
        out[at[keep | _member(self._compound, pair)]] = True
        return out


def _codes(words: frozenset[str]) -> np.ndarray:
    """Sorted codes of the two-character words."""
    return np.array(sorted((ord(w[0]) << 21) | ord(w[1]) for w in words if len(w) == 2), dtype=np.int64)


def _member(sorted_codes: np.ndarray, codes: np.ndarray) -> np.ndarray:
    pos = np.searchsorted(sorted_codes, codes)
    return (pos < len(sorted_codes)) & (sorted_codes[np.minimum(pos, len(sorted_codes) - 1)] == codes)
