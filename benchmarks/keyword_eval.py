"""Provides the keyword measure used on annotated data: top-k precision, recall and F1.

Averaged per document, as the shared CSL data's README defines it; used by
benchmarks/keywords_csl.py and by the test that guards the score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.nlp.analysis import text_keywords


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    documents: int


def keyword_scores(rows: Iterable[dict], top: int = 5) -> Scores:
    """Mean P/R/F1 of our top keywords against each row's "keywords" (rows: title, text)."""
    p_sum = r_sum = f_sum = 0.0
    n = 0
    for row in rows:
        n += 1
        found = {k.word for k in text_keywords(row.get("title", ""), row["text"], top)}
        gold = set(row["keywords"])
        hit = len(found & gold)
        if hit:
            p, r = hit / len(found), hit / len(gold)
            p_sum, r_sum, f_sum = p_sum + p, r_sum + r, f_sum + 2 * p * r / (p + r)
    n = max(n, 1)
    return Scores(p_sum / n, r_sum / n, f_sum / n, n)
