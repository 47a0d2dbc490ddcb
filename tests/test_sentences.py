"""The Chinese sentence splitter: where it splits, and offsets that round-trip."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.model import Paragraph
from reader.sentences import split_sentences


def texts(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_sentences(paragraph)]


def test_splits_after_full_stops_and_keeps_the_punctuation() -> None:
    assert texts("今天下雨。明天晴！后天呢？再说；好。") == [
        "今天下雨。",
        "明天晴！",
        "后天呢？",
        "再说；好。",  # ； joins clauses of one sentence
    ]


def test_a_semicolon_ends_a_sentence_only_in_a_long_list() -> None:
    short = "二十年前，这里是一家纺织厂的织布车间；如今，机械臂在生产线上来回穿梭。"
    assert texts(short) == [short]
    item = "到2025年，全市街道综合养老服务中心覆盖率达到100%，社区养老服务站点覆盖率达到90%以上，"
    long = item + "护理型床位占比达到55%；" + "家庭养老床位达到三千张；" + "助餐服务覆盖全部街道。"
    parts = texts(long)
    assert parts[0].endswith("55%；") and "".join(parts) == long and len(parts) == 2


def test_closing_quote_stays_with_the_sentence_it_closes() -> None:
    assert texts("他说：“我们赢了。”大家都笑了。") == ["他说：“我们赢了。”", "大家都笑了。"]
    assert texts("「走吧！」她說。") == ["「走吧！」她說。"]


def test_sentences_inside_a_quotation_stay_together() -> None:
    assert texts("他说：“今年增长很快。明年会更快。”记者了解到这一点。") == [
        "他说：“今年增长很快。明年会更快。”",
        "记者了解到这一点。",
    ]


def test_numbers_urls_and_versions_are_not_split() -> None:
    assert texts("投资3.5亿元，增长12.6%。") == ["投资3.5亿元，增长12.6%。"]
    assert texts("详见 https://example.com/a.html?x=1;y=2 。下一句。") == [
        "详见 https://example.com/a.html?x=1;y=2 。",
        "下一句。",
    ]
    assert texts("Version 2.0 is out. Good.") == ["Version 2.0 is out.", "Good."]


def test_ellipsis_inside_a_quote_is_a_pause_but_ends_a_sentence_outside() -> None:
    assert texts("「我想……也許吧」她說。") == ["「我想……也許吧」她說。"]
    assert texts("他沉默了……然后走了。") == ["他沉默了……", "然后走了。"]


def test_runs_of_stops_are_one_end() -> None:
    assert texts("真的吗？！不会吧……") == ["真的吗？！", "不会吧……"]


def test_a_list_number_is_not_a_sentence() -> None:
    assert texts("1. 总体要求。") == ["1. 总体要求。"]


def test_text_without_a_stop_is_one_sentence() -> None:
    assert texts("没有标点的一行") == ["没有标点的一行"]
    assert texts("   ") == []


@given(st.text(alphabet="你好世界。！？；…，“”「」3.5 abc\n", max_size=200))
def test_spans_round_trip_and_cover_every_visible_character(text: str) -> None:
    paragraph = Paragraph.from_text(text)
    for sentence in paragraph.sentences:
        assert paragraph.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    covered = "".join(s.text for s in paragraph.sentences)
    assert "".join(covered.split()) == "".join(text.split())
    starts = [s.start for s in paragraph.sentences]
    assert starts == sorted(starts)


def test_attribution_after_a_quotation_stays_with_it() -> None:
    text = "“我们没有大片新地可用，只能在存量上做文章。”开发区管委会主任周明远说。下一句话。"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "“我们没有大片新地可用，只能在存量上做文章。”开发区管委会主任周明远说。",
        "下一句话。",
    ]
    # A new sentence with a comma after the quotation is not a speech tag.
    other = "“好。”他站起来，走到窗前慢慢地说。"
    assert len(split_sentences(other)) == 2


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    from reader.model import Paragraph

    paragraph = Paragraph.from_text("今天下雨。明天晴！后天呢？")
    assert [paragraph.sentence_at(i) for i in (0, 4, 5, 9, 12)] == [0, 0, 1, 2, 2]
    assert paragraph.sentence_at(99) == 0
