"""Provides keyword extraction: TF-IDF against a news background, with phrase merging.

snownlp's own keywords() returns punctuation, single characters and common
words; here candidates are filtered (stopwords, digits, single characters),
weighted by where they stand (title, headings, lead), scored against the
background document frequencies of People's Daily, and adjacent words that
always occur together are merged into one phrase (火炬 + 开发区).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.lexicon import background_idf, stopwords

_NUMERIC = re.compile(
    r"^[\d０-９.,%％\-—~～]+$|^[\d０-９]+[年月日号时分秒个万亿元岁%]$|^第[\d一二三四五六七八九十]+"
)
_CJK = re.compile("^[\u4e00-\u9fa5]+$")
_TITLE_WEIGHT = 3.0
_HEADING_WEIGHT = 2.0
_LEAD_WEIGHT = 1.5
PHRASE_SHARE = 0.5  # of each part's occurrences that must be in the pair


@dataclass(frozen=True, slots=True)
class Keyword:
    """A keyword or phrase and its score (higher is more important)."""

    word: str
    score: float


@dataclass(frozen=True, slots=True)
class WeightedText:
    """The words of one piece of the document and how much an occurrence there counts."""

    words: list[str]
    weight: float = 1.0


def is_candidate(word: str) -> bool:
    """Could a reader underline this word? No stopwords, numbers or lone characters."""
    if len(word) < 2 or word in stopwords() or _NUMERIC.match(word):
        return False
    if _CJK.match(word):
        return True
    return word.isascii() and any(c.isalpha() for c in word)


def extract_keywords(pieces: list[WeightedText], limit: int = 10) -> list[Keyword]:
    """Top keywords of a document given as weighted word lists, best first."""
    idf, unseen_idf = background_idf()
    tf: Counter[str] = Counter()
    pair_tf: Counter[tuple[str, str]] = Counter()
    raw_count: Counter[str] = Counter()
    for piece in pieces:
        for i, word in enumerate(piece.words):
            if not is_candidate(word):
                continue
            tf[word] += piece.weight
            raw_count[word] += 1
            if i + 1 < len(piece.words) and is_candidate(piece.words[i + 1]):
                pair_tf[(word, piece.words[i + 1])] += 1
    scores = {w: f * idf.get(w, unseen_idf) for w, f in tf.items()}
    for (a, b), together in pair_tf.items():
        if together < 2 or len(a) + len(b) > 8:
            continue
        share_a, share_b = together / raw_count[a], together / raw_count[b]
        if min(share_a, share_b) >= PHRASE_SHARE:
            scores[a + b] = max(scores.get(a, 0.0), scores.get(b, 0.0)) * 1.2
            # A part that hardly ever stands alone is not a keyword of its own.
            for part, share in ((a, share_a), (b, share_b)):
                if share >= 0.9:
                    scores.pop(part, None)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [Keyword(w, s) for w, s in ranked]


WEIGHTS = {"title": _TITLE_WEIGHT, "heading": _HEADING_WEIGHT, "lead": _LEAD_WEIGHT}
