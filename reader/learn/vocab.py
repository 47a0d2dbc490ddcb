"""Provides the words of an article a reader does not know, ranked by how much they
matter to this article.

A word is unknown when it is above the reader's HSK level (or in no list) and
not in their own list of known words. The article's keywords come first, in
keyword order (``reader.nlp.analysis``); then the rest by frequency in the
article × rarity in general text (IDF over the People's Daily, as keywords
use), so a word met ten times here and rarely elsewhere outranks one met once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from reader.convert import simplified_view
from reader.learn import levels
from reader.learn.pinyin import _HAN, reading, words_in
from reader.model import Document


@dataclass(frozen=True, slots=True)
class VocabItem:
    """A word to learn, with what a card needs."""

    word: str  # as the article writes it
    simplified: str
    traditional: str
    pinyin: str
    definition: str
    sentence: str  # the first sentence it stands in, as the article writes it
    count: int
    level: int | None
    keyword: bool

    @property
    def level_label(self) -> str:
        return levels.label(self.level)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the level label beside the number."""
        return {**asdict(self), "level_label": self.level_label}


def read_known(lines: Iterable[str]) -> frozenset[str]:
    """Known words from a list: one a line, or the first column of a tab-separated
    file (an Anki export); ``#`` starts a comment. Kept in simplified form."""
    known = set()
    for line in lines:
        word = line.split("\t", 1)[0].split("#", 1)[0].strip()
        if word:
            known.add(simplified_view(word))
    return frozenset(known)


def _is_chinese_word(word: str) -> bool:
    return all(_HAN.match(c) for c in word)


@dataclass
class _Seen:
    word: str
    sentence: str
    count: int = 0


_CHUNK = 2_000  # sentences segmented between two looks at ``cancelled``


def _occurrences(
    document: Document, cancelled: Callable[[], bool] = lambda: False
) -> dict[str, _Seen] | None:
    """Every Chinese word of the document (by simplified form): how it is first
    written, the sentence it first stands in, and how often it appears. None when
    ``cancelled`` says so between chunks (a book takes seconds to segment)."""
    from reader.nlp.tokens import segment_sentences

    sentences = [
        s.text for _, _, paragraph in document.paragraphs() for s in paragraph.sentences
    ] or [p.text for _, _, p in document.paragraphs()]
    seen: dict[str, _Seen] = {}
    for first in range(0, len(sentences), _CHUNK):
        if cancelled():
            return None
        chunk = sentences[first : first + _CHUNK]
        views = [simplified_view(s) for s in chunk]
        for sentence, view, words in zip(chunk, views, segment_sentences(views), strict=True):
            at = 0
            for piece in words_in(view, words):
                original = sentence[at : at + len(piece)]
                at += len(piece)
                if not _is_chinese_word(piece):
                    continue
                entry = seen.setdefault(piece, _Seen(original, sentence.strip()))
                entry.count += 1
    return seen


def count_unknown(
    document: Document,
    reader_level: int,
    known: Collection[str] = (),
    cancelled: Callable[[], bool] = lambda: False,
) -> int | None:
    """How many distinct words of ``document`` are above ``reader_level`` and not known:
    the figure the library shows beside each article (no keywords, no dictionary).
    None if ``cancelled`` (asked between chunks of sentences) says to stop."""
    seen = _occurrences(document, cancelled)
    if seen is None:
        return None
    known_simplified = {simplified_view(k) for k in known}
    return sum(1 for w in seen if w not in known_simplified and levels.is_above(w, reader_level))


def vocabulary(
    document: Document,
    reader_level: int,
    known: Collection[str] = frozenset(),
    limit: int | None = None,
    describe: Callable[[str], tuple[str, str]] | None = None,
) -> list[VocabItem]:
    """The unknown words of ``document``, most important first.

    ``describe`` gives a word's (traditional form, short definition); by default
    the CC-CEDICT dictionary, loaded on first use.
    """
    from reader.nlp.analysis import analyze
    from reader.nlp.lexicon import background_idf

    seen = _occurrences(document)
    assert seen is not None  # nothing cancels it here
    known_simplified = {simplified_view(k) for k in known}
    unknown = [w for w in seen if w not in known_simplified and levels.is_above(w, reader_level)]
    keyword_rank: dict[str, int] = {}
    for index, keyword in enumerate(analyze(document, keywords=20).keywords):
        keyword_rank.setdefault(simplified_view(keyword.word), index)
    idf, unseen = background_idf()

    def importance(word: str) -> tuple[int, float]:
        if word in keyword_rank:
            return (0, keyword_rank[word])
        return (1, -seen[word].count * idf.get(word, unseen))

    ranked = sorted(unknown, key=importance)[:limit]
    describe = describe or _dictionary_description
    items = []
    for word in ranked:
        traditional, definition = describe(word)
        items.append(
            VocabItem(
                word=seen[word].word,
                simplified=word,
                traditional=traditional,
                pinyin=reading(seen[word].word),
                definition=definition,
                sentence=seen[word].sentence,
                count=seen[word].count,
                level=levels.level(word),
                keyword=word in keyword_rank,
            )
        )
    return items


def _dictionary_description(word: str) -> tuple[str, str]:
    from reader.learn.dictionary import load_dictionary

    dictionary = load_dictionary()
    entry = dictionary.entry(word)
    if entry is not None:
        return entry.traditional, entry.short_definition()
    # Not a dictionary word (舊書店, a name): say what its parts mean.
    parts = [dictionary.entry(piece) for piece in dictionary.split(word)]
    if len(parts) < 2 or None in parts:
        return word, ""
    return "".join(p.traditional for p in parts if p), " + ".join(
        f"{p.simplified} {p.short_definition(1)}" for p in parts if p
    )
