"""jieba's word dictionary in a few flat arrays: the same frequencies and the same ``cut(HMM=False)`` as a
``jieba.Tokenizer`` given the same added words, in ~5 MB instead of the ~60 MB of the Tokenizer's dict.

jieba keeps every word of its dict.txt, and every prefix of one (with frequency 0), as a key of one Python
dict (~500,000 str and int objects).  Those keys are prefix-closed, so they are exactly the nodes of a trie.
Here the trie is laid out breadth-first, each level in sorted order, so the children of node ``i`` are the
consecutive nodes ``first[i]:first[i + 1]``, sorted by their character: one str holds the characters, two
arrays the child offsets and the frequencies.  It is built from dict.txt with numpy in a fraction of a second
(no Python object per word survives), and ``cut`` reproduces jieba 0.42.1's ``get_DAG``, ``calc`` and
``__cut_DAG_NO_HMM`` step for step, so ties and floating-point sums come out the same.
"""
from __future__ import annotations

import ctypes
import importlib.util
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from math import log
from pathlib import Path

import numpy as np

# jieba's own patterns (jieba/__init__.py): runs of these are segmented with the dictionary, whitespace is
# kept whole, any other character is a token of its own; single ASCII letters/digits are glued together.
RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
RE_SKIP = re.compile("(\r\n|\\s)", re.U)
RE_ENG = re.compile("[a-zA-Z0-9]", re.U)


def jieba_dict_path() -> Path:
    """dict.txt of the installed jieba, found without importing jieba (its import loads the HMM tables)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jieba is not installed: its dict.txt is the name rules' dictionary")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def release_free_heap() -> None:
    """Hand the heap pages freed by a build back to the OS (glibc's ``malloc_trim``; elsewhere nothing).

    Reading dict.txt frees ~50 MB of scratch (a million field strings, the code matrix) that glibc keeps
    mapped, so without this the process's RSS grows by more than the whole jieba dictionary it replaces."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError, TypeError):
        pass


@dataclass(frozen=True)
class DictRows:
    """The lines of a jieba dictionary as arrays, in file order: a word's code points (zero-padded), its
    length and its frequency (the part-of-speech tag plays no part in segmenting)."""

    codes: np.ndarray     # (rows, longest word) uint32
    lengths: np.ndarray   # int64
    freqs: np.ndarray     # int64

    def __len__(self) -> int:
        return len(self.lengths)


def dict_fields(path: Path | None = None) -> tuple[list[str], list[str], list[str]]:
    """(words, frequencies, tags) of jieba's dict.txt, line by line (``path``: another file in that format).

    One ``split`` of the whole text is ~4x faster than splitting line by line as jieba does; the counts
    check that both read the same fields (every line ``word freq tag`` with single spaces)."""
    text = (path or jieba_dict_path()).read_bytes().decode("utf-8")
    fields = text.split()
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if len(fields) != 3 * lines or text.count(" ") != 2 * lines:
        raise ValueError("jieba dictionary: every line must be 'word freq tag' separated by single spaces")
    return fields[0::3], fields[1::3], fields[2::3]


def read_dict(path: Path | None = None) -> DictRows:
    """Every line of jieba's dict.txt as arrays."""
    words, freqs, _ = dict_fields(path)
    return _rows(words, [int(f) for f in freqs])


def _rows(words: list[str], freqs: list[int]) -> DictRows:
    """Words as rows of a zero-padded code-point matrix (one vectorised scatter, no per-word loop)."""
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    flat = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
    if len(words) and (lengths.min() < 1 or flat.min() == 0):
        raise ValueError("jieba dictionary: empty word or NUL character")
    codes = np.zeros((len(words), int(lengths.max(initial=1))), dtype=np.uint32)
    starts = np.cumsum(lengths) - lengths
    codes[np.repeat(np.arange(len(words)), lengths), np.arange(len(flat)) - np.repeat(starts, lengths)] = flat
    return DictRows(codes, lengths, np.array(freqs, dtype=np.int64))


def _concat(a: DictRows, b: DictRows) -> DictRows:
    width = max(a.codes.shape[1], b.codes.shape[1])
    codes = np.zeros((len(a) + len(b), width), dtype=np.uint32)
    codes[:len(a), :a.codes.shape[1]] = a.codes
    codes[len(a):, :b.codes.shape[1]] = b.codes
    return DictRows(codes, np.concatenate([a.lengths, b.lengths]), np.concatenate([a.freqs, b.freqs]))


class WordDictionary:
    """``freq(word)`` and ``cut(text)`` equal to ``jieba.Tokenizer().FREQ.get(word, 0)`` and
    ``.cut(text, HMM=False)`` after ``add_word(word, freq)`` for each of ``extra``, in order."""

    def __init__(self, rows: DictRows | None = None, extra: Iterable[tuple[str, int]] = ()) -> None:
        rows = read_dict() if rows is None else rows
        added = list(extra)
        if added:   # jieba's add_word: the frequency replaces the word's and is added to the total
            rows = _concat(rows, _rows([w for w, _ in added], [f for _, f in added]))
        self.total = int(rows.freqs.sum())
        self._logtotal = log(self.total)
        chars, first, freqs = _trie(rows)
        if freqs.max(initial=0) >= 2 ** 31 or freqs.min(initial=0) < 0:
            raise ValueError("jieba dictionary: a frequency outside 0..2^31-1")
        self._chars = chars.astype("<u4").tobytes().decode("utf-32-le")
        self._first = array("I", first.astype(np.uint32).tobytes())
        self._freq = array("i", freqs.astype(np.int32).tobytes())
        roots = chars[1:first[1]]         # level 1: the nodes 1..first[1]-1, one per first character
        table = np.zeros(int(roots.max(initial=0)) + 1, dtype=np.uint32)
        table[roots] = np.arange(1, len(roots) + 1, dtype=np.uint32)
        self._root = array("I", table.tobytes())
        del rows, chars, first, freqs, roots, table
        release_free_heap()

    def __len__(self) -> int:
        """The number of jieba's FREQ keys (words and their prefixes)."""
        return len(self._freq) - 1

    def node(self, key: str) -> int:
        """The trie node of ``key`` (a word or a prefix of one), or 0 when jieba's FREQ has no such key."""
        root = self._root
        code = ord(key[0]) if key else len(root)
        node = root[code] if code < len(root) else 0
        if node and len(key) > 1:
            chars, first = self._chars, self._first
            for char in key[1:]:
                node = chars.find(char, first[node], first[node + 1])   # children lie at 1.., never 0
                if node < 0:
                    return 0
        return node

    def __contains__(self, key: str) -> bool:
        return self.node(key) > 0

    def freq(self, word: str) -> int:
        """jieba's ``FREQ.get(word, 0)``: 0 for a prefix that is no word and for anything absent."""
        return self._freq[self.node(word)]

    def cut(self, sentence: str) -> Iterator[str]:
        """jieba's ``Tokenizer.cut(sentence, HMM=False)``."""
        for block in RE_HAN.split(sentence):
            if not block:
                continue
            if RE_HAN.match(block):
                yield from self._cut_dag(block)
                continue
            for piece in RE_SKIP.split(block):
                if RE_SKIP.match(piece):
                    yield piece
                else:
                    yield from piece

    def _dag(self, sentence: str) -> list[list[tuple[int, int]]]:
        """jieba's ``get_DAG`` with each end's frequency: for every start k, the ends x (inclusive) where
        sentence[k:x+1] is a word of non-zero frequency, else [(k, 0)]."""
        chars, first, freq, root = self._chars, self._first, self._freq, self._root
        n = len(sentence)
        dag = []
        for k in range(n):
            ends = []
            code = ord(sentence[k])
            node = root[code] if code < len(root) else 0
            i = k
            while node:
                if freq[node]:
                    ends.append((i, freq[node]))
                i += 1
                if i == n:
                    break
                node = chars.find(sentence[i], first[node], first[node + 1])
                if node < 0:
                    break
            dag.append(ends or [(k, 0)])
        return dag

    def _cut_dag(self, sentence: str) -> Iterator[str]:
        """jieba's ``calc`` (best route from the right, ties to the longer word) and ``__cut_DAG_NO_HMM``."""
        dag = self._dag(sentence)
        n = len(sentence)
        logtotal = self._logtotal
        route: list[tuple[float, int]] = [(0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(f or 1) - logtotal + route[x + 1][0], x) for x, f in dag[idx])
        x, buf = 0, ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if RE_ENG.match(word) and len(word) == 1:
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf


def _trie(rows: DictRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(char, first child, frequency) per node, breadth-first, each level sorted; node 0 is the root.

    The rows are sorted as str sorts them: as bytes of their zero-padded big-endian code points (~10x faster
    than a lexsort over the columns), stably, so of two lines with one word the later stays last, and jieba
    keeps the later one's frequency.  At level d the distinct d-prefixes of the rows at least d long are the
    nodes; a node's parent is its row's node at level d - 1."""
    keys = np.ascontiguousarray(rows.codes, dtype=">u4").view(f"S{4 * rows.codes.shape[1]}").ravel()
    order = np.argsort(keys, kind="stable")
    del keys
    codes, lengths, row_freqs = rows.codes[order], rows.lengths[order], rows.freqs[order]
    level_node = np.zeros(len(order), dtype=np.int64)     # each row's node at the level before
    chars, parents, freqs = [np.zeros(1, np.uint32)], [np.zeros(0, np.int64)], [np.zeros(1, np.int64)]
    next_id = 1
    for d in range(1, codes.shape[1] + 1):
        at = np.flatnonzero(lengths >= d)
        prefix = codes[at, :d]
        new = np.ones(len(at), dtype=bool)
        new[1:] = (prefix[1:] != prefix[:-1]).any(axis=1)
        ids = next_id + np.cumsum(new) - 1
        chars.append(codes[at[new], d - 1])
        parents.append(level_node[at[new]])
        level_freq = np.zeros(int(new.sum()), dtype=np.int64)
        whole = np.flatnonzero(lengths[at] == d)          # rows whose word ends here, sorted, file order kept
        last = whole[np.append(ids[whole][1:] != ids[whole][:-1], True)] if len(whole) else whole
        level_freq[ids[last] - next_id] = row_freqs[at[last]]
        freqs.append(level_freq)
        level_node[at] = ids
        next_id += len(level_freq)
    parent = np.concatenate(parents)                      # of nodes 1.., non-decreasing
    first = 1 + np.searchsorted(parent, np.arange(next_id + 1), side="left")
    return np.concatenate(chars), first, np.concatenate(freqs)
