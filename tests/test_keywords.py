"""Keywords are whole units and name the topic: fragment repair, generic words, phrase glue."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.loading import load_text
from reader.nlp.analysis import analyze, text_keywords
from reader.nlp.keywords import whole_unit
from reader.nlp.lexicon import WordClass, is_general_verb, word_class

# Written for these tests: a car launch with a brand and a name the segmenter cuts
# (比亚/迪, 冯/远征), everyday verbs and adverbs, and phrase glue around them.
CAR_LAUNCH = """比亚迪新款电动车上市

比亚迪昨天在深圳发布了一款新能源汽车，这款全新车型的续航突破百万公里测试。此前，比亚迪已陆续推出多款新能源汽车，销量持续增长。
发布会涉及电池、电机和智能座舱等方面。比亚迪相关负责人表示，新能源汽车的电池安全是用户最关心的问题，这款全新车型采用刀片电池。
业内人士认为，比亚迪在新能源汽车领域的布局已经启动多年，刀片电池的造型效果更好，突破百万的销量也在意料之中。
演员冯远征出席了发布会。冯远征说，他此前就关注新能源汽车，刀片电池让他放心。
"""


@pytest.fixture(scope="module")
def car_keywords() -> list[str]:
    return [k.word for k in analyze(load_text(CAR_LAUNCH, fmt="text"), keywords=15).keywords]


def test_a_word_always_seen_with_the_same_neighbour_is_taken_whole(car_keywords) -> None:
    assert "比亚迪" in car_keywords and "亚迪" not in car_keywords
    assert "新能源汽车" in car_keywords and "能源汽车" not in car_keywords
    assert "冯远征" in car_keywords and "远征" not in car_keywords


def test_a_count_is_not_part_of_the_name(car_keywords) -> None:
    # 一款新能源汽车, 多款新能源汽车: 款 belongs to the count; 突破百万: the number is not a name.
    assert not any(w.startswith("款") for w in car_keywords), car_keywords
    assert not any(w.endswith(("百", "万")) for w in car_keywords), car_keywords


def test_generic_verbs_adverbs_and_phrase_glue_are_not_keywords(car_keywords) -> None:
    generic = {"涉及", "启动", "此前", "陆续", "已经", "表示", "全新", "更好", "这款"}
    assert not generic & set(car_keywords), car_keywords
    glue = ("这款全新", "突破百万", "效果更好", "造型效果更好")
    assert not [w for w in car_keywords if w in glue], car_keywords


@pytest.mark.parametrize(
    "text,word,whole",
    [
        ("比亚迪发布新车。比亚迪的股价上涨。", "亚迪", "比亚迪"),
        ("电影首映礼在北京举行，首映礼上导演致辞。", "首映", "首映礼"),
        ("容城县位于雄安，容城县人口不多。", "城县", "容城县"),
        ("YES!IC 发布新品，YES!IC 的创始人说", "YES", "YES!IC"),
        ("YES!IC 发布新品，YES!IC 的创始人说", "IC", "YES!IC"),
        # neighbours that change, or are function words, leave the word alone
        ("新工厂和老工厂都在开发区。", "工厂", "工厂"),
        ("我们的工厂在开发区，他们的工厂不在。", "工厂", "工厂"),
        # seen once: no evidence for a longer unit
        ("比亚迪发布新车。", "亚迪", "亚迪"),
    ],
)
def test_whole_unit(text: str, word: str, whole: str) -> None:
    assert whole_unit(word, text) == whole


def test_growth_stops_before_a_word_that_starts_differently() -> None:
    # 新闻发布会, 新闻发言人: both go on with 发, but 发布 and 发言 are words of their own.
    text = "新闻发布会今天举行，新闻发言人回答提问。"
    assert whole_unit("新闻", text, known={"发布", "发言", "新闻"}) == "新闻"


def test_a_latin_brand_with_punctuation_inside_stays_one_keyword() -> None:
    words = [
        k.word
        for k in text_keywords(
            "YES!IC 发布新品",
            "YES!IC 发布了新品。YES!IC 的创始人说，新品采用全新设计。YES!IC 今年营收增长。",
        )
    ]
    assert "YES!IC" in words and "YES" not in words and "IC" not in words


@pytest.mark.parametrize(
    "word,kind",
    [
        ("陆续", WordClass.FUNCTION),  # adverb
        ("此前", WordClass.FUNCTION),  # time word
        ("全新", WordClass.FUNCTION),  # non-predicate adjective
        ("这款", WordClass.FUNCTION),  # unseen, led by a pronoun
        ("涉及", WordClass.VERB),
        ("更好", WordClass.VERB),  # unseen, adverb + adjective
        ("洗净", WordClass.VERB),  # unseen, verb + adjective
        ("合作", WordClass.NOMINAL),  # a verbal noun more often than a verb
        ("开发区", WordClass.NOMINAL),
        ("比亚迪", WordClass.NOMINAL),  # unseen longer words are taken for names
    ],
)
def test_word_classes_from_the_tagged_corpus(word: str, kind: WordClass) -> None:
    assert word_class(word) is kind


def test_general_verbs_are_the_common_ones() -> None:
    assert is_general_verb("涉及") and is_general_verb("启动") and is_general_verb("即可")
    assert not is_general_verb("喝酒")  # rare: may be what the article is about
    assert not is_general_verb("合作")  # a noun as often as a verb


def test_a_general_verb_in_the_title_can_still_be_a_keyword() -> None:
    text = "两国正式建交\n\n两国外长签署联合公报，宣布建交。建交后双方将互设使馆。建交是两国关系的里程碑。"
    words = [k.word for k in analyze(load_text(text, fmt="text")).keywords]
    assert "建交" in words


@given(
    text=st.text(alphabet="比亚迪的新能源汽车一款，YES!IC ", min_size=0, max_size=60),
    start=st.integers(0, 59),
    size=st.integers(2, 4),
)
def test_a_grown_unit_contains_the_word_and_is_in_the_text(
    text: str, start: int, size: int
) -> None:
    word = text[start : start + size]
    if len(word) < 2:
        return
    unit = whole_unit(word, text)
    assert word in unit or (word.isascii() and word.strip("!&'.-+ ") in unit)
    assert unit in text


def test_a_numeral_the_word_ends_with_is_not_trimmed_as_a_count_after_it() -> None:
    """Found by the property above: C一 grown to 亚C一 lost its own 一."""
    assert whole_unit("C一", "C亚C一亚C一") == "亚C一"


def test_a_two_letter_lowercase_latin_word_is_no_keyword_but_an_acronym_is() -> None:
    from reader.nlp.keywords import is_candidate

    assert not is_candidate("el") and not is_candidate("de")  # another language's articles
    assert is_candidate("AI") and is_candidate("5G") and is_candidate("pH")
    assert is_candidate("covid")  # a longer Latin word still counts


def test_a_unit_cut_from_its_number_takes_it_back_or_is_no_keyword() -> None:
    from reader.nlp.keywords import with_its_number

    text = "地铁7号线北延段今天试运行。7号线北延段全长十公里，7号线北延段设七座车站。"
    assert with_its_number(whole_unit("北延段", text), text) == "7号线北延段"
    price = "车费加一元三角，乘客说一元三角不算少，也有人说一元三角可以接受。"
    assert with_its_number(whole_unit("三角", price), price) == ""
    dateline = "青禾社5日电 今天开幕。青禾社5日电 明天闭幕。"
    assert with_its_number("日电", dateline) == ""
    assert with_its_number("三角洲", "长江三角洲和珠江三角洲") == "三角洲"  # no number before it


def test_keywords_of_a_price_rise_are_not_its_price() -> None:
    from reader.ingest.loading import load_text
    from reader.nlp.analysis import analyze

    text = (
        "专线小巴下月加价 最高加一元三角\n\n"
        "运输署今日宣布，全港四十二条专线小巴路线下月加价，个别路线最多加一元三角。\n\n"
        "有路线加价一元三角，市民认为加一元三角负担不轻，希望专线小巴改善服务。\n"
    )
    words = [k.word for k in analyze(load_text(text)).keywords]
    assert words and not any(w.startswith(("元", "角")) for w in words)


def test_a_number_cut_from_a_word_of_its_own_or_a_chinese_numbered_line() -> None:
    from reader.nlp.keywords import with_its_number
    from reader.nlp.lexicon import background_idf

    known, _ = background_idf()
    report = "2024年度报告发布。2024年度报告显示增长。2024年度报告指出问题。"
    assert with_its_number(whole_unit("报告", report), report, known) == "年度报告"
    line = "七号线北延段今天开通。七号线北延段全长十公里。七号线北延段设站七座。"
    assert with_its_number(whole_unit("北延段", line), line, known) == "七号线北延段"


def test_a_number_written_in_words_is_no_keyword() -> None:
    from reader.nlp.keywords import is_candidate

    assert not any(is_candidate(w) for w in ["四万二千", "一点五", "一百一十五萬", "两千"])
    assert is_candidate("一带一路") and is_candidate("三角洲")
    assert is_candidate("十一五") and is_candidate("九一八")  # names, not amounts
