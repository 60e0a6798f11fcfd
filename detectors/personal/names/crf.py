"""LAC's CRF layer, decoded in NumPy: the best tag path of a batch of windows, and the PER spans of a tag path."""
from __future__ import annotations

import numpy as np

PER_B, PER_I = 16, 17   # tag ids of PER-B / PER-I (tag.dic)


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


def viterbi_pruned(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray | None = None,
                   k: int = 6) -> np.ndarray:
    """Viterbi restricted to each position's ``k`` best tags by emission (agrees with the full search on
    real text: the CRF only arbitrates between tags the encoder already ranks high). (B, T, K) -> (B, T).
    With ``lengths``, each path ends at its row's length (the rows of a padded batch); past it, undefined."""
    batch, steps, _ = emissions.shape
    last = np.full(batch, steps - 1) if lengths is None else np.asarray(lengths) - 1
    cand = np.argpartition(-emissions, k, axis=2)[:, :, :k]
    em = np.take_along_axis(emissions, cand, axis=2)
    # transition + next emission for every step, gathered and added once: (T-1, B, k, k)
    step = (transitions[cand[:, :-1, :, None], cand[:, 1:, None, :]] + em[:, 1:, None, :]).transpose(1, 0, 2, 3)
    scores = np.empty((steps, batch, k), dtype=em.dtype)   # best path score ending in each candidate tag
    scores[0] = em[:, 0]
    back = np.empty((steps, batch, k), dtype=np.intp)
    for t in range(1, steps):
        total = scores[t - 1][:, :, None] + step[t - 1]
        back[t] = total.argmax(axis=1)
        total.max(axis=1, out=scores[t])
    rows = np.arange(batch)
    idx = np.zeros((batch, steps), dtype=np.intp)
    ends = scores[last, rows].argmax(axis=1).tolist()
    for r, (pointers, end, best) in enumerate(zip(back.transpose(1, 0, 2).tolist(), last.tolist(), ends)):
        path = [best]                                  # traced back in Python: a few rows of many steps each
        for t in range(end, 0, -1):
            best = pointers[t][best]
            path.append(best)
        idx[r, :end + 1] = path[::-1]
    return cand[rows[:, None], np.arange(steps)[None, :], idx]
