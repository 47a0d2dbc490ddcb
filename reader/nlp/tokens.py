"""Provides segmented sentences: each sentence's words, found by one segmentation pass."""

from __future__ import annotations

import re

from reader.nlp.segmenter import segment

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-+.]*[A-Za-z0-9+]|[A-Za-z]{2,}")
_CJK = re.compile("[\u4e00-\u9fa5]")


_CHUNK_CHARS = 200_000  # characters segmented per call: bounds the joined text and its words


def segment_sentences(sentences: list[str]) -> list[list[str]]:
    """Words of each sentence, from few calls of the segmenter on the joined text.

    Sentences are joined by newlines: snownlp's segmenter never joins across
    white space, so every word falls inside one sentence. A long document is
    segmented in chunks of whole sentences, and equal words share one string
    (a 19 MB article has millions of words but a few hundred thousand distinct).
    """
    result: list[list[str]] = []
    shared: dict[str, str] = {}
    chunk: list[str] = []
    size = 0
    for sentence in sentences:
        chunk.append(sentence)
        size += len(sentence) + 1
        if size >= _CHUNK_CHARS:
            result.extend(_segment_chunk(chunk, shared))
            chunk, size = [], 0
    if chunk or not result:
        result.extend(_segment_chunk(chunk, shared))
    return result


def _segment_chunk(sentences: list[str], shared: dict[str, str]) -> list[list[str]]:
    joined = "\n".join(s.replace("\n", " ") for s in sentences)
    words = segment(joined)
    result: list[list[str]] = [[] for _ in sentences]
    bounds = []
    position = 0
    for sentence in sentences:
        bounds.append(position + len(sentence))
        position += len(sentence) + 1
    index = 0
    cursor = 0
    for word in words:
        at = joined.find(word, cursor)
        if at < 0:  # cannot happen for snownlp's output; keep going rather than fail
            continue
        cursor = at + len(word)
        while index < len(bounds) - 1 and at >= bounds[index]:
            index += 1
        result[index].append(shared.setdefault(word, word))
    return result


def content_terms(words: list[str], breaks: bool = False) -> list[str]:
    """Words a reader might underline, in order: Chinese words and Latin terms (AI, 5G).

    With ``breaks``, an empty string stands where punctuation or numbers were
    dropped, so that 试点“慢行 are not taken for neighbours.
    """
    terms: list[str] = []
    for word in words:
        if _CJK.search(word):
            terms.append(word)
            continue
        latin = [m.group(0) for m in _LATIN_WORD.finditer(word)]
        if latin:
            terms.extend(latin)
        elif breaks and terms and terms[-1]:
            terms.append("")
    return terms
