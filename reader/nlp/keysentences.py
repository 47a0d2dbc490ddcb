"""Provides key-sentence ranking: centrality, title similarity and position, without repeats.

Each sentence is a TF-IDF bag of content words. Its score mixes cosine
similarity to the whole document (centrality), similarity to the title, and a
position prior that news writing earns (the lead carries the story). Picks
are made greedily with a redundancy penalty (maximal marginal relevance), so
two near-identical sentences are never both returned, and at most
LEAD_PICKS come from the first LEAD_SENTENCES: a reader who opens the article
sees its lead, so the rest of the picks show what the body adds. A sentence
ending in a colon only introduces what follows and is never picked alone.
Everything is linear in the text size: sparse dot products through numpy, no
n x n matrix.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from reader.lazy_pattern import LazyPattern

CENTRALITY = 1.0
TITLE = 0.6
POSITION = 0.5
REDUNDANCY = 0.7
DUPLICATE = 0.75  # cosine above which a candidate repeats a pick
MIN_CHARS = 8
LONG_CHARS = 180
LEAD_SENTENCES = 3  # what Lead-3 shows, and a reader sees first
LEAD_PICKS = 2  # picks allowed among them; the best lead sentence still carries the story


@dataclass(frozen=True, slots=True)
class SentenceVectors:
    """Sparse TF-IDF rows of the sentences, L2-normalised: (row, column, value) triples."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    n_rows: int
    vocabulary: dict[str, int]

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """Each sentence's cosine with a dense, normalised vocabulary vector."""
        return np.bincount(self.rows, weights=self.vals * vector[self.cols], minlength=self.n_rows)

    def row(self, index: int) -> np.ndarray:
        dense = np.zeros(len(self.vocabulary))
        mask = self.rows == index
        dense[self.cols[mask]] = self.vals[mask]
        return dense


def vectorize(sentences: list[list[str]], idf: dict[str, float], unseen: float) -> SentenceVectors:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, words in enumerate(sentences):
        counts = Counter(words)
        weights = {w: (1 + math.log(c)) * idf.get(w, unseen) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        for word, weight in weights.items():
            rows.append(r)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
            vals.append(weight / norm)
    return SentenceVectors(
        np.array(rows, dtype=np.int64),
        np.array(cols, dtype=np.int64),
        np.array(vals),
        len(sentences),
        vocabulary,
    )


def _dense(
    words: list[str], vectors: SentenceVectors, idf: dict[str, float], unseen: float
) -> np.ndarray:
    vector = np.zeros(len(vectors.vocabulary))
    for word, count in Counter(words).items():
        if word in vectors.vocabulary:
            vector[vectors.vocabulary[word]] = (1 + math.log(count)) * idf.get(word, unseen)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


BODY_POSITION = 0.4  # the prior of every sentence past the lead


def position_prior(order: np.ndarray) -> np.ndarray:
    """The lead earns its place; past it, where a sentence stands says little.

    A prior that kept decaying (1/sqrt(1+i)) drew two thirds of the picks
    from the first fifth of the text; flat past the lead, the body competes
    on what it says (benchmarks/lead_share.py).
    """
    return np.where(order < LEAD_SENTENCES, 1.0 / np.sqrt(1.0 + order), BODY_POSITION)


def score_sentences(
    sentences: list[list[str]],
    lengths: list[int],
    title: list[str],
    idf: dict[str, float],
    unseen: float,
    first_in_paragraph: list[bool],
) -> tuple[np.ndarray, SentenceVectors]:
    """Importance of each sentence before redundancy is considered."""
    vectors = vectorize(sentences, idf, unseen)
    n = len(sentences)
    if n == 0:
        return np.zeros(0), vectors
    centroid = np.bincount(vectors.cols, weights=vectors.vals, minlength=len(vectors.vocabulary))
    norm = np.linalg.norm(centroid)
    centrality = vectors.dot(centroid / norm) if norm else np.zeros(n)
    title_vec = _dense(title, vectors, idf, unseen)
    title_sim = vectors.dot(title_vec) if title_vec.any() else np.zeros(n)
    order = np.arange(n)
    position = position_prior(order) + 0.15 * np.array(first_in_paragraph, dtype=float)
    score = CENTRALITY * centrality + TITLE * title_sim + POSITION * position
    length = np.array(lengths, dtype=float)
    score = np.where(length < MIN_CHARS, score * 0.3, score)
    score = np.where(
        length > LONG_CHARS, score * (LONG_CHARS / np.maximum(length, 1)) ** 0.5, score
    )
    return score, vectors


_ENDINGS = ("。", "！", "？", "!", "?", "…", "”", "」", "』", "）", ")", "；", ";", ".")
LABEL_CHARS = 20  # below this, a line without final punctuation is a label


# A reporter's or a wire's credit opening a paragraph: （中央社记者林怡君彰化5日电）,
# 本报讯（记者 张三）, 〔记者王小明／台北报导〕. It names who wrote, not what about.
_OPENING_CREDIT = LazyPattern(
    r"^\s*(?:[\u4e00-\u9fff\d]{0,14}讯\s*)?[（(〔【［]"
    r"[^（）()〔〕【】［］]{0,40}?(?:记者|通讯员|电|讯|报道|报导)[^（）()〔〕【】［］]{0,20}[）)〕】］]"
)


def opening_credit(text: str) -> int:
    """How many characters of ``text`` (simplified) a credit that opens it takes; 0 if none."""
    if not (text.lstrip()[:1] in "（(〔【［" or "讯" in text[:16]):
        return 0  # most paragraphs: no need for the pattern
    found = _OPENING_CREDIT.match(text)
    return found.end() if found else 0


def is_label(text: str) -> bool:
    """半月谈记者 史卫燕, 16 中医学数据库: a short line with no final punctuation labels, not says."""
    stripped = text.rstrip()
    return len(stripped) < LABEL_CHARS and not stripped.endswith(_ENDINGS)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_OTHER_LETTERS = re.compile(r"[A-Za-z\uac00-\ud7af]")  # Latin, hangul
_KANA = re.compile(r"[\u3040-\u30fa]")  # not ・ or ー, which Chinese text borrows


def mostly_chinese(text: str) -> bool:
    """Is the sentence Chinese: most of its letters Chinese characters, and no kana? A
    page's prompt in English or Japanese (日本語版に移動しますか) says nothing of the article."""
    han = len(_HAN.findall(text))
    return han > 0 and han >= len(_OTHER_LETTERS.findall(text)) and not _KANA.search(text)


def introduces(text: str) -> bool:
    """Does the sentence end in a colon (以下几点：)? Then it says nothing without what follows."""
    return text.rstrip().endswith(("：", ":", "︰"))


def select(
    score: np.ndarray,
    vectors: SentenceVectors,
    limit: int,
    allowed: np.ndarray | None = None,
    lead_picks: int | None = LEAD_PICKS,
) -> list[int]:
    """Greedy picks by score minus similarity to what is already picked.

    At most ``lead_picks`` of the first LEAD_SENTENCES (None: no limit).
    """
    n = len(score)
    chosen: list[int] = []
    max_sim = np.zeros(n)
    available = np.ones(n, dtype=bool) if allowed is None else allowed.copy()
    in_lead = 0
    while len(chosen) < limit and available.any():
        adjusted = np.where(available, score - REDUNDANCY * max_sim, -np.inf)
        best = int(np.argmax(adjusted))
        available[best] = False
        if max_sim[best] > DUPLICATE:
            continue
        chosen.append(best)
        if best < LEAD_SENTENCES:
            in_lead += 1
            if lead_picks is not None and in_lead >= lead_picks:
                available[:LEAD_SENTENCES] = False
        max_sim = np.maximum(max_sim, vectors.dot(vectors.row(best)))
        # A repeat of a pick can never be picked (max_sim only grows): drop it now,
        # or a text of many copies of one sentence takes one O(n) round per copy.
        available &= max_sim <= DUPLICATE
    return chosen
