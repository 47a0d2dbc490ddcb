"""One row of the article view on its own: marks over characters, runs of one style, and
the character under a cell (wide characters, the indent, past the end)."""

from __future__ import annotations

from rich.style import Style

from reader.tui.widgets.article_rows import (
    char_styles,
    line_at,
    marked_line,
    offset_in_line,
    runs,
)

BASE = Style()
NOTE = Style(bgcolor="yellow")
CURSOR = Style(underline=True)


def test_later_marks_are_added_over_earlier_ones_and_outside_ones_are_left_alone() -> None:
    styles = char_styles([(NOTE, 2, 5), (CURSOR, 4, 9)], 3, 4, BASE)
    assert styles == [BASE + NOTE, BASE + NOTE + CURSOR, BASE + CURSOR, BASE + CURSOR]
    assert char_styles([(NOTE, 0, 2)], 5, 3, BASE) == [BASE] * 3


def test_runs_join_characters_of_one_style() -> None:
    segments = runs("甲乙丙丁", [BASE, NOTE, NOTE, BASE])
    assert [(s.text, s.style) for s in segments] == [("甲", BASE), ("乙丙", NOTE), ("丁", BASE)]
    assert runs("", []) == []


def test_a_line_of_an_indented_paragraph_counts_marks_from_its_text() -> None:
    shown = "\u3000\u3000第一句。第二句。"
    starts = [0, 6]
    assert line_at(shown, starts, 1) == (6, len(shown)) and line_at(shown, starts, 2) is None
    segments = marked_line(shown, 2, 0, 6, [(NOTE, 0, 2)], BASE)
    assert [(s.text, s.style) for s in segments] == [
        ("\u3000\u3000", BASE),
        ("第一", NOTE),
        ("句。", BASE),
    ]


def test_the_character_under_a_cell_of_wide_text() -> None:
    shown = "\u3000\u3000ab中文"  # the indent is two wide characters
    assert offset_in_line(shown, 2, [0], 0, 0) == 0  # on the indent: the first character
    assert offset_in_line(shown, 2, [0], 0, 4) == 0  # a
    assert offset_in_line(shown, 2, [0], 0, 6) == 2  # left half of 中
    assert offset_in_line(shown, 2, [0], 0, 7) == 2  # right half of 中
    assert offset_in_line(shown, 2, [0], 0, 40) == 3  # past the end: the last character
    assert offset_in_line(shown, 2, [0], 1, 0) is None
