"""Marked headings (一、 （一） 第二章 ■) glued into text that lost its line breaks.

Every text here is written for these tests.
"""

from __future__ import annotations

from reader.ingest.glued_markers import _value, marked_starts
from reader.ingest.loading import load_text
from reader.ingest.unbroken import MARKED_RUN_ON, rebreak

FILLER = "各区要把这项工作作为民生工作的重要内容，统筹安排资金和人员，确保各项任务落到实处。"

NOTICE = (
    "关于推进城乡社区服务体系建设的实施意见各区人民政府，市政府各委、办、局：为进一步加强"
    "城乡社区服务体系建设，现提出如下实施意见。"
    "一、总体要求（一）指导思想。坚持以人民为中心的发展思想，补齐社区服务短板。" + FILLER * 2 + ""
    "（二）主要目标。到2025年，全市城乡社区综合服务设施实现全覆盖。" + FILLER * 2 + ""
    "二、重点任务（一）完善社区服务设施。各区要结合老旧小区改造，统筹建设社区综合服务中心。"
    + FILLER * 2
    + "（二）丰富社区服务内容。鼓励社区引入专业社会组织。"
    + FILLER
    + "三、保障措施各区要建立工作机制，定期研究解决重大问题。"
    + FILLER
)


def outline(text: str) -> list[tuple[int, str | None]]:
    return [(s.level, s.heading) for s in load_text(text).sections]


def test_chinese_numerals_have_their_values() -> None:
    cases = {"一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十三": 23, "九十九": 99}
    assert {k: _value(k) for k in cases} == cases
    assert _value("一二") == _value("十十") == 0


def test_an_official_document_on_one_line_gets_its_title_and_headings_by_level() -> None:
    document = load_text(NOTICE + "\n")
    assert document.title == "关于推进城乡社区服务体系建设的实施意见"
    assert [(s.level, s.heading) for s in document.sections if s.heading] == [
        (1, "一、总体要求"),
        (2, "（一）指导思想"),
        (2, "（二）主要目标"),
        (1, "二、重点任务"),
        (2, "（一）完善社区服务设施"),
        (2, "（二）丰富社区服务内容"),
    ]
    # 三、 has no subheading after its words: its paragraph opens with the mark
    assert document.sections[-1].paragraphs[-1].text.endswith(FILLER)
    assert any(p.text.startswith("三、保障措施") for p in document.sections[-1].paragraphs)


def test_an_enumeration_inside_a_sentence_is_left_alone() -> None:
    line = (
        FILLER * 4 + "今年的工作主要有四项：一、加强组织领导；二、完善工作制度；三、加大资金投入；"
        "四、强化督促检查。" + FILLER * 3
    )
    assert len(line) >= MARKED_RUN_ON
    assert marked_starts(line) == []
    assert rebreak(line) == line


def test_marks_out_of_order_or_alone_are_not_headings() -> None:
    alone = FILLER * 3 + "二、另一件事情也要办好。" + FILLER * 3
    backwards = FILLER * 2 + "三、第一件事。" + FILLER * 2 + "二、第二件事。" + FILLER * 2
    assert marked_starts(alone) == [] and marked_starts(backwards) == []
    assert rebreak(alone) == alone


def test_a_paragraph_of_some_length_without_marks_is_not_touched() -> None:
    paragraph = FILLER * 12  # 500 characters: long, but a writer's paragraph among others
    text = f"标题\n\n{FILLER}\n\n{paragraph}\n\n{FILLER}\n"
    assert len(paragraph) > MARKED_RUN_ON and rebreak(text) == text


def test_symbol_marks_used_twice_start_paragraphs_of_their_own() -> None:
    line = (
        "山村里的新课堂。清晨六点，山里的雾气还没有散去。"
        + FILLER * 2
        + "■ 一块屏幕连通山外李老师说，过去上音乐课全靠一台旧手机。"
        + FILLER * 2
        + "■ 留得住的老师在山区教学点，老师流动一直是个难题。"
        + FILLER * 2
    )
    paragraphs = [p.text for _, _, p in load_text(line + "\n").paragraphs()]
    starting = [p for p in paragraphs if p.startswith("■")]
    assert [p[:6] for p in starting] == ["■ 一块屏幕", "■ 留得住的"]
    once = FILLER * 4 + "■ 只出现一次的记号。" + FILLER * 4
    assert marked_starts(once) == []


def test_chapters_and_articles_glued_in_a_long_line_stand_on_their_own() -> None:
    body = (
        "第一章 总则第一条 为了规范社区服务管理，制定本办法。"
        + FILLER * 2
        + "第二条 本办法适用于本市行政区域内的社区服务。"
        + FILLER * 2
        + "第二章 组织机构第三条 市人民政府设立社区服务委员会。"
        + FILLER * 2
        + "第四条 委员会负责社区服务的日常工作。"
        + FILLER
    )
    document = load_text("社区服务管理办法\n\n" + body + "\n")
    assert document.title == "社区服务管理办法"
    assert [s.heading for s in document.sections if s.heading] == ["第一章 总则", "第二章 组织机构"]
    opening = [p.text[:3] for _, _, p in document.paragraphs() if p.text.startswith("第")]
    assert opening == ["第一条", "第二条", "第三条", "第四条"]


def test_marks_count_on_from_one_and_past_a_hundred() -> None:
    line = "".join(f"第{n}条 本条规定一项具体事务。" for n in ("九十九", "一百", "一百零一"))
    line = FILLER * 4 + line + FILLER * 4
    assert [line[at : at + 6] for at in marked_starts(line)] == []  # no 第一条 to count from
    counted = "第一条 总的规定。" + FILLER + "第二条 具体规定。" + FILLER
    assert len(marked_starts(counted)) == 2
    assert _value("一百零一") == 101 and _value("一百二十") == 120


def test_an_official_title_ends_where_its_first_chapter_or_its_purpose_begins() -> None:
    rules = (
        "青禾市物业管理办法第一章 总则第一条 为了规范物业管理活动，制定本办法。"
        + FILLER * 3
        + "第二条 本办法适用于本市。"
        + FILLER * 3
        + "第二章 业主第三条 业主享有权利。"
        + FILLER * 3
    )
    document = load_text(rules + "\n")
    assert document.title == "青禾市物业管理办法"
    assert [s.heading for s in document.sections if s.heading] == ["第一章 总则", "第二章 业主"]
    plan = (
        "关于推进中小学课后服务提质增效的工作方案为进一步做好课后服务工作，制定本方案。"
        + FILLER * 3
        + "一、总体要求"
        + FILLER * 3
        + "二、重点任务"
        + FILLER * 3
    )
    assert load_text(plan + "\n").title == "关于推进中小学课后服务提质增效的工作方案"
    # a purpose after a title that is about nothing in particular is no cut
    story = "青禾方案为进一步做好服务，大家想了很多办法。" + FILLER * 12
    assert load_text(story + "\n").title != "青禾方案"


def test_a_paragraph_quoting_a_list_in_a_line_broken_article_stays_whole() -> None:
    quoted = (
        "会议提出四点要求。一、提高思想认识，把这项工作摆在突出位置。二、加强统筹协调，"
        "形成工作合力。三、强化督促检查，确保各项措施落到实处。四、做好宣传引导。" + FILLER * 3
    )
    text = f"标题\n\n{FILLER}\n\n{quoted}\n\n{FILLER}\n"
    assert rebreak(text) == text
    lesson = "第一节课是语文。" + FILLER * 3 + "第二节课是数学。" + FILLER * 3
    assert marked_starts(lesson) == []  # 节课: a lesson, not a section


def test_no_title_is_taken_from_a_notice_or_a_report_without_one() -> None:
    notice = "现将有关事项通知如下：" + FILLER * 12
    reported = "春节前夕本报记者跟随社区工作者走访了十户人家。" + FILLER * 12
    assert load_text(notice + "\n").title != "现将有关事项通知"
    assert load_text(reported + "\n").title != "春节前夕"
