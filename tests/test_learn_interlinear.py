"""The interlinear layout: each reading over its word, in the same column, lines no
wider than asked, breaks only between words and never before closing punctuation."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.learn.interlinear import Row, interlinear, layout
from reader.learn.pinyin import ReadingStyle, segmented, word_readings
from reader.linebreak import CLOSING, OPENING, text_width


def _check_rows(text: str, rows: list[Row], width: int) -> None:
    """What must hold of any layout of ``text``."""
    placed = "".join(c.word for row in rows for c in row.cells)
    assert placed == "".join(text.split("\n")).replace(" ", "") or placed.replace(
        " ", ""
    ) == text.replace("\n", "").replace(" ", "")
    for row in rows:
        for cell in row.cells:
            if cell.word.isspace():  # spaces take cells but are not drawn at a line's end
                continue
            # The word and its reading begin in the same terminal column.
            assert text_width(_cut(row.text, cell.column)) == cell.column
            assert row.text[len(_cut(row.text, cell.column)) :].startswith(cell.word)
            if cell.reading:
                assert text_width(_cut(row.reading, cell.column)) == cell.column
                assert row.reading[len(_cut(row.reading, cell.column)) :].startswith(cell.reading)
            assert text[cell.start : cell.start + len(cell.word)] == cell.word
        assert text_width(row.text) <= width
        assert text_width(row.reading) <= width


def _cut(line: str, column: int) -> str:
    """The longest prefix of ``line`` that is at most ``column`` cells wide."""
    used = 0
    for i, char in enumerate(line):
        used += text_width(char)
        if used > column:
            return line[:i]
    return line


def test_readings_stand_over_their_words() -> None:
    text = "我去银行取钱，他在路上行走。"
    rows = interlinear(text, 80)
    assert len(rows) == 1
    row = rows[0]
    bank = next(c for c in row.cells if c.word == "银行")
    assert bank.reading == "yínháng"
    # 银行 is 4 cells; its reading 7 and a gap: the word is padded to 8 cells.
    after = row.cells[row.cells.index(bank) + 1]
    assert after.column - bank.column == 8
    _check_rows(text, rows, 80)
    assert row.reading.startswith("wǒ qù yínháng qǔ qián")


def test_a_line_holds_fewer_characters_than_plain_text() -> None:
    text = "北京是中国的首都，也是一座历史悠久的文化名城。" * 3
    width = 40
    rows = interlinear(text, width)
    assert max(len(r.text.replace(" ", "")) for r in rows) < width // 2
    _check_rows(text, rows, width)


def test_no_line_starts_with_closing_punctuation() -> None:
    text = "他说：“我们明天去长城。”大家都很高兴，觉得这个主意很好！"
    for width in range(14, 60):
        rows = interlinear(text, width)
        _check_rows(text, rows, width)
        for row in rows[1:]:
            assert row.text[0] not in CLOSING, (width, row.text)
        for row in rows[:-1]:
            assert row.text.rstrip()[-1] not in OPENING, (width, row.text)


def test_traditional_and_zhuyin() -> None:
    rows = interlinear("銀行的行長來了。", 60, ReadingStyle.ZHUYIN)
    cells = {c.word: c.reading for c in rows[0].cells}
    assert cells["行長"] == "ㄏㄤˊ ㄓㄤˇ"
    _check_rows("銀行的行長來了。", rows, 60)


def test_hard_breaks_and_spaces() -> None:
    text = "第一行\n第二行 有空格"
    rows = interlinear(text, 80)
    assert [r.text.replace(" ", "") for r in rows] == ["第一行", "第二行有空格"]


def test_a_word_wider_than_the_line_is_set_by_character() -> None:
    words = ["中华人民共和国"]
    rows = layout("中华人民共和国", words, word_readings(words), 12)
    assert all(text_width(r.text) <= 12 for r in rows)
    assert "".join(c.word for r in rows for c in r.cells) == "中华人民共和国"
    assert rows[0].cells[0].reading == "zhōng"


_CHINESE = st.sampled_from(
    list("我你他们的是在有这个中国人大学生银行长城重庆要乐还觉得地方一起好看书")
)
_PUNCT = st.sampled_from(list("，。、；：？！）」”…》"))
_OPEN = st.sampled_from(list("“「（《"))
_PIECE = st.one_of(
    st.text(_CHINESE, min_size=1, max_size=6),
    _PUNCT,
    st.tuples(_OPEN, st.text(_CHINESE, min_size=1, max_size=4), _PUNCT).map("".join),
    st.sampled_from(["2024年", "3.5亿", "COVID-19", " "]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECE, min_size=1, max_size=25), width=st.integers(16, 70))
def test_layout_properties(pieces: list[str], width: int) -> None:
    """For any text and width: columns align, widths hold, and no line starts with
    closing punctuation when a break elsewhere is possible (text cannot open with it)."""
    text = "我" + "".join(pieces)
    words = segmented(text)
    rows = layout(text, words, word_readings(words), width)
    _check_rows(text, rows, width)
    for row in rows[1:]:
        assert row.text[0] not in CLOSING, (text, width, [r.text for r in rows])
