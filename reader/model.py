"""Provides the immutable document model shared by the UI, analysis and export."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from reader.sentences import split_sentences

PAUSE_EVERY = 200  # paragraphs map_text converts between two calls of its pause

NO_TITLE = "(无标题)"
"""Shown where a document has no title."""
LEAD = "导语"
"""The name of the part before the first heading (a section whose heading is None)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph; ``start``/``end`` index into the paragraph text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    """Where a passage stands: one paragraph (by section and paragraph index) and
    ``start``/``end`` offsets into its text.

    The one definition of a place in a document: a search match is one, and a
    note's anchor and a key sentence are one with more to say (their quote,
    their text and score); the cursor's sentence and the sentence jumped to
    from the summary are given as one.
    """

    section: int
    paragraph: int
    start: int
    end: int

    @property
    def paragraph_key(self) -> tuple[int, int]:
        """(section, paragraph): what marks and paragraph views are keyed by."""
        return self.section, self.paragraph


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph and its sentences, split once when the paragraph is made."""

    text: str
    sentences: tuple[Sentence, ...] = field(default=())

    @classmethod
    def from_text(cls, text: str) -> Paragraph:
        """Make a paragraph whose sentences come from the Chinese splitter."""
        spans = split_sentences(text)
        return cls(text, tuple(Sentence(text[a:b], a, b) for a, b in spans))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (0 if none does, e.g. a gap)."""
        return next((k for k, s in enumerate(self.sentences) if s.start <= offset < s.end), 0)


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading; ``heading`` is None for the lead."""

    heading: str | None
    subtitle: str | None
    level: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page or text says about itself; None where it does not say."""

    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"date": self.date, "source": self.source, "author": self.author, "url": self.url}


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its title, metadata and sections, the single source of truth."""

    title: str | None
    meta: Meta
    sections: tuple[Section, ...]
    subtitle: str | None = None  # a 副题 such as "——来自某县的调查"
    title_from_name: bool = False  # the text names no title; ``title`` is the file's name
    # Written in traditional characters: judged once at load (reader.ingest.loading),
    # read by analysis, conversion, export and the UI instead of each guessing again.
    traditional: bool = False

    def paragraphs(self) -> Iterator[tuple[int, int, Paragraph]]:
        """Yield ``(section_index, paragraph_index, paragraph)`` in reading order."""
        for si, section in enumerate(self.sections):
            for pi, paragraph in enumerate(section.paragraphs):
                yield si, pi, paragraph

    @property
    def body_text(self) -> str:
        """All headings and paragraphs joined by newlines, for hashing and search."""
        return "\n".join(self._texts())

    def opening(self, chars: int) -> str:
        """The first ``chars`` characters of ``body_text``, without joining a whole book."""
        parts: list[str] = []
        total = 0
        for text in self._texts():
            if total >= chars:
                break
            parts.append(text)
            total += len(text) + 1
        return "\n".join(parts)[:chars]

    def _texts(self) -> Iterator[str]:
        for section in self.sections:
            yield from (p for p in (section.heading, section.subtitle) if p)
            yield from (p.text for p in section.paragraphs)

    @property
    def char_count(self) -> int:
        return sum(len(p.text) for _, _, p in self.paragraphs())

    def identity(self) -> str:
        """A stable hash of the normalized text: survives re-saving and CRLF changes."""
        title = "" if self.title_from_name else self.title or ""  # renaming keeps the notes
        normalized = "".join((title, self.subtitle or "", self.body_text)).replace("\r", "")
        normalized = "".join(normalized.split())
        import hashlib  # only notes need an identity: not paid by every cold start

        return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]

    def map_text(
        self,
        convert: Any,
        traditional: bool | None = None,
        pause: Callable[[], object] | None = None,
    ) -> Document:
        """Return a copy with every string passed through ``convert``.

        Used for script conversion; the paragraph sentence spans are kept where the
        conversion keeps a paragraph's length, as character conversion does. Phrase
        conversion may not (s2twp: 博客 → 部落格): such a paragraph is split anew,
        and offsets into it (search marks, note anchors) hold in the original only. ``traditional`` is
        the copy's script when the conversion changes it; None keeps this one's.
        ``pause`` is called every few hundred paragraphs: a worker thread converting
        a book lets the thread a reader is waiting on run.
        """

        def conv(value: str | None) -> str | None:
            return None if value is None else convert(value)

        sections = []
        done = 0
        for s in self.sections:
            paragraphs = []
            for p in s.paragraphs:
                done += 1
                if pause is not None and done % PAUSE_EVERY == 0:
                    pause()
                text = convert(p.text)
                if len(text) == len(p.text):
                    sentences = tuple(
                        Sentence(text[x.start : x.end], x.start, x.end) for x in p.sentences
                    )
                    paragraphs.append(Paragraph(text, sentences))
                else:
                    paragraphs.append(Paragraph.from_text(text))
            sections.append(
                replace(
                    s,
                    heading=conv(s.heading),
                    subtitle=conv(s.subtitle),
                    paragraphs=tuple(paragraphs),
                )
            )
        meta = replace(self.meta, source=conv(self.meta.source), author=conv(self.meta.author))
        return Document(
            conv(self.title),
            meta,
            tuple(sections),
            conv(self.subtitle),
            self.title_from_name,
            self.traditional if traditional is None else traditional,
        )

    def to_dict(self) -> dict[str, Any]:
        """The outline JSON shape: title, meta and sections with paragraph texts."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "meta": self.meta.to_dict(),
            "sections": [
                {
                    "heading": s.heading,
                    "subtitle": s.subtitle,
                    "level": s.level,
                    "paragraphs": [{"text": p.text} for p in s.paragraphs],
                }
                for s in self.sections
            ],
        }
