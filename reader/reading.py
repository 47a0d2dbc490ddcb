"""Provides the reading model: one article as read, with the reader's rules and no UI.

The reading screen shows this model and maps keys to its methods; everything
here is plain Python over the document, the notes store and the analysis, so
the rules (which script comes next, what the cursor is on, which note is
next, what a search matches, which marks a paragraph carries, where the
reader is) are tested in milliseconds without Textual.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial

from reader.convert import Variant, converter
from reader.errors import ArticleError
from reader.model import LEAD, Document, Location, Paragraph
from reader.nlp.analysis import Analysis, KeySentence
from reader.notes.anchors import anchor_for
from reader.notes.notebook import PlacedNote, place_notes
from reader.notes.store import ArticleRecord, NoteStore
from reader.search import SearchIndex, spans_in

CYCLE = (
    Variant.ORIGINAL,
    Variant.SIMPLIFIED,
    Variant.TRADITIONAL,
    Variant.TAIWAN,
    Variant.HONGKONG,
)
NO_STORE = "笔记库未打开"
# Core problems worded for the reader (the CLI keeps its English ones).
PROBLEMS = {
    "no such file": "文件不存在",
    "its directory does not exist": "所在的文件夹不存在",
    "already exists; use --force to overwrite it": "已存在",
    "is a directory name; give the name of a file to write": "是文件夹名，请给出文件名",
    "is a directory; give the name of a file to write": "是文件夹，请给出文件名",
    "is not a regular file (a device, pipe or socket)": "不是普通文件",
    "permission denied": "没有读取权限",
    "is not a directory; --data-dir needs a directory": "不是文件夹，数据目录必须是文件夹",
    "empty: there is no text to read": "是空文件，没有可读的文字",
    "is a directory, not an article file": "是文件夹，不是文章",
    "no article text found": "没有找到正文",
    "no article text found in the HTML page": "网页里没有找到正文",
    "binary data (NUL bytes), not a text article": "是二进制数据，不是文本文章",
    "binary data (control characters), not a text article": "是二进制数据，不是文本文章",
}
# Problems that end with details from the system: the start is translated, the details kept.
PREFIXES = (
    ("cannot write", "无法写入"),
    ("cannot read the notes store", "无法读取笔记库"),
    ("cannot read", "无法读取"),
    ("cannot be read", "无法读取"),
    ("cannot use the notes store", "无法使用笔记库"),
    ("cannot create the notes store", "无法创建笔记库"),
    ("cannot create the data directory", "无法创建数据目录"),
)

Span = tuple[int, int]


def problem_in_chinese(problem: str) -> str:
    """A core problem worded for the reader (the details from the system stay as they are)."""
    for english, chinese in PREFIXES:
        if problem.startswith(english):
            return chinese + problem.removeprefix(english)
    return PROBLEMS.get(problem, problem)


def in_chinese(error: ArticleError) -> str:
    """An error about a file, for the reader: the file and the problem in Chinese."""
    return f"{error.source}：{problem_in_chinese(error.problem)}"


@dataclass(frozen=True, slots=True)
class Cursor:
    """The sentence the reader is on: what h, a and b act upon."""

    section: int
    paragraph: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader is, as saved: a paragraph and the start of the sentence in it.

    An offset rather than a sentence number, so it survives a change in how
    the paragraph is split into sentences."""

    section: int
    paragraph: int
    offset: int = 0


@dataclass(slots=True)
class Marks:
    """What one paragraph shows besides its text."""

    note: list[Span] = field(default_factory=list)
    keyword: list[Span] = field(default_factory=list)
    match: list[Span] = field(default_factory=list)
    current_match: list[Span] = field(default_factory=list)
    cursor: list[Span] = field(default_factory=list)
    focus: list[Span] = field(default_factory=list)  # the sentence jumped to from the summary
    bookmark: bool = False


class Toggle(StrEnum):
    """What a highlight or bookmark key did."""

    ADDED = "added"
    REMOVED = "removed"
    ANNOTATED = "annotated"  # a highlight with an annotation is not removed by a key
    NO_CURSOR = "no-cursor"


# "Looks the same in another script" is judged on this much of the article: all of
# any article (the longest real ones are half that), the opening chapters of a book;
# a piece at a time, as two scripts nearly always differ in the first piece already.
SAMPLE_CHARS = 100_000
SAMPLE_PIECE = 10_000


class Reading:
    """One article as read: the text in the script shown, the cursor, notes and search."""

    def __init__(
        self,
        document: Document,
        path: str | None = None,
        store: NoteStore | None = None,
        store_problem: str | None = None,
    ) -> None:
        self.original = document
        self.shown = document
        self.path = path
        self.store = store
        self.store_problem = store_problem
        self.traditional = document.traditional
        self.variant = Variant.ORIGINAL  # the script shown
        self.wanted = Variant.ORIGINAL  # the script asked for last (a conversion may be running)
        self.analysis: Analysis | None = None
        self.record: ArticleRecord | None = None
        self.notes: list[PlacedNote] = []
        self.cursor: Cursor | None = None
        self.matches: list[Location] = []
        self.match_index = -1
        self.show_keywords = False
        self.focus: Location | None = None  # the sentence jumped to from the summary
        self._opening: str | None = None  # the article's first SAMPLE_CHARS characters
        self._samples: dict[Variant, list[str]] = {}  # its pieces in each script, as compared
        self._search_index: SearchIndex | None = None
        self._indexing = threading.Lock()
        self._keywords: tuple[Variant, dict[tuple[int, int], list[Span]]] | None = None
        self._order: tuple[list[tuple[int, int]], list[int], dict[tuple[int, int], int]] | None = (
            None
        )

    # The script shown

    def _looks_same(self, one: Variant, other: Variant) -> bool:
        """Whether the article's opening reads the same in two scripts."""
        for k in range(-(-SAMPLE_CHARS // SAMPLE_PIECE)):
            piece = self._sample_piece(one, k)
            if piece != self._sample_piece(other, k):
                return False
            if not piece:  # past the end of the article
                break
        return True

    def _sample_piece(self, variant: Variant, k: int) -> str:
        """Piece ``k`` of the article's opening in ``variant`` (converted on first use)."""
        if self._opening is None:
            self._opening = self.original.opening(SAMPLE_CHARS)
        pieces = self._samples.setdefault(variant, [])
        while len(pieces) <= k:
            start = len(pieces) * SAMPLE_PIECE
            piece = self._opening[start : start + SAMPLE_PIECE]
            pieces.append(converter(variant, self.traditional)(piece) if piece else "")
        return pieces[k]

    def prepare(self, pause: Callable[[], object] | None = None) -> None:
        """Make now, from a worker, what the reader's keys would otherwise make when first
        pressed (on a book, up to a tenth of a second): the order of the sentences (j, k),
        the search view (/) and OpenCC's tables for every script (t: 30 ms each to
        load); ``pause`` is called between them (see ``Document.map_text``)."""
        steps: list[Callable[[], object]] = [self._sentence_order, self.search_index]
        steps += [partial(converter(variant, self.traditional), "") for variant in CYCLE]
        for step in steps:
            step()
            if pause is not None:
                pause()

    def next_variant(self) -> Variant:
        """The next script in the cycle whose text differs from the one asked for last
        (原文 → 简体 on a simplified article changes nothing, so it is skipped); it
        becomes the one asked for. "Differs" is judged on the article's first
        ``SAMPLE_CHARS`` characters, so a step costs milliseconds even on a book."""
        start = CYCLE.index(self.wanted)
        after = [CYCLE[(start + k) % len(CYCLE)] for k in range(1, len(CYCLE))]
        now = self.wanted
        self.wanted = next((v for v in after if not self._looks_same(v, now)), after[0])
        return self.wanted

    def converted(self, variant: Variant, pause: Callable[[], object] | None = None) -> Document:
        """The document in ``variant`` (OpenCC over the whole article: run it off the UI;
        ``pause`` as ``Document.map_text`` takes it, and it may raise to stop a conversion
        no longer wanted). The original is itself."""
        if variant is Variant.ORIGINAL:
            return self.original
        return self.original.map_text(converter(variant, self.traditional), pause=pause)

    def show(self, variant: Variant, document: Document) -> bool:
        """Show a converted document; False when the reader has asked for another since."""
        if variant is not self.wanted:
            return False
        self.variant, self.shown = variant, document
        return True

    @property
    def label(self) -> Callable[[str], str]:
        """Converts interface text (written in 简体) to the script shown: the one asked
        for last, which the reader shows at once (the article's conversion follows)."""
        return self.label_in(self.wanted)

    def label_in(self, variant: Variant) -> Callable[[str], str]:
        """Converts interface text to ``variant``: 繁體 labels in the traditional modes,
        including the original of a traditional article."""
        if variant is Variant.ORIGINAL:
            return converter(Variant.TRADITIONAL, False) if self.traditional else _same
        return converter(variant, False)

    @property
    def out(self) -> Callable[[str], str]:
        """Converts the original's text (keywords, key sentences, quotes) to the script
        shown (see ``label``)."""
        return converter(self.wanted, self.traditional)

    # The cursor

    def paragraph(self, section: int, paragraph: int) -> Paragraph:
        return self.shown.sections[section].paragraphs[paragraph]

    def sentence_span(self, cursor: Cursor) -> Span | None:
        sentences = self.paragraph(cursor.section, cursor.paragraph).sentences
        if not sentences:
            return None
        s = sentences[min(cursor.sentence, len(sentences) - 1)]
        return s.start, s.end

    def cursor_at(self, section: int, paragraph: int, offset: int = 0) -> Cursor:
        """The cursor on the sentence holding character ``offset`` of a paragraph."""
        self.cursor = Cursor(
            section, paragraph, self.paragraph(section, paragraph).sentence_at(offset)
        )
        return self.cursor

    def move_cursor(self, step: int) -> Cursor | None:
        """Move ``step`` sentences in reading order, stopping at either end (from the
        first sentence when there is no cursor yet)."""
        keys, before, place = self._sentence_order()
        if not keys:
            return None
        c = self.cursor
        at = place.get((c.section, c.paragraph)) if c is not None else None
        here = before[at] + c.sentence if c is not None and at is not None else 0
        if c is not None and at is not None and not 0 <= c.sentence < before[at + 1] - before[at]:
            here = 0  # a cursor on no sentence of this document
        target = max(0, min(before[-1] - 1, here + step))
        paragraph = bisect_right(before, target) - 1
        self.cursor = Cursor(*keys[paragraph], target - before[paragraph])
        return self.cursor

    def _sentence_order(
        self,
    ) -> tuple[list[tuple[int, int]], list[int], dict[tuple[int, int], int]]:
        """The paragraphs with sentences in reading order, how many sentences come
        before each (one more entry: the total), and each one's place in that order.
        Made once: the structure is the same in every script, and a j on a 5 MB
        article must not walk every sentence."""
        if self._order is None:
            keys = [(si, pi) for si, pi, p in self.original.paragraphs() if p.sentences]
            before = [0]
            for si, pi in keys:
                before.append(before[-1] + len(self.original.sections[si].paragraphs[pi].sentences))
            self._order = (keys, before, {key: n for n, key in enumerate(keys)})
        return self._order

    def focus_word(self, word: Location) -> Cursor:
        """The word the dictionary shows (its word cursor): drawn with the focus mark, and
        the reading cursor on the sentence that holds it, so a step past a sentence end
        moves the sentence too."""
        self.focus = word
        return self.cursor_at(word.section, word.paragraph, word.start)

    def cursor_span(self, whole_paragraph: bool = False) -> Location | None:
        """Where the cursor's sentence (or its whole paragraph) is, in the original."""
        if self.cursor is None:
            return None
        c = self.cursor
        paragraph = self.original.sections[c.section].paragraphs[c.paragraph]
        if whole_paragraph or not paragraph.sentences:
            return Location(c.section, c.paragraph, 0, len(paragraph.text))
        s = paragraph.sentences[min(c.sentence, len(paragraph.sentences) - 1)]
        return Location(c.section, c.paragraph, s.start, s.end)

    def cursor_quote(self, limit: int = 40) -> str:
        span = self.cursor_span()
        if span is None:
            return ""
        text = self.original.sections[span.section].paragraphs[span.paragraph].text
        quote = self.out(text[span.start : span.end])
        return quote if len(quote) <= limit else quote[: limit - 1] + "…"

    # The reading position

    @property
    def position(self) -> Position | None:
        """Where the reader is: the cursor's sentence (the screen keeps it in view)."""
        span = self.cursor_span()
        return None if span is None else Position(span.section, span.paragraph, span.start)

    def saved_position(self) -> Position | None:
        """Where the reader was last time, if that paragraph still exists."""
        if self.record is None or self.record.position is None:
            return None
        position = Position(*self.record.position)
        sections = self.shown.sections
        if position.section >= len(sections):
            return None
        if position.paragraph >= len(sections[position.section].paragraphs):
            return None
        return position

    def save_position(self) -> None:
        """Remember where the reader is; raises ArticleError when it cannot be written."""
        position = self.position
        if self.record is not None and position is not None:
            self._store().set_position(
                self.record.id, position.section, position.paragraph, position.offset
            )

    # Notes

    def _store(self) -> NoteStore:
        if self.store is None:
            raise ArticleError("notes", self.store_problem or NO_STORE)
        return self.store

    def open_notes(self) -> int:
        """Record the opening and place the article's notes; returns how many are lost."""
        self.record = self._store().open_article(self.original, self.path, self.traditional)
        self.reload_notes()
        return sum(p.lost for p in self.notes)

    def reload_notes(self) -> None:
        if self.record is not None:
            self.notes = place_notes(self._store(), self.record, self.original)

    @property
    def note_count(self) -> int:
        return sum(not p.lost for p in self.notes)

    def note_at_cursor(self, kind: str = "highlight") -> PlacedNote | None:
        span = self.cursor_span()
        if span is None:
            return None
        for placed in self.notes:
            a = placed.note.anchor
            if placed.lost or placed.note.kind != kind or a.paragraph_key != span.paragraph_key:
                continue
            if kind == "bookmark" or (a.start < span.end and span.start < a.end):
                return placed
        return None

    def add_note(
        self, whole_paragraph: bool = False, annotation: str = "", kind: str = "highlight"
    ) -> bool:
        """A note at the cursor; False when there is no cursor. Store failures raise."""
        span = self.cursor_span(whole_paragraph)
        if span is None:
            return False
        if self.record is None:
            raise ArticleError("notes", self.store_problem or NO_STORE)
        self._store().add_note(self.record.id, anchor_for(self.original, span), annotation, kind)
        self.reload_notes()
        return True

    def annotate(self, text: str) -> bool:
        """Annotate the highlight at the cursor, or a new one; False without a cursor."""
        existing = self.note_at_cursor()
        if existing is None:
            return self.add_note(annotation=text.strip())
        self._store().annotate(existing.note.id, text.strip())
        self.reload_notes()
        return True

    def delete_note(self, placed: PlacedNote) -> None:
        self._store().delete_note(placed.note.id)
        self.reload_notes()

    def toggle_highlight(self) -> Toggle:
        """h: highlight the sentence, or remove a plain highlight that is there."""
        if self.cursor is None:
            return Toggle.NO_CURSOR
        existing = self.note_at_cursor()
        if existing is not None:
            if existing.note.annotation:
                return Toggle.ANNOTATED
            self.delete_note(existing)
            return Toggle.REMOVED
        self.add_note()
        return Toggle.ADDED

    def toggle_bookmark(self) -> Toggle:
        if self.cursor is None:
            return Toggle.NO_CURSOR
        existing = self.note_at_cursor("bookmark")
        if existing is not None:
            self.delete_note(existing)
            return Toggle.REMOVED
        self.add_note(whole_paragraph=True, kind="bookmark")
        return Toggle.ADDED

    def next_note(self, step: int) -> PlacedNote | None:
        """The next (or previous) note after the cursor in document order, wrapping round."""
        placed = [p for p in self.notes if not p.lost]
        if not placed:
            return None
        span = self.cursor_span()
        here = (span.section, span.paragraph, span.start) if span else (0, 0, 0)
        spots = [
            (p.note.anchor.section, p.note.anchor.paragraph, p.note.anchor.start) for p in placed
        ]
        if step > 0:
            later = [i for i, spot in enumerate(spots) if spot > here]
            return placed[later[0] if later else 0]
        earlier = [i for i, spot in enumerate(spots) if spot < here]
        return placed[earlier[-1] if earlier else -1]

    def go_to_note(self, placed: PlacedNote) -> Cursor:
        a = placed.note.anchor
        return self.cursor_at(a.section, a.paragraph, a.start)

    # Search

    def search(self, query: str, here: tuple[int, int] = (0, 0)) -> Location | None:
        """Find ``query`` (any script); the current match is the first at or after ``here``."""
        self.matches = self.search_index().find(query)
        self.match_index = -1
        if not self.matches:
            return None
        first = next((i for i, m in enumerate(self.matches) if m.paragraph_key >= here), 0)
        self.match_index = first - 1
        return self.step_match(1)

    def search_index(self) -> SearchIndex:
        """The article's search view, made on first use (call it from a worker on a long
        article to have the first search answer at once; thread-safe)."""
        with self._indexing:
            if self._search_index is None:
                self._search_index = SearchIndex(self.original)
            return self._search_index

    def step_match(self, step: int) -> Location | None:
        """The next (or previous) match, wrapping round."""
        if not self.matches:
            return None
        self.match_index = (self.match_index + step) % len(self.matches)
        return self.matches[self.match_index]

    def clear_search(self) -> None:
        self.matches, self.match_index = [], -1

    # What each paragraph shows

    def marks(self) -> dict[tuple[int, int], Marks]:
        """The marks of every paragraph that carries any, from notes, search, keywords, cursor."""
        marks: dict[tuple[int, int], Marks] = {}

        def at(key: tuple[int, int]) -> Marks:
            found = marks.get(key)  # not setdefault: a search's thousands of matches
            if found is None:  # would make a Marks each
                found = marks[key] = Marks()
            return found

        for placed in self.notes:
            if placed.lost:
                continue
            a = placed.note.anchor
            if placed.note.kind == "bookmark":
                at(a.paragraph_key).bookmark = True
            else:
                at(a.paragraph_key).note.append((a.start, a.end))
        for key, spans in (self._keyword_spans() if self.show_keywords else {}).items():
            if spans:
                at(key).keyword = spans
        for i, m in enumerate(self.matches):
            at(m.paragraph_key).match.append((m.start, m.end))
            if i == self.match_index:
                at(m.paragraph_key).current_match = [(m.start, m.end)]
        if self.cursor is not None and (span := self.sentence_span(self.cursor)) is not None:
            at((self.cursor.section, self.cursor.paragraph)).cursor = [span]
        if self.focus is not None:
            at(self.focus.paragraph_key).focus = [(self.focus.start, self.focus.end)]
        for paragraph_marks in marks.values():
            paragraph_marks.note.sort()
        return marks

    def _keyword_spans(self) -> dict[tuple[int, int], list[Span]]:
        """Where the keywords stand in each paragraph; computed once per script shown."""
        if self.analysis is None:
            return {}
        if self._keywords is None or self._keywords[0] is not self.variant:
            words = [self.out(k.word) for k in self.analysis.keywords]
            spans = {(si, pi): spans_in(p.text, words) for si, pi, p in self.shown.paragraphs()}
            self._keywords = (self.variant, spans)
        return self._keywords[1]

    # The status line

    def status(self, section: int, percent: int) -> str:
        """Script · section heading · percent read · notes · search, in the script asked
        for (the reader shows it at once, while the whole article is converted)."""
        heading = None
        for si in range(min(section, len(self.original.sections) - 1), -1, -1):
            if heading := self.original.sections[si].heading:
                break
        say = self.label
        shown = self.out(heading) if heading else say(LEAD)
        parts = [self.wanted.label, shown, f"{percent}%"]
        if self.notes:
            parts.append(say(f"{self.note_count} 条笔记"))
        if self.matches:
            parts.append(say(f"搜索 {self.match_index + 1}/{len(self.matches)}"))
        return "  ·  ".join(parts)


def _same(text: str) -> str:
    return text


DIGEST_MAX = 40  # entries in the summary pane's digest; more is a table of contents, not a digest


def digest_entries(
    document: Document, analysis: Analysis, limit: int = DIGEST_MAX
) -> tuple[list[tuple[int, KeySentence]], int]:
    """The sections the digest (各节要点) walks, with their best sentences, and how many
    sections with one it leaves out. Past ``limit``, only the shallowest headings are
    kept (a book's chapters, not its every subsection), then the first ``limit`` of them."""
    entries = [
        (si, best)
        for si, best in enumerate(analysis.section_best[: len(document.sections)])
        if best is not None
    ]
    kept = entries
    if len(kept) > limit:
        top = min(document.sections[si].level for si, _ in kept)
        kept = [(si, best) for si, best in kept if document.sections[si].level == top]
    return kept[:limit], len(entries) - len(kept[:limit])
