"""Chinese line breaking: the rules a typesetter follows, on fixed cases and random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.linebreak import CLOSING, OPENING, groups, line_starts, text_width, units, wrap


def test_closing_punctuation_never_starts_a_line() -> None:
    # 9 characters then "；": a naive wrap at 18 cells puts "；" first on line 2.
    text = "规上工业增加值增长了；新能源项目四十二个。"
    lines = wrap(text, 18)
    assert lines[0].endswith("了；") or not lines[1].startswith("；")
    assert all(line[0] not in CLOSING for line in lines[1:])
    assert "".join(lines) == text


def test_opening_punctuation_never_ends_a_line() -> None:
    text = "他笑着说：“现在骑车二十分钟就到，还不用找车位。”"
    for width in range(8, 40):
        lines = wrap(text, width)
        assert all(line[-1] not in OPENING for line in lines), (width, lines)
        assert "".join(lines) == text


def test_numbers_and_latin_words_are_not_split() -> None:
    text = "投资额达到3.5亿元，比去年增长12.6%，其中COVID-19相关项目有1,200个。"
    for width in range(10, 60):
        joined = "\n".join(wrap(text, width))
        for token in ("3.5", "12.6%", "COVID-19", "1,200"):
            assert token in joined, (width, joined)


def test_lines_fit_the_width() -> None:
    text = (
        "东江火炬开发区三年来把旧厂房、旧仓库作为产业转型主阵地，引进新能源、智能装备和生物医药项目。"
        * 3
    )
    for width in (20, 31, 40, 80):
        lines = wrap(text, width)
        # A line may run over only by the punctuation glued to its last character.
        assert all(text_width(line) <= width + 4 for line in lines)
        assert all(text_width(line) <= width for line in lines if line[-1] not in CLOSING)
        assert "".join(lines) == text


def test_an_overlong_url_is_cut_rather_than_overflowing() -> None:
    url = "https://news.example.cn/" + "a" * 80
    lines = wrap("见" + url, 30)
    assert all(text_width(line) <= 30 for line in lines)
    assert "".join(lines) == "见" + url


def test_spaces_do_not_open_a_line_and_newlines_break() -> None:
    lines = wrap("hello world again and again", 11)
    assert lines == ["hello world", "again and", "again"]
    assert wrap("第一行\n第二行", 40) == ["第一行", "第二行"]


def test_starts_are_offsets_into_the_text() -> None:
    text = "巷口那間舊書店，開了將近四十年。「你要找什麼書？」阿伯問。"
    starts = line_starts(text, 12)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(0 < s < len(text) for s in starts[1:])


chinese = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
pieces = st.one_of(
    chinese,
    st.sampled_from(sorted(CLOSING | OPENING)),
    st.from_regex(r"[A-Za-z]{1,8}|\d{1,4}(\.\d{1,2})?", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=80).map("".join), st.integers(12, 90))
def test_random_text_keeps_every_rule(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text  # nothing lost, nothing added (no spaces in this text)
    breaks = line_starts(text, width)[1:]
    for b in breaks:
        # A break inside a Latin word or number only when it alone is wider than the line.
        for a, e in units(text):
            if a < b < e:
                assert text_width(text[a:e]) > width, (text[a:e], lines)
        # Punctuation rules give way only inside a run wider than the line.
        if text[b] in CLOSING or text[b - 1] in OPENING:
            assert any(a < b < e and text_width(text[a:e]) > width for a, e in groups(text)), lines
    for line in lines:
        assert text_width(line) <= width, lines
