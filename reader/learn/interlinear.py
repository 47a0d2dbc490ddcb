"""Provides the interlinear layout: a reading line over each line of characters.

Each word's reading stands over the word, starting in the same column; a word
takes as many cells as the wider of the two (a CJK character is two cells,
"zhuàng" is six), plus a cell between readings so they never run together.
Lines break only between words, and only where ``reader.linebreak`` allows a
break (its groups: no line starts with closing punctuation, none ends with
opening punctuation, a number keeps its unit). ``reader.linebreak`` sets
characters, not words of varying width, so the line filling is done here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.learn.pinyin import ReadingStyle, join, segmented, word_readings
from reader.linebreak import CLOSING, OPENING, groups, text_width


@dataclass(frozen=True, slots=True)
class Cell:
    """A word placed on a row: its reading and the column both start in."""

    word: str
    reading: str
    start: int  # offset of the word in the paragraph
    column: int  # terminal cells from the start of the row


@dataclass(frozen=True, slots=True)
class Row:
    """A reading line and the character line under it."""

    reading: str
    text: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class _Piece:
    word: str
    reading: str
    start: int

    @property
    def width(self) -> int:
        """Cells the piece takes on both lines, with a cell after a reading."""
        reading = text_width(self.reading)
        return max(text_width(self.word), reading + 1 if reading else 0)


def layout(
    text: str,
    words: Sequence[str],
    syllables: Sequence[Sequence[str]],
    width: int,
    style: ReadingStyle = ReadingStyle.PINYIN,
) -> list[Row]:
    """Rows of ``text`` set ``width`` cells wide; ``words`` cover ``text`` exactly and
    ``syllables`` hold one reading per character of each word (() for none)."""
    pieces: list[_Piece] = []
    at = 0
    for word, sounds in zip(words, syllables, strict=True):
        piece = _Piece(word, join(sounds, style), at)
        if (piece.width > width > 0 and len(word) > 1) or _holds_punctuation(word):
            # By character: a word wider than a line, or one the segmenter glued to
            # punctuation ("，“"), which must be free to break where kinsoku allows.
            pieces.extend(
                _Piece(c, join([s] if s else [], style), at + i)
                for i, (c, s) in enumerate(zip(word, _padded(sounds, len(word)), strict=True))
            )
        else:
            pieces.append(piece)
        at += len(word)
    starts = {a for a, _ in groups(text)}
    lines: list[list[_Piece]] = [[]]
    used = 0
    for index, piece in enumerate(pieces):
        if piece.word == "\n":
            lines.append([])
            used = 0
            continue
        if not lines[-1] and piece.word.isspace():
            continue  # a space never opens a line
        if lines[-1] and used + piece.width > width and not piece.word.isspace():
            moved = _carried(lines[-1], pieces, index, starts, width)
            del lines[-1][len(lines[-1]) - len(moved) :]
            lines.append(moved)
            used = sum(p.width for p in moved)
        lines[-1].append(piece)
        used += piece.width
    return [_row(line) for line in lines]


def _holds_punctuation(word: str) -> bool:
    """A word with Chinese punctuation in it (ASCII stops inside 3.5 or a.b.cn stay)."""
    return len(word) > 1 and any((c in CLOSING or c in OPENING) and not c.isascii() for c in word)


def _padded(sounds: Sequence[str], size: int) -> list[str]:
    return [*sounds, *[""] * (size - len(sounds))][:size]


def _may_break_before(pieces: Sequence[_Piece], index: int, starts: set[int]) -> bool:
    """A break between two pieces: where linebreak's groups allow it, or, inside a
    group wider than a line, where kinsoku does."""
    piece, before = pieces[index], pieces[index - 1]
    if piece.start in starts:
        return True
    return piece.word[0] not in CLOSING and before.word[-1] not in OPENING


def _carried(
    line: list[_Piece], pieces: list[_Piece], index: int, starts: set[int], width: int
) -> list[_Piece]:
    """The pieces at the end of ``line`` that go to the next line with ``pieces[index]``.

    None if a break may come before it. Else back to the last group boundary on the
    line, or to the last place kinsoku allows a break, provided what moves still fits
    on a line; failing both (a line of nothing but punctuation), none.
    """
    first = index - len(line)
    if pieces[index].start in starts:
        return []
    width_from = {index: pieces[index].width}
    for j in range(index - 1, first, -1):
        width_from[j] = width_from[j + 1] + pieces[j].width

    def fits(j: int) -> bool:
        return width_from[j] <= width

    for j in range(index - 1, first, -1):
        if pieces[j].start in starts and fits(j):
            return line[j - first :]
    for j in range(index, first, -1):
        if _may_break_before(pieces, j, starts) and fits(j):
            return line[j - first :]
    return []


def _row(line: list[_Piece]) -> Row:
    reading, text, cells = [], [], []
    column = 0
    for piece in line:
        cells.append(Cell(piece.word, piece.reading, piece.start, column))
        size = piece.width
        reading.append(piece.reading + " " * (size - text_width(piece.reading)))
        text.append(piece.word + " " * (size - text_width(piece.word)))
        column += size
    return Row("".join(reading).rstrip(), "".join(text).rstrip(), tuple(cells))


def interlinear(text: str, width: int, style: ReadingStyle = ReadingStyle.PINYIN) -> list[Row]:
    """Rows of a paragraph with its readings in context, segmented by the project's
    segmenter: what the reading screen shows in pinyin or zhuyin mode."""
    words = segmented(text)
    return layout(text, words, word_readings(words, style), width, style)
