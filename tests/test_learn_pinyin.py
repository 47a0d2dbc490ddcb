"""Readings in context: a polyphonic character reads as its word makes it read,
in simplified and in traditional text, in pinyin and in zhuyin."""

from __future__ import annotations

import pytest

from reader.learn.heteronyms import Override, overrides, read_alone
from reader.learn.pinyin import (
    ReadingStyle,
    char_readings,
    reading,
    segmented,
    word_readings,
    words_in,
)

# (sentence, word in it, expected reading of that word in context)
POLYPHONES = [
    ("我去银行取钱", "银行", "yínháng"),
    ("他在路上行走", "行走", "xíngzǒu"),
    ("孩子长大了", "长大", "zhǎngdà"),
    ("我们去爬长城", "长城", "chángchéng"),
    ("他住在重庆", "重庆", "chóngqìng"),
    ("这件事很重要", "重要", "zhòngyào"),
    ("我喜欢音乐", "音乐", "yīnyuè"),
    ("祝你生日快乐", "快乐", "kuàilè"),
    ("你喝茶还是咖啡", "还是", "háishì"),
    ("他明天还钱", "还钱", "huánqián"),
    ("我觉得很好", "觉得", "juéde"),
    ("我想睡觉", "睡觉", "shuìjiào"),
    ("我们一起去", "一起", "yìqǐ"),
    ("他是一个好人", "一个", "yígè"),
    ("这个地方很美", "地方", "dìfāng"),
    ("他说一口地道的北京话", "地道", "dìdào"),
    ("我们在教室上课", "教室", "jiàoshì"),
    ("他是一位老师，在学校教书", "教书", "jiāoshū"),
    ("我们要好好教育孩子", "教育", "jiàoyù"),
    ("书放在桌子上了", "了", "le"),
    ("我终于了解了", "了解", "liǎojiě"),
    ("他得了第一名", "得", "dé"),
    ("我还记得他", "记得", "jìde"),
    ("请把门关好", "好", "hǎo"),
    ("他的爱好是游泳", "爱好", "àihào"),
    ("这里的空气很好", "空气", "kōngqì"),
    ("我有空再说", "有空", "yǒukòng"),
    ("银行的行长来了", "行长", "hángzhǎng"),
    ("他们都去了", "都", "dōu"),
    ("北京是一座古都", "古都", "gǔdū"),
    ("我们应该好好学习", "应该", "yīnggāi"),
    ("这个问题很难", "难", "nán"),
    ("他们遭受了灾难", "灾难", "zāinàn"),
    ("请为我们唱一首歌", "为", "wèi"),
    ("他成为了医生", "成为", "chéngwéi"),
    ("他得到了奖励", "得到", "dédào"),
    # One-character heteronyms read from the word beside them (reader.learn.heteronyms).
    ("他教我们中文", "教", "jiāo"),
    ("老师教大家唱歌", "教", "jiāo"),
    ("我向老师请教", "请教", "qǐngjiào"),
    ("我得走了", "得", "děi"),
    ("我们还得等", "得", "děi"),
    ("你得先吃饭", "得", "děi"),
    ("她教过我", "教", "jiāo"),  # cut 她教 / 过: 她教 is no word, so 教 stands alone
    ("他得分了", "得分", "défēn"),  # a dictionary word keeps its 得
    ("他跑得很快", "得", "de"),
    ("她长得很好看", "得", "de"),
    ("他说得对", "得", "de"),
    ("他慢慢地走过来", "地", "de"),
    ("他高兴地说", "地", "de"),
    ("这是一块地", "地", "dì"),
    ("我家有两只狗", "只", "zhī"),
    ("我只有一个", "只", "zhǐ"),
]

# The same sentences in traditional script read the same.
TRADITIONAL = [
    ("我去銀行取錢", "銀行", "yínháng"),
    ("孩子長大了", "長大", "zhǎngdà"),
    ("我們去爬長城", "長城", "chángchéng"),
    ("他住在重慶", "重慶", "chóngqìng"),
    ("我喜歡音樂", "音樂", "yīnyuè"),
    ("祝你生日快樂", "快樂", "kuàilè"),
    ("你喝茶還是咖啡", "還是", "háishì"),
    ("他明天還錢", "還錢", "huánqián"),
    ("我覺得很好", "覺得", "juéde"),
    ("我想睡覺", "睡覺", "shuìjiào"),
    ("銀行的行長來了", "行長", "hángzhǎng"),
    ("這隻狗跑得很快", "得", "de"),
    ("他們還得等", "得", "děi"),
    ("他教我們中文", "教", "jiāo"),
]


def _reading_in(sentence: str, word: str, style: ReadingStyle = ReadingStyle.PINYIN) -> str:
    """The reading the word gets where it stands in the sentence, as the reader shows it."""
    words = segmented(sentence)
    sounds = [
        s
        for w, r in zip(words, word_readings(words, style), strict=True)
        for s in (r or [""] * len(w))
    ]
    at = sentence.index(word)
    return "".join(sounds[at : at + len(word)])


@pytest.mark.parametrize(("sentence", "word", "expected"), POLYPHONES)
def test_polyphonic_word_reads_as_in_context(sentence: str, word: str, expected: str) -> None:
    assert _reading_in(sentence, word) == expected


@pytest.mark.parametrize(("sentence", "word", "expected"), TRADITIONAL)
def test_traditional_text_gets_the_same_readings(sentence: str, word: str, expected: str) -> None:
    assert _reading_in(sentence, word) == expected


def test_the_table_has_thirty_cases_and_each_character_pair_contrasts() -> None:
    assert len(POLYPHONES) >= 30
    # 行 háng/xíng, 长 zhǎng/cháng, 重 chóng/zhòng, 乐 yuè/lè, 还 hái/huán, 觉 jué/jiào
    assert reading("银行") != reading("行走")[:4] + reading("银行")[4:]
    assert reading("长大").startswith("zhǎng") and reading("长城").startswith("cháng")


def test_context_is_the_sentence_not_only_the_segment() -> None:
    # The segmenter cuts 还 / 钱; the phrase 还钱 still gives 还 its reading huán.
    assert segmented("他明天还钱")[-2:] == ["还", "钱"]
    assert char_readings("他明天还钱")[3] == "huán"
    assert char_readings("他还是来了")[1] == "hái"


def test_zhuyin_style() -> None:
    assert word_readings(["銀行"], ReadingStyle.ZHUYIN) == [("ㄧㄣˊ", "ㄏㄤˊ")]
    assert reading("重庆", ReadingStyle.ZHUYIN) == "ㄔㄨㄥˊ ㄑㄧㄥˋ"


def test_non_chinese_words_have_no_reading_and_mixed_words_keep_one_item_a_character() -> None:
    assert word_readings(["ABC", "，", "3.5亿"]) == [(), (), ("", "", "", "yì")]


def test_segmentation_covers_the_text_and_cuts_traditional_where_simplified_is_cut() -> None:
    text = "他在銀行工作， 3.5億元「很好」\n走了。"
    words = segmented(text)
    assert "".join(words) == text
    assert "銀行" in words
    assert words_in("a b", ["a", "b"]) == ["a", " ", "b"]


def test_a_lone_heteronym_reads_by_its_neighbours_in_zhuyin_too() -> None:
    words = segmented("他跑得很快")
    assert word_readings(words, ReadingStyle.ZHUYIN)[words.index("得")] == ("ㄉㄜ˙",)
    words = segmented("我得走了")
    assert word_readings(words, ReadingStyle.ZHUYIN)[words.index("得")] == ("ㄉㄟˇ",)


def test_rules_apply_only_where_pypinyin_read_the_character_alone() -> None:
    # 请教 is one of pypinyin's phrases: its jiào stands even when cut 请 / 教.
    assert read_alone("请教") == [False, False]
    assert overrides(["请", "教"], read_alone("请教")) == []
    assert overrides(["他", "教", "我们"], read_alone("他教我们")) == [Override(1, "jiāo")]
    # A character inside a longer word is the word's business (得到, 记得).
    assert overrides(["他", "得到"], read_alone("他得到")) == []
    # The segmenter's 得去 is no phrase of pypinyin's: 得 stands alone and reads děi.
    assert segmented("你得去医院") == ["你", "得去", "医院"]
    assert overrides(["你", "得去", "医院"], read_alone("你得去医院")) == [Override(1, "děi")]
    # 得了 keeps its reading: dé le, not a particle.
    assert overrides(["跑", "得", "了"], [True, True, True]) == []
