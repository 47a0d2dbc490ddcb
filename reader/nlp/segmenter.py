"""Provides word segmentation identical to ``snownlp.seg.seg``, many times faster.

snownlp tags each character b/m/e/s with a trigram model and a Viterbi search
written in Python. We run the same search over all runs of Chinese characters
at once with numpy. Floating-point logs from numpy may differ from
``math.log`` in the last bit, so any run whose decisions came within a hair
of a tie is searched again with ``math.log``, exactly as snownlp does; the
tie-breaking order of snownlp's dict iteration is reproduced.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from reader.nlp.segmodel import BOS, SegModel, load_model

_ZH_RUN = re.compile("([\u4e00-\u9fa5]+)")
_MARGIN = 1e-9  # decisions closer than this are re-checked with exact logs
_BATCH_CHARS = 40_000
_CACHE_CHARS = 20_000  # texts longer than this are not kept in segment()'s cache
_LAST = 3  # snownlp's dict order makes the last predecessor (tag 's') win for unknown characters


def segment(text: str) -> list[str]:
    """Split ``text`` into words exactly as ``snownlp.seg.seg(text)`` does.

    Short texts are remembered (the reader asks again for what is on screen);
    a long one is not, or the cache would hold megabytes of words.
    """
    if len(text) > _CACHE_CHARS:
        return list(_segment(text))
    return list(_segment_cached(text))


@lru_cache(maxsize=64)
def _segment_cached(text: str) -> tuple[str, ...]:
    return _segment(text)


def _segment(text: str) -> tuple[str, ...]:
    pieces = _ZH_RUN.split(text)
    runs = [p.strip() for p in pieces[1::2]]
    tags = tag_runs(runs)
    words: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            words.extend(_words_from_tags(piece.strip(), tags[index // 2]))
        else:
            words.extend(w for w in piece.split() if w)
    return tuple(words)


def _words_from_tags(run: str, tags: list[int]) -> list[str]:
    """snownlp's rule: 'e' closes a word, 'b' and 's' open one, 'm' continues."""
    words: list[str] = []
    current = ""
    for char, tag in zip(run, tags, strict=True):
        if tag == 2:  # e
            words.append(current + char)
            current = ""
        elif tag in (0, 3):  # b, s
            if current:
                words.append(current)
            current = char
        else:
            current += char
    if current:
        words.append(current)
    return words


def tag_runs(runs: list[str], model: SegModel | None = None) -> list[list[int]]:
    """Tag ids (0 b, 1 m, 2 e, 3 s) of each run of Chinese characters.

    Identical runs are tagged once (repeated boilerplate, a repeated
    character cut into pieces). Runs are searched longest first in batches of
    similar length: the search steps once per character of a batch's longest
    run, so a batch mixing one long run with many short ones wastes steps.
    """
    model = model or load_model()
    unique = list(dict.fromkeys(runs))
    unique.sort(key=len, reverse=True)
    found: dict[str, tuple[list[int], bool]] = {}
    batch: list[str] = []
    size = 0
    for run in unique:  # batches bound the memory of the (chars x 100) score tables
        batch.append(run)
        size += len(run)
        if size >= _BATCH_CHARS:
            found.update(zip(batch, _viterbi(batch, model, exact=False), strict=True))
            batch, size = [], 0
    if batch:
        found.update(zip(batch, _viterbi(batch, model, exact=False), strict=True))
    retry = [run for run, (_, close) in found.items() if close]
    if retry:
        found.update(zip(retry, _viterbi(retry, model, exact=True), strict=True))
    return [found[run][0] for run in runs]


def _log_probs(
    c1: np.ndarray, c2: np.ndarray, c3: np.ndarray, model: SegModel, exact: bool
) -> np.ndarray:
    """log P(t3 | t1, t2) at every position, shape (n, 5, 5, 4), as snownlp's log_prob.

    ``c1, c2, c3`` are the char ids of the two previous characters and this
    one (0 for BOS). Tags 0-3 are b m e s and 4 is BOS. The arithmetic follows
    snownlp's order of operations so the sums are bit-identical. Most
    character triples were never seen in training; there the trigram term is
    zero and the value does not depend on t1, so only the seen ones are
    computed one by one.
    """
    n, n_chars = len(c3), model.n_chars
    slots = np.arange(5)
    uni3 = model.uni[c3[:, None] * 5 + slots[None, :4]]  # (n, t3)
    uni2 = model.uni[c2[:, None] * 5 + slots[None, :]]  # (n, t2)
    bi23 = _dense_block(model.bi_keys, model.bi_counts, c2 * n_chars + c3, 25).reshape(n, 5, 5)
    uni = model.l1 * (uni3 / model.total)  # (n, t3)
    with np.errstate(divide="ignore", invalid="ignore"):
        u2 = uni2[:, :, None]
        bi = np.where(u2 != 0, (model.l2 * bi23[:, :, :4]) / np.where(u2 != 0, u2, 1), 0.0)
    uni_bi = uni[:, None, :] + bi  # (n, t2, t3)
    lp = np.broadcast_to(_log(uni_bi, exact)[:, None, :, :], (n, 5, 5, 4)).copy()

    rows, cols, counts = _sparse_block(
        model.tri_keys, model.tri_counts, (c1 * n_chars + c2) * n_chars + c3, 125
    )
    t1, t2, t3 = cols // 25, (cols // 5) % 5, cols % 5
    keep = t3 < 4
    rows, t1, t2, t3, counts = rows[keep], t1[keep], t2[keep], t3[keep], counts[keep]
    if len(rows):
        b_rows, b_cols, b_counts = _sparse_block(
            model.bi_keys, model.bi_counts, c1[rows] * n_chars + c2[rows], 25
        )
        bi12 = np.zeros((len(rows), 25))
        bi12[b_rows, b_cols] = b_counts
        denominator = bi12[np.arange(len(rows)), t1 * 5 + t2]
        with np.errstate(divide="ignore", invalid="ignore"):
            tri = np.where(
                denominator != 0,
                (model.l3 * counts) / np.where(denominator != 0, denominator, 1),
                0.0,
            )
        lp[rows, t1, t2, t3] = _log(uni_bi[rows, t2, t3] + tri, exact)
    return lp


def _log(values: np.ndarray, exact: bool) -> np.ndarray:
    """Natural log with -inf for 0; ``exact`` uses math.log as snownlp does."""
    if exact:
        logs = [math.log(v) if v != 0 else -math.inf for v in values.ravel().tolist()]
        return np.array(logs, dtype=np.float64).reshape(values.shape)
    with np.errstate(divide="ignore"):
        return np.log(values)


def _sparse_block(
    keys: np.ndarray, counts: np.ndarray, prefixes: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries of the key blocks ``prefix * size + 0 .. size - 1``: (row, column, count)."""
    base = prefixes * size
    # Sorted queries walk the keys in order: several times faster than random probes.
    order = np.argsort(base, kind="stable")
    lo = np.empty_like(base)
    hi = np.empty_like(base)
    lo[order] = np.searchsorted(keys, base[order])
    hi[order] = np.searchsorted(keys, base[order] + size)
    lengths = hi - lo
    total = int(lengths.sum())
    rows = np.repeat(np.arange(len(prefixes)), lengths)
    # Index lo[r] .. hi[r] - 1 for each row r, built without a Python loop.
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    idx = np.repeat(lo, lengths) + offsets
    return rows, keys[idx] - base[rows], counts[idx]


def _dense_block(
    keys: np.ndarray, counts: np.ndarray, prefixes: np.ndarray, size: int
) -> np.ndarray:
    rows, cols, values = _sparse_block(keys, counts, prefixes, size)
    dense = np.zeros((len(prefixes), size))
    dense[rows, cols] = values
    return dense


def _viterbi(runs: list[str], model: SegModel, exact: bool) -> list[tuple[list[int], bool]]:
    """Best tag sequence of each run, and whether a decision was near a tie.

    ``runs`` come longest first. Characters are laid out position-major (the
    first character of every run, then the second of every run long enough …),
    so the runs still active at step k are a prefix and each step reads and
    writes contiguous slices.
    """
    if not runs:
        return []
    chars = model.chars
    unknown = model.unknown_id
    lengths = np.array([len(r) for r in runs], dtype=np.int64)
    n_runs = len(runs)
    max_len = int(lengths[0])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    run_major = np.array([chars.get(c, unknown) for r in runs for c in r], dtype=np.int64)
    # active[k]: runs longer than k (a prefix, as runs are sorted longest first).
    active = n_runs - np.cumsum(np.bincount(lengths, minlength=max_len + 1))[:max_len]
    offsets = np.concatenate([[0], np.cumsum(active)])
    n = int(offsets[-1])
    k_of = np.repeat(np.arange(max_len), active)
    r_of = np.arange(n) - np.repeat(offsets[:-1], active)
    where = starts[r_of] + k_of  # run-major index of each position-major slot
    flat = run_major[where]
    padded = np.concatenate([[0, 0], run_major])  # index i + 2 is run_major[i]
    prev1 = np.where(k_of >= 1, padded[where + 1], 0)  # BOS has char id 0
    prev2 = np.where(k_of >= 2, padded[where], 0)
    lp = _log_probs(prev2, prev1, flat, model, exact)
    known = (model.uni[flat[:, None] * 5 + np.arange(4)[None, :]] != 0).any(axis=1)

    # score[r, t_prev, t_cur]; position 0 uses t_prev = BOS only.
    score = np.full((n_runs, 5, 4), -np.inf)
    back = np.zeros((n, 5, 4), dtype=np.int8)  # best t_{k-2} per position and state
    close = np.zeros(n_runs, dtype=bool)
    offs = offsets.tolist()
    for k, m in enumerate(active.tolist()):
        lo, hi = offs[k], offs[k] + m
        step = lp[lo:hi]  # (m, 5, 5, 4): t1, t2, t3
        is_known = known[lo:hi]
        all_known = bool(is_known.all())
        if k == 0:
            score[:m, BOS, :] = np.where(is_known[:, None], step[:, BOS, BOS, :], 0.0)
            back[lo:hi] = BOS
        elif k == 1:
            prev = score[:m, BOS, :].copy()  # (m, 4) by t0
            cand = prev[:, :, None] + step[:, BOS, :4, :]  # (m, t0, t1)
            score[:m, :4, :] = (
                cand if all_known else np.where(is_known[:, None, None], cand, prev[:, :, None])
            )
            score[:m, BOS, :] = -np.inf
            back[lo:hi] = BOS
        else:
            prev = score[:m, :4, :]  # (m, t_{k-2}, t_{k-1})
            cand = prev[:, :, :, None] + step[:, :4, :4, :]  # (m, t1, t2, t3)
            best = np.argmax(cand, axis=1)  # first maximum, as snownlp's strict '>'
            best_val = np.max(cand, axis=1)
            if not exact:
                # Near a tie: the runner-up within _MARGIN of the best (the best counts once).
                with np.errstate(invalid="ignore"):
                    within = ((best_val[:, None] - cand) < _MARGIN).sum(axis=1)
                near = (within >= 2) & np.isfinite(best_val)
                close[:m] |= near.any(axis=(1, 2)) & is_known
            if all_known:
                score[:m, :4, :] = best_val
                back[lo:hi, :4, :] = best
            else:
                unknown_val = np.broadcast_to(prev[:, _LAST, :, None], best_val.shape)
                score[:m, :4, :] = np.where(is_known[:, None, None], best_val, unknown_val)
                back[lo:hi, :4, :] = np.where(is_known[:, None, None], best, _LAST)
    tags = _backtrack(score, back, offs, active, lengths, close, exact)
    flat_tags = np.empty(n, dtype=np.int8)
    flat_tags[where] = tags
    run_tags = flat_tags.tolist()
    return [
        (run_tags[a : a + length], bool(c))
        for a, length, c in zip(starts.tolist(), lengths.tolist(), close.tolist(), strict=True)
    ]


def _backtrack(
    score: np.ndarray,
    back: np.ndarray,
    offs: list[int],
    active: np.ndarray,
    lengths: np.ndarray,
    close: np.ndarray,
    exact: bool,
) -> np.ndarray:
    """Pick each run's best final state in snownlp's order and follow the pointers back.

    Returns the tags position-major; marks in ``close`` the runs whose final
    choice was near a tie.
    """
    n_runs = len(lengths)
    # snownlp's final list order: (BOS, t) for one character, else t-major, t_prev-minor.
    multi = score[:, :4, :4].transpose(0, 2, 1).reshape(n_runs, 16)
    single = np.full((n_runs, 16), -np.inf)
    single[:, :4] = score[:, BOS, :]
    finals = np.where((lengths == 1)[:, None], single, multi)
    best = np.argmax(finals, axis=1)  # first maximum
    if not exact:
        top = -np.sort(-finals, axis=1)[:, :2]
        with np.errstate(invalid="ignore"):
            near = (top[:, 0] - top[:, 1] < _MARGIN) & np.isfinite(top[:, 0])
        close |= near
    t_cur = np.where(lengths == 1, best, best // 4)
    t_prev = np.where(lengths == 1, BOS, best % 4)
    tags = np.zeros(offs[-1], dtype=np.int8)
    for k in range(len(active) - 1, -1, -1):
        m = int(active[k])
        lo = offs[k]
        # Runs ending here join the walk with their own final state.
        tags[lo : lo + m] = t_cur[:m]
        if k == 0:
            break
        prev2 = back[np.arange(lo, lo + m), t_prev[:m], t_cur[:m]]
        t_cur[:m] = t_prev[:m]
        t_prev[:m] = prev2
    return tags
