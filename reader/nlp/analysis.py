"""Provides the analysis of a document: keywords and key sentences, in the document's script.

Traditional-script documents are analysed through a simplified view (OpenCC
t2s, sentence by sentence, so positions stay the document's own), and the
results are reported in the original characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np

from reader.convert import Variant, convert, converter, to_simplified
from reader.model import Document, Location
from reader.nlp.keysentences import (
    introduces,
    is_label,
    mostly_chinese,
    opening_credit,
    score_sentences,
    select,
)
from reader.nlp.keywords import WEIGHTS, Keyword, WeightedText, extract_keywords
from reader.nlp.lexicon import background_idf
from reader.nlp.tokens import content_terms, segment_sentences

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class KeySentence(Location):
    """A sentence of the document, where it stands, and how central it is."""

    text: str
    sentence: int  # index within the paragraph
    score: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """Keywords (best first) and key sentences (in document order)."""

    keywords: tuple[Keyword, ...]
    sentences: tuple[KeySentence, ...]
    section_best: tuple[KeySentence | None, ...]  # one per section of the document


@dataclass(frozen=True, slots=True)
class _Located:
    section: int
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    first_in_paragraph: bool


def analyze(document: Document, keywords: int = 10, sentences: int = 5) -> Analysis:
    """Keywords and key sentences of ``document``; cached by content and limits."""
    return _analyze_cached(document, keywords, sentences)


@lru_cache(maxsize=16)
def _analyze_cached(document: Document, keyword_limit: int, sentence_limit: int) -> Analysis:
    every = [
        (si, pi, k, s)
        for si, pi, paragraph in document.paragraphs()
        for k, s in enumerate(paragraph.sentences)
    ]
    located = [
        _Located(si, pi, k, s.start, s.end, s.text, k == 0)
        for si, pi, k, s in sample_sentences(every, [len(x[3].text) for x in every])
    ]
    headings = [h for s in document.sections for h in (s.heading, s.subtitle) if h]
    originals = [document.title or "", *headings, *(x.text for x in located)]
    traditional = document.traditional
    views = _simplified_lines(originals) if traditional else list(originals)
    # A paragraph's opening credit ((中央社记者某某台北5日电)) names no topic: blanked
    # out, the same length, so offsets still match the original.
    first = 1 + len(headings)
    for i, x in enumerate(located):
        if x.first_in_paragraph and (credit := opening_credit(views[first + i])):
            views[first + i] = " " * credit + views[first + i][credit:]
    words = [content_terms(w, breaks=True) for w in segment_sentences(views)]
    title_words = words[0]
    heading_words = words[1 : 1 + len(headings)]
    sentence_words = words[1 + len(headings) :]

    lead = {i for i, x in enumerate(located) if x.section == 0 and x.paragraph == 0}
    pieces = [WeightedText(title_words, WEIGHTS["title"])]
    pieces += [WeightedText(w, WEIGHTS["heading"]) for w in heading_words]
    pieces += [
        WeightedText(w, WEIGHTS["lead"] if i in lead else 1.0) for i, w in enumerate(sentence_words)
    ]
    found = extract_keywords(pieces, keyword_limit, views)
    top = found[0].score if found else 1.0
    if traditional:
        found = [Keyword(_in_original(k.word, views, originals), k.score) for k in found]
    keyword_list = tuple(Keyword(k.word, round(k.score / top, 4)) for k in found)

    idf, unseen = background_idf()
    score, vectors = score_sentences(
        [[w for w in ws if w] for ws in sentence_words],
        [len(x.text) for x in located],
        [w for w in title_words if w],
        idf,
        unseen,
        [x.first_in_paragraph for x in located],
    )
    # A byline or a caption is picked only when nothing else is left to pick.
    score = np.where([is_label(x.text) for x in located], score * 0.3, score)
    # 如下： introduces what follows; alone it tells the reader nothing. A sentence in
    # another language is picked only from a text that has no Chinese one.
    chinese = np.array([mostly_chinese(x.text) for x in located], dtype=bool)
    allowed = np.array([not introduces(x.text) for x in located], dtype=bool)
    if chinese.any():
        allowed &= chinese
    picks = sorted(select(score, vectors, sentence_limit, allowed)) if len(located) else []
    section_of = np.array([x.section for x in located], dtype=np.int64)
    section_best: list[KeySentence | None] = []
    for si in range(len(document.sections)):
        mask = (section_of == si) & allowed
        if not mask.any():
            section_best.append(None)
            continue
        best = int(np.argmax(np.where(mask, score, -np.inf)))
        section_best.append(_key(located[best], score[best]))
    return Analysis(
        keyword_list, tuple(_key(located[i], score[i]) for i in picks), tuple(section_best)
    )


# A text longer than this (in sentence characters; a long report has 50k, the
# longest normal article 200k) is analysed through a sample: segmentation and
# ranking cost per character, and the keywords and central sentences of a book
# show as well in 400k characters taken from all through it. The sample is
# _STRETCHES runs of whole consecutive sentences, evenly spaced, the first at
# the start (the lead keeps its place and its position prior); key sentences
# and each section's best come from the sample, and a section the sample does
# not reach has no best sentence.
ANALYSIS_CHARS = 400_000
_STRETCHES = 50


def sample_sentences(sentences: list[T], lengths: list[int]) -> list[T]:
    """The sentences analysed: all of them up to ANALYSIS_CHARS, else an even sample."""
    total = sum(lengths)
    if total <= ANALYSIS_CHARS:
        return sentences
    gap = total / _STRETCHES  # stretch i begins at character i * gap of the sentences
    length = ANALYSIS_CHARS / _STRETCHES
    kept: list[T] = []
    at = 0
    for sentence, size in zip(sentences, lengths, strict=True):
        if at - int(at / gap) * gap < length:
            kept.append(sentence)
        at += size
    return kept


def text_keywords(title: str, body: str, limit: int = 5) -> list[Keyword]:
    """Keywords of a title and a body of plain text, without building a document (benchmarks)."""
    title_words, body_words = (
        content_terms(w, breaks=True) for w in segment_sentences([title, body])
    )
    pieces = [WeightedText(title_words, WEIGHTS["title"]), WeightedText(body_words)]
    return extract_keywords(pieces, limit, [title, body])


def _key(x: _Located, score: float) -> KeySentence:
    return KeySentence(
        x.section, x.paragraph, x.start, x.end, x.text, x.sentence, round(float(score), 4)
    )


def _simplified_lines(lines: list[str]) -> list[str]:
    """Convert many short texts with one OpenCC call."""
    joined = to_simplified("\n".join(line.replace("\n", " ") for line in lines))
    converted = joined.split("\n")
    if len(converted) != len(lines):  # never expected; fall back to one call each
        return [to_simplified(line) for line in lines]
    return converted


def _in_original(word: str, views: list[str], originals: list[str]) -> str:
    """The document's own spelling of a keyword found in the simplified view."""
    for view, original in zip(views, originals, strict=True):
        at = view.find(word)
        if at >= 0 and len(view) == len(original):
            return original[at : at + len(word)]
    return convert(word, Variant.TAIWAN, source_traditional=False)


def summary_dict(
    document: Document, analysis: Analysis, variant: Variant = Variant.ORIGINAL
) -> dict[str, Any]:
    """The JSON shape of ``zhreader summary --json``."""

    to_variant = converter(variant, document.traditional)

    def out(text: str | None) -> str | None:
        return None if text is None else to_variant(text)

    def sentence(s: KeySentence) -> dict[str, Any]:
        return {
            "text": out(s.text),
            "section": s.section,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "score": s.score,
        }

    meta = document.meta.to_dict()
    meta["source"], meta["author"] = out(meta["source"]), out(meta["author"])
    return {
        "title": out(document.title),
        "meta": meta,
        "sections": [{"heading": out(s.heading), "level": s.level} for s in document.sections],
        "keywords": [{"word": out(k.word), "score": k.score} for k in analysis.keywords],
        "sentences": [sentence(s) for s in analysis.sentences],
        # One entry per section: its most central sentence, or null for an empty section.
        "section_sentences": [None if s is None else sentence(s) for s in analysis.section_best],
    }
