"""Date, source and byline lines as pages set them; each line is written for these tests."""

from __future__ import annotations

import pytest

from reader.ingest.boilerplate import is_boilerplate
from reader.ingest.metadata import MetaLine, parse_meta_line
from reader.ingest.structure import parse_plain_text


@pytest.mark.parametrize(
    "line, expected",
    [
        # the page's tools beside the date line
        (
            "发布时间：2024-03-05 10:21:33  来源：青禾日报  作者：王丽华  【字号 大 中 小】【打印】【关闭】",
            MetaLine(date="2024-03-05 10:21:33", source="青禾日报", author="王丽华"),
        ),
        ("作者：王丽华  【打印】", MetaLine(author="王丽华")),
        # an update stamp after the date
        ("2024/03/05 18:30（3/5 20:12 更新）", MetaLine(date="2024-03-05 18:30")),
        ("最后更新：2024年3月5日 12:40", MetaLine(date="2024-03-05 12:40")),
        # a publisher's name before its date, without a label
        ("星海科技 2024年01月17日 16:05", MetaLine(date="2024-01-17 16:05", source="星海科技")),
        # an official document's number: metadata naming nothing
        ("临川政办发〔2024〕8号", MetaLine()),
        # bylines give the names, without the paper and the roles
        ("本报记者 陈明  通讯员 刘欣", MetaLine(author="陈明、刘欣")),
        ("青禾晚报记者 周明", MetaLine(author="周明")),
        ("记者王小明／台北报导", MetaLine(author="王小明")),
        ("本报记者 张明远 北京报道", MetaLine(author="张明远")),
        ("本报全媒体记者 张明远 通讯员 刘欣", MetaLine(author="张明远、刘欣")),
        ("□ 本报记者 钟伟 通讯员 曹颖", MetaLine(author="钟伟、曹颖")),
        ("文／林佳颖、图／张志豪", MetaLine(author="林佳颖")),  # the photographer is no author
        ("作者：邵家明 3月5日 09:30", MetaLine(author="邵家明")),
        ("联合报／记者陈柏翰／台中即时报导", MetaLine(author="陈柏翰", source="联合报")),
        # a WeChat post's line under its headline
        (
            "原创 何晓雯 山海周刊 2024-03-05 10:21 发表于云南",
            MetaLine(date="2024-03-05 10:21", source="山海周刊", author="何晓雯"),
        ),
    ],
)
def test_meta_lines(line: str, expected: MetaLine) -> None:
    assert parse_meta_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "星海科技 2024年01月17日 16:05 记者在现场看到",  # a sentence goes on
        "2024年计划新建十座城市书房",
        "国务院关于2024年工作的安排",
        "出发第一天 2024年7月1日",  # a diary's heading, not a publisher and its date
        "公开征求意见 2023年10月8日",  # a timeline's step
        "原创 作品 展览 2024-03-05 开幕，欢迎参观",  # a sentence goes on after the date
    ],
)
def test_sentences_are_not_meta_lines(line: str) -> None:
    assert parse_meta_line(line) is None


def test_a_byline_of_several_roles_is_no_menu_but_a_toolbar_is() -> None:
    assert not is_boilerplate("本报记者 陈明  通讯员 刘欣")
    assert is_boilerplate("无障碍浏览  长者模式  English")
    assert is_boilerplate("首页  新闻  财经  体育")


def test_a_document_number_under_the_title_is_no_heading() -> None:
    text = (
        "青禾市人民政府办公室关于加快老旧小区改造的实施意见\n\n青政办发〔2024〕8号\n\n"
        "各县（区）人民政府，市政府各部门：\n\n"
        "为进一步改善居民居住条件，现就加快推进老旧小区改造工作提出如下意见。\n\n"
        "一、总体要求\n\n坚持以人民为中心的发展思想，全面推进城镇老旧小区改造。\n"
    )
    document = parse_plain_text(text).document
    assert [s.heading for s in document.sections] == [None, "一、总体要求"]
    assert document.sections[0].paragraphs[0].text == "各县（区）人民政府，市政府各部门："


def test_a_lead_opened_by_a_bracketed_taiwan_byline_names_its_reporter() -> None:
    from reader.ingest.loading import load_text

    lead = "〔記者王小明／台北報導〕連接三重與大同區的新橋今天起封閉兩週，進行伸縮縫更換工程。"
    more = "新北市交通局表示，此次工程是因為橋面伸縮縫已使用超過二十年，必須全面更換。"
    document = load_text(f"新橋封閉檢修 通勤族改道\n\n2024/03/05 10:21\n\n{lead}\n\n{more}\n")
    assert document.meta.author == "王小明"
    assert document.meta.date == "2024-03-05 10:21"


def test_a_credits_words_beside_the_names_are_no_names() -> None:
    from reader.ingest.metadata import names_in

    assert names_in("记者陈智 整合") == "陈智"
    assert names_in("记者张三 综合报道") == "张三"
    assert names_in("记者张三 报导", "記者張三 報導") == "張三"


def test_a_file_to_download_is_page_furniture_but_a_listed_attachment_is_not() -> None:
    assert is_boilerplate("附件：2024年春季种子市场检查情况汇总表.xlsx")
    assert is_boilerplate("附件1：检查名单（第二批）.pdf")
    assert not is_boilerplate("附件：1.检查名单")
    assert not is_boilerplate("附件：检查情况汇总表")


def test_names_in_a_lead_are_whole_even_when_spaced_or_joined_by_a_dot() -> None:
    from reader.ingest.metadata import lead_byline

    assert lead_byline("本报讯（记者 刘 洋 通讯员 王小明）今天上午") == "刘洋、王小明"
    assert lead_byline("本报讯（记者 阿依古丽·买买提）今天上午") == "阿依古丽·买买提"


def test_a_menu_with_a_photo_channel_is_still_a_menu() -> None:
    assert is_boilerplate("首页 | 新闻 | 摄影 | 视频 | 体育 | 财经")


def test_a_dated_dispatch_names_its_reporter() -> None:
    from reader.ingest.metadata import lead_byline

    assert lead_byline("本报南州3月4日电（记者孙海峰）松江湿地公园今天恢复开放") == "孙海峰"


@pytest.mark.parametrize(
    "line",
    [
        "—END—",
        "- END -",
        "阅读原文",
        "阅读 1.2万",
        "在看 56",
        "写留言",
        "本文刊载于《山海》第128期",
    ],
)
def test_a_posts_buttons_and_its_first_printing_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


def test_a_credit_line_of_a_post_is_no_menu() -> None:
    assert not is_boilerplate("文｜何晓雯 编辑｜邹一鸣")
    assert not is_boilerplate("阅读理解是一种能力。")


@pytest.mark.parametrize("line", ["阅读", "留言", "推荐", "喜欢"])
def test_a_buttons_word_alone_may_be_a_heading(line: str) -> None:
    assert not is_boilerplate(line)


def test_menus_with_an_authors_or_editors_column_stay_menus() -> None:
    assert is_boilerplate("首页 | 作者专栏 | 读者来信 | 往期回顾")
    assert is_boilerplate("首页 | 编辑推荐 | 热点新闻 | 图片 | 视频")


def test_an_articles_sentence_about_itself_is_not_its_first_printing() -> None:
    assert not is_boilerplate("本文选自2018年至2022年五个省份的农户调查数据")
    assert is_boilerplate("本文首发于微信公众号山海周刊")


def test_a_photographer_after_a_space_is_no_author() -> None:
    assert parse_meta_line("文／林佳颖 图／张志豪") == MetaLine(author="林佳颖")
