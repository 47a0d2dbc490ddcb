"""Text that lost its line breaks: glued subheadings stood on their own lines, prose left whole.

All articles here are written for these tests. The real documents are measured
by benchmarks/realworld.py (kind e), benchmarks/unbroken_headings.py (headings
invented in every other real document joined into one line) and
benchmarks/unbroken_paragraphs.py (where paragraphs are cut).
"""

from __future__ import annotations

from reader.ingest.glued_headings import GAP, glued_headings
from reader.ingest.loading import load_text
from reader.ingest.unbroken import PARAGRAPH_LONG, PARAGRAPH_TARGET, RUN_ON, rebreak
from reader.model import Document

# Three sections of a report on a night market, each about 400 characters.
MARKET = [
    "青禾市河西区的夜市去年秋天重新开张，摊位从原来的六十个增加到一百二十个。"
    "区商务局的统计显示，开张以来夜市每晚接待游客约八千人次，周末更是超过一万五千人次。"
    "摊主大多是附近的居民，卖的有烤串、凉粉、糖水，也有手工编织的小玩意。"
    "夜市的管理办公室设在入口旁边的一间平房里，工作人员每天傍晚五点开始巡查。"
    "他们检查每个摊位的灭火器和燃气管，发现问题当场要求整改，整改不好的暂停营业一天。"
    "一位在夜市卖了八年凉粉的摊主说，以前晚上收摊后满地垃圾，现在有专人清扫，环境好多了。"
    "为了方便外地游客，夜市入口处还立起了中英文对照的导览牌，标出了每一排摊位卖的东西。"
    "区里的公交公司把两条线路的末班车推迟到晚上十一点，车站就设在夜市的东门外面。",
    "夜市重新开张后，最受欢迎的是老城区搬来的几家老字号。"
    "做了三十年豆花的陈师傅把店开在了夜市正中，每晚排队的人能排出二十多米。"
    "夜市开张前，他在老街上摆了二十年摊，一下雨就得收。"
    "他的女儿辞去城里的工作回来帮忙，还在网上开了店，把自家的辣椒油卖到了外省。"
    "区里给老字号免了头一年的摊位费，并请设计学院的学生重新设计了招牌。"
    "不少年轻人专门坐地铁过来，就为了吃一碗从小吃到大的豆花。"
    "陈师傅说，他最大的心愿是把这门手艺传下去，让年轻人也愿意学、学得会。"
    "除了豆花，夜市里还有做了四十年的麻糖铺和一家只在冬天开门的羊肉汤馆。"
    "区商务局打算明年给老字号办一场评选，请市民投票选出最想留下的十家店。",
    "夜市热闹起来以后，周边居民的烦恼也随之而来，噪音和油烟是投诉最多的两件事。"
    "管理办公室在居民楼一侧加装了隔音屏，又给烧烤摊统一配了油烟净化器。"
    "晚上十点以后，音箱一律关闭，摊主招揽生意只能靠嘴。"
    "住在夜市对面的刘阿姨说，现在晚上基本听不到什么声音了，她自己也常下楼逛逛。"
    "区商务局表示，下一步将在夜市旁边增建一座停车楼，缓解周末停车难的问题。"
    "管理办公室还计划每月请居民代表开一次座谈会，把意见收集起来逐条答复。"
    "居民代表提出，夜市散场后的垃圾清运车声音太大，希望能把清运时间提前一个小时。"
    "管理办公室已经和环卫所商量好，从下个月起改用电动清运车，并在十一点前完成清运。",
]
HEADINGS = ["老字号回来了", "隔音屏挡住了噪音"]


def unbroken_market(*headed: tuple[str, str]) -> str:
    """The report as one line: sections joined, each heading glued before its opening words."""
    parts = [MARKET[0]]
    for (heading, opening), section in zip(headed, MARKET[1:], strict=True):
        parts.append(heading + opening + section)
    return "".join(parts)


def headings_of(document: Document) -> list[str]:
    return [s.heading for s in document.sections if s.heading]


def prose_of(document: Document) -> str:
    return "".join(p.text for _, _, p in document.paragraphs())


def test_glued_subheadings_before_a_time_stand_on_their_own_lines() -> None:
    text = unbroken_market(("老字号回来了", "2023年，"), ("隔音屏挡住了噪音", "去年冬天，"))
    assert "\n" not in text and len(text) > 800
    document = load_text(text)
    assert headings_of(document) == HEADINGS
    # nothing lost: the sentences that opened with the time keep it
    assert "2023年，夜市重新开张后" in prose_of(document)
    assert "去年冬天，夜市热闹起来以后" in prose_of(document)


def test_a_glued_subheading_before_a_word_that_only_opens_sentences() -> None:
    """据了解，此外，然而， never follow a subject: the run before them is not one."""
    text = unbroken_market(("老字号回来了", "据了解，"), ("隔音屏挡住了噪音", "此外，"))
    assert headings_of(load_text(text)) == HEADINGS


def test_a_glued_subheading_before_a_quotation_that_is_a_sentence() -> None:
    quote = "“我们家的豆花，一天只做三锅，卖完就收摊。”"
    text = unbroken_market(
        ("老字号回来了", quote), ("隔音屏挡住了噪音", "“晚上终于能睡个好觉了。”")
    )
    document = load_text(text)
    assert headings_of(document) == HEADINGS
    assert quote in prose_of(document)


def test_parallel_labels_after_a_heading_mark_where_it_ends() -> None:
    """出国前：…？出国后：…？ — the heading stops where the first label starts."""
    text = unbroken_market(
        ("摊主的收入变了", "开张前：一晚能卖多少？开张后：一晚能挣多少？"),
        ("隔音屏挡住了噪音", "今年春天，"),
    )
    document = load_text(text)
    assert headings_of(document)[0] == "摊主的收入变了"
    assert "开张前：一晚能卖多少？" in prose_of(document)


def test_a_two_part_headline_gives_a_heading_and_its_subtitle() -> None:
    """关注点多与所学专业相关法学专业热议法定婚龄 很多人关心供给侧改革在谈及…: a heading,
    then a subtitle in two halves of about one length, then the sentence."""
    text = unbroken_market(
        ("老字号回来了", "2023年，"),
        ("夜市热闹了居民也有烦恼隔音屏挡住噪音 居民能睡好觉了", "不少居民表示，"),
    )
    lines = rebreak(text).split("\n")
    assert "夜市热闹了居民也有烦恼" in lines
    assert "隔音屏挡住噪音 居民能睡好觉了" in lines  # the subtitle keeps its two halves
    assert "不少居民表示，" + MARKET[2][:10] in "".join(lines)
    document = load_text(text)
    assert headings_of(document)[:2] == ["老字号回来了", "夜市热闹了居民也有烦恼"]


def test_one_glued_run_alone_is_not_believed() -> None:
    """An article shows its subheadings at least twice before any is stood apart."""
    text = MARKET[0] + "老字号回来了2023年，" + MARKET[1] + MARKET[2]
    assert headings_of(load_text(text)) == []


def test_a_second_run_closer_than_the_gap_is_not_a_heading() -> None:
    close = "隔音屏挡住了噪音2022年，夜市开张。"  # within GAP of the heading before
    line = (
        MARKET[0]
        + "老字号回来了2023年，"
        + MARKET[1][:40]
        + close
        + MARKET[1][40:]
        + "管理办公室的新规定2024年，"
        + MARKET[2]
    )
    assert len(MARKET[1][:40]) < GAP
    found = glued_headings(line)
    assert [g.lines for g in found] == [("老字号回来了",), ("管理办公室的新规定",)]
    assert [line[g.start : g.end] for g in found] == ["老字号回来了", "管理办公室的新规定"]


# Sentence starts in running prose that look like a heading glued to an opening,
# and are not: each is put twice into a long run-on text, which is then loaded.
NOT_HEADINGS = [
    "区商务局的工作人员在检查摊位时，发现两处燃气管老化。",  # a subject before 在…时，
    "夜市管理办公室在去年年底，制定了新的卫生规定。",  # 在… with no time word before the comma
    "十几家老字号的摊主2023年就已经在这里摆摊了。",  # a time with no comma after it
    "管理办公室主任李明说“夜市不能只图热闹。”",  # a word of saying before a quotation
    "然而管理办公室在整改期间，仍然允许摊主营业。",  # a link word opens the run
    "这些摊主在夜市开张之前，大多在街边流动摆摊。",  # a pronoun opens the run
    "本报记者王青在夜市采访时，遇到了下雨。",  # a byline
    "摊主们把桌椅摆放在入口旁边，方便老人歇脚。",  # a verb and its place
    "我们已经进入2024年，夜市也迎来了第三个春节。",  # a verb wanting an object
    "夜市的管理办公室对于摊主提出的意见，都会在一周内答复。",  # a subject before 对于…，
]


def test_prose_that_looks_like_a_glued_heading_is_left_whole() -> None:
    for sentence in NOT_HEADINGS:
        text = MARKET[0] + sentence + MARKET[1] + sentence + MARKET[2]
        document = load_text(text)
        assert headings_of(document) == [], sentence
        assert sentence in prose_of(document), sentence


def test_traditional_text_gets_its_glued_subheadings_too() -> None:
    market = [m.replace("区", "區").replace("说", "說") for m in MARKET]
    text = market[0] + "老字號回來了2023年，" + market[1] + "隔音屏擋住了噪音去年冬天，" + market[2]
    assert headings_of(load_text(text)) == ["老字號回來了", "隔音屏擋住了噪音"]


def test_rebroken_paragraphs_are_news_sized_and_lose_nothing() -> None:
    text = "".join(MARKET)
    lines = rebreak(text).split("\n")
    paragraphs = [line for line in lines if line]
    assert "".join(paragraphs) == text
    assert len(paragraphs) >= len(text) // (PARAGRAPH_TARGET * 2)
    assert all(len(p) < PARAGRAPH_LONG + 100 for p in paragraphs)


def test_a_paragraph_does_not_end_before_a_sentence_that_points_back() -> None:
    """他们检查… carries on 工作人员…巡查: the cut waits for the next sentence end."""
    text = "".join(MARKET)
    paragraphs = [line for line in rebreak(text).split("\n") if line]
    starts = [p[:2] for p in paragraphs]
    assert "他们" not in starts and "他的" not in starts
    assert not any(p.startswith(("这", "他", "她")) for p in paragraphs)


# An encyclopedia entry as one line: numbered headings glued between sentences.
RIVER = [
    "青禾河是青禾市境内最长的河流，全长一百二十公里，流经六个区县。",
    "河道两岸多为冲积平原，土地肥沃，自古就是当地的粮仓。",
    "上游山区雨水充沛，每年夏季都会形成一次明显的汛期。",
    "下游河段在城区蜿蜒穿过，沿岸修建了绿道和亲水平台。",
]


def river_entry(*sections: str) -> str:
    """Sections glued after sentence ends, each followed by prose; one line past ``RUN_ON``."""
    text = "".join(RIVER) + "".join(section + "".join(RIVER) * 4 for section in sections)
    assert "\n" not in text and len(text) >= RUN_ON
    return text


def test_a_numbered_heading_ends_where_a_date_opens_the_paragraph() -> None:
    text = river_entry("1 河道整治工程2015年，", "2 沿岸绿道建设（2018年起）2018年，")
    assert headings_of(load_text(text)) == ["1 河道整治工程", "2 沿岸绿道建设（2018年起）"]
    assert "2015年，" + RIVER[0] in prose_of(load_text(text))


def test_a_numbered_heading_ends_where_the_paragraph_names_it_again() -> None:
    text = river_entry("1 水文特征水文特征主要受季风影响，", "2 生态保护生态保护从上游开始，")
    assert headings_of(load_text(text)) == ["1 水文特征", "2 生态保护"]


def test_a_sentence_before_a_date_is_not_taken_into_a_numbered_heading() -> None:
    """2 历史一般认为大堤是于1958年…: 是 and 于 belong to a sentence, not to a heading."""
    text = river_entry("1 河道整治工程2015年，", "2 历史一般认为大堤是于1958年修建的，")
    headings = headings_of(load_text(text))
    assert headings[0] == "1 河道整治工程"
    assert "是于" not in headings[1]


def test_a_headline_before_the_reports_credit_is_the_title() -> None:
    body = "".join(MARKET) * 3
    for credit in ("本报记者 王小明", "本报讯（记者 王小明）", "新华社北京3月5日电"):
        document = load_text(f"江畔小学的第一场音乐会{credit}{body}\n")
        assert document.title == "江畔小学的第一场音乐会"
        first = next(p.text for _, _, p in document.paragraphs())
        assert first.startswith(credit)
    # a sentence is no headline: the credit after a comma stays in its paragraph
    said = f"据了解，这次音乐会由学校和社区共同举办，本报记者王小明在现场看到{body}\n"
    assert load_text(said).title != "据了解"


def test_a_text_that_is_one_line_of_some_hundred_characters_is_cut_into_paragraphs() -> None:
    from reader.ingest.unbroken import SOLE_RUN_ON

    body = "".join(MARKET)[: SOLE_RUN_ON + 200]
    body = body[: body.rfind("。") + 1]
    assert SOLE_RUN_ON <= len(body) < RUN_ON
    alone = load_text(f"老街上的新店\n\n{body}\n")
    assert len(alone.sections[0].paragraphs) >= 3
    assert "".join(p.text for p in alone.sections[0].paragraphs) == body
    # beside other paragraphs, a long one is the writer's
    beside = load_text(f"老街上的新店\n\n{MARKET[0]}\n\n{body}\n\n{MARKET[1]}\n")
    assert body in [p.text for p in beside.sections[0].paragraphs]


def test_a_headline_glued_to_its_date_and_credit_or_to_a_wires_dateline() -> None:
    body = "".join(MARKET) * 2
    wire = load_text(f"长江口禁渔四年 江豚频繁“露脸”新华社上海3月5日电（记者 吕晓峰）{body}\n")
    assert wire.title == "长江口禁渔四年 江豚频繁“露脸”" and wire.meta.author == "吕晓峰"
    dated = load_text(
        f"屏東黑鮪魚季開跑 首尾拍出高價2024-04-25 11:30聯合報／記者潘志偉／屏東即時報導{body}\n"
    )
    assert dated.title == "屏東黑鮪魚季開跑 首尾拍出高價"
    assert (dated.meta.date, dated.meta.source, dated.meta.author) == (
        "2024-04-25 11:30",
        "聯合報",
        "潘志偉",
    )


def test_a_short_one_line_report_still_gives_its_headline() -> None:
    lead = "记者从保护区管理处获悉，禁渔四年来水生生物资源明显恢复，今年已观测到江豚八十余次。"
    text = f"长江口禁渔四年 江豚频繁露脸新华社上海3月5日电（记者 吕晓峰）{lead * 3}\n"
    assert 120 <= len(text) < 400
    document = load_text(text)
    assert document.title == "长江口禁渔四年 江豚频繁露脸" and document.meta.author == "吕晓峰"
    # a short text without such a headline is left as it is
    plain = "今天的天气很好，我们去公园散步，看见湖边的柳树已经发芽了。" * 3
    assert rebreak(plain + "\n") == plain + "\n"


def test_a_sentence_with_a_date_and_time_is_no_dated_headline() -> None:
    """Without a credit after the date, 本次春游定于2024-04-12 08:00在… is a sentence."""
    text = "本次春游定于2024-04-12 08:00在学校东门集合出发，" + "".join(MARKET) + "\n"
    assert load_text(text).title != "本次春游定于"
