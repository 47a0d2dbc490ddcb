"""Structure detection as a whole: roles, metadata, boilerplate, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.structure import Role, parse_plain_text
from reader.model import Meta

from .conftest import SAMPLES

LINES = [
    "首页 > 新闻 > 本地",
    "最新信息",
    "东江日报记者 王明",
    "2023-02-17 10:06:00",
    "数字赋能",
    "老工业区跑出转型加速度",
    "一、总体要求",
    "（一）指导思想",
    "1.细目",
    "这是一个完整的句子，讲述了一件事情。",
    "他说：“我们会继续努力。”",
    "来源：东江日报",
    "免责声明：本网转载的文章仅代表作者观点。",
    "sitemap.xml",
    "短句",
    "■ 难题仍待破解",
    "本报讯（记者 张三）2月16日，一场活动在此举行。",
    "",
    "  \u3000缩进的段落也是正文，它有句号。",
    "没有标点的长句子它一直写下去写到超过三十个字的长度也没有停下来的意思",
]


def body_lines(parsed) -> list[str]:
    return [b.text for b, r in zip(parsed.blocks, parsed.roles, strict=True) if r is Role.BODY]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=30))
def test_every_body_character_lands_in_exactly_one_paragraph(lines: list[str]) -> None:
    parsed = parse_plain_text("\n".join(lines))
    paragraphs = [p.text for _, _, p in parsed.document.paragraphs()]
    assert paragraphs == body_lines(parsed)
    headings = [s.heading for s in parsed.document.sections if s.heading]
    assert headings == [
        b.text for b, r in zip(parsed.blocks, parsed.roles, strict=True) if r is Role.HEADING
    ]
    # Every non-blank input character is accounted for by exactly one role.
    visible = "".join("".join(line.split()) for line in lines)
    accounted = "".join("".join(b.text.split()) for b in parsed.blocks)
    assert accounted == visible


def test_sample_body_keeps_all_article_lines() -> None:
    text = (SAMPLES / "01_news_scraped.txt").read_text(encoding="utf-8")
    parsed = parse_plain_text(text)
    paragraphs = [p.text for _, _, p in parsed.document.paragraphs()]
    article_lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip().rstrip("”」")[-1:] in ("。", "！", "？") and not line.startswith("免责声明")
    ]
    assert len(article_lines) == 12
    assert paragraphs == article_lines


def test_metadata_lines_fill_meta_and_leave_the_body() -> None:
    text = (
        "标题在这里\n2023年2月17日 10:06 来源：东江日报\n作者：王明\n\n"
        "正文的第一段写在这里，它是一句完整的话。\n责任编辑：李四\n"
    )
    parsed = parse_plain_text(text)
    meta = parsed.document.meta
    assert (meta.date, meta.source, meta.author) == ("2023-02-17 10:06", "东江日报", "王明")
    assert [p.text for _, _, p in parsed.document.paragraphs()] == [
        "正文的第一段写在这里，它是一句完整的话。"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "时间：2023年2月17日 10:06  浏览：  35",
        "发布日期：2023-02-17 10:06 阅读量：1024 字号：大 中 小",
        "最新更新：2023/02/17 10:06",
    ],
)
def test_a_date_line_with_view_counters_is_metadata(line: str) -> None:
    text = f"标题在这里\n{line}\n\n正文的第一段写在这里，它是一句完整的话。\n"
    doc = parse_plain_text(text).document
    assert doc.meta.date == "2023-02-17 10:06"
    assert [p.text for _, _, p in doc.paragraphs()] == ["正文的第一段写在这里，它是一句完整的话。"]


def test_the_author_is_the_writer_not_who_produced_the_piece() -> None:
    text = (
        "标题在这里\n出品︱青禾科学栏目组 胖胖\n作者︱春春\n\n"
        "正文的第一段写在这里，它是一句完整的话。\n"
    )
    doc = parse_plain_text(text).document
    assert doc.meta.author == "春春"
    assert [p.text for _, _, p in doc.paragraphs()] == ["正文的第一段写在这里，它是一句完整的话。"]


def test_an_official_documents_note_under_its_title_dates_it() -> None:
    text = (
        "青禾市养犬管理条例\n\n（2019年4月26日青禾市第十五届人民代表大会常务委员会第二十次会议通过"
        "　2022年6月1日修正）\n\n第一条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。\n"
    )
    doc = parse_plain_text(text).document
    assert doc.meta.date == "2019-04-26"
    assert [p.text[:3] for _, _, p in doc.paragraphs()] == ["第一条"]
    page_dated = parse_plain_text(
        text, meta=Meta(date="2023-10-23", source="青禾市政府网")
    ).document
    assert page_dated.meta.date == "2019-04-26"  # the document's day, not the page's


def test_a_sentence_that_mentions_a_date_stays_in_the_body() -> None:
    text = "标题\n\n2023年2月17日，东江日报报道了一件事情，引起了广泛关注。\n"
    doc = parse_plain_text(text).document
    assert doc.meta.date is None
    assert doc.sections[0].paragraphs[0].text.startswith("2023年2月17日")


def test_lead_byline_gives_the_author_and_keeps_the_lead() -> None:
    text = "标题\n\n本报讯（记者 张三 通讯员 李四）2月16日，一场活动在此举行。\n"
    doc = parse_plain_text(text).document
    assert doc.meta.author == "张三、李四"
    assert doc.sections[0].paragraphs[0].text.startswith("本报讯")


def test_text_without_a_title_line_has_no_title() -> None:
    text = "这是一段很长的正文，它从第一行就开始了，没有标题，也不应该被当作标题。\n第二段。\n"
    doc = parse_plain_text(text).document
    assert doc.title is None
    assert len(list(doc.paragraphs())) == 2


def test_crlf_and_full_width_indent() -> None:
    text = "标题\r\n\r\n\u3000\u3000第一段正文，有标点。\r\n\u3000\u3000第二段正文。\r\n"
    doc = parse_plain_text(text.replace("\r\n", "\n")).document
    assert [p.text for _, _, p in doc.paragraphs()] == ["第一段正文，有标点。", "第二段正文。"]
    assert "，" in doc.sections[0].paragraphs[0].text  # not NFKC-folded to ','


EXPLAINER = """快递进村调查

去年以来，青禾县快递进村的速度明显加快。

快递进村难在哪？

村子分散，单件成本高，企业不愿意来。过去一个包裹要在镇上放好几天。

怎样把成本降下来？

县里牵头成立共同配送中心，几家企业合并配送，成本降了一半。
"""


def test_short_questions_standing_alone_are_headings_when_there_are_several() -> None:
    from reader.ingest.loading import load_text

    doc = load_text(EXPLAINER)
    assert [s.heading for s in doc.sections] == [None, "快递进村难在哪？", "怎样把成本降下来？"]


def test_a_lone_question_in_prose_stays_prose() -> None:
    from reader.ingest.loading import load_text

    essay = "小巷\n\n那天下午，我们在巷口等了很久，雨一直没有停。\n\n你还记得吗？\n\n后来我们搬走了，巷子也拆了。\n"
    doc = load_text(essay)
    assert [s.heading for s in doc.sections] == [None]
    assert [p.text for p in doc.sections[0].paragraphs][1] == "你还记得吗？"
    # a question with a clause in it, or in quotation marks, is never a heading
    from reader.ingest.headings import question_shaped

    assert not question_shaped("他问，你还记得吗？")
    assert not question_shaped("“你还记得吗？”")
    assert question_shaped("下一步怎么办？")


ENCYCLOPEDIA = """青禾湖

青禾湖是青禾市西郊的一座淡水湖，面积约十二平方公里，是城市的重要水源地之一。

1 名称
湖名取自湖畔的青禾村，村民世代在湖边种稻，清代地方志中已有记载。

2 生态
湖水常年清澈，近年监测到的水生生物种类逐年增多，引来不少观鸟的市民。

湖区的生物可分水生植物和鸟类两大类
* 水生植物：包括芦苇、菱角、荷花等，夏季覆盖湖面的三成以上。
* 鸟类：包括白鹭、苍鹭和多种野鸭，冬季有候鸟停留。

3 保护
湖区的保护分两个层级。

一级保护区
* 禁止游泳、垂钓和放生。

二级保护区
* 沿岸禁止新建工厂。
"""


def test_a_list_lead_in_without_a_full_stop_is_no_heading_where_sections_are_numbered() -> None:
    from reader.ingest.loading import load_text

    sections = load_text(ENCYCLOPEDIA).sections
    headings = [s.heading for s in sections if s.heading]
    assert headings == ["1 名称", "2 生态", "3 保护", "一级保护区", "二级保护区"]
    assert not any(s.subtitle for s in sections)  # a short subhead on a list stays one


def test_an_unnumbered_subhead_on_a_list_stays_where_sections_are_not_numbered() -> None:
    from reader.ingest.loading import load_text

    text = (
        "青禾湖治理见成效\n\n"
        "青禾市今年投入专项资金治理青禾湖，湖水透明度比去年提高了一倍，市民反响很好。\n\n"
        "主要措施\n"
        "* 截断沿岸排污口，污水全部进入管网。\n"
        "* 种植水生植物，恢复湖岸生态。\n\n"
        "下一步安排\n"
        "市水务局表示，明年将继续监测水质，并公布每月的监测结果，接受市民监督。\n"
    )
    headings = [s.heading for s in load_text(text).sections if s.heading]
    assert headings == ["主要措施", "下一步安排"]


LEAD_LINES = (
    "为保障春耕生产用种安全，市农业农村局组织执法人员对全市种子经营门店开展专项检查。\n\n"
    "检查中发现，有五家门店经营档案记录不完整，执法人员当场下达整改通知书，限期整改。\n"
)


def test_a_sites_name_or_a_channels_label_above_the_headline_is_not_the_title() -> None:
    pages = {
        "青禾市人民政府门户网站": "信息来源：市农业农村局  发布日期：2024-03-12",
        "港聞": "發佈時間：2024年3月5日 10:21\n最後更新：2024年3月5日 12:40",
        "青禾社 QHN\n\n政治\n\n地方": "2024/03/05 18:30",
    }
    for above, meta in pages.items():
        text = f"{above}\n\n市农业农村局开展种子质量专项检查\n\n{meta}\n\n{LEAD_LINES}"
        document = parse_plain_text(text).document
        assert document.title == "市农业农村局开展种子质量专项检查", above
        assert [s.heading for s in document.sections] == [None], above
        first = document.sections[0].paragraphs[0].text
        assert first.startswith("为保障春耕生产用种安全"), above
        assert document.meta.date is not None and document.meta.date.startswith("2024-03"), above


def test_a_kicker_above_the_headline_is_kept() -> None:
    """引题: a line of its own words above the headline, not a site's name."""
    text = (
        "坚持创新驱动 推动种业振兴\n\n市农业农村局开展种子质量专项检查\n\n"
        f"发布日期：2024-03-12\n\n{LEAD_LINES}"
    )
    document = parse_plain_text(text).document
    shown = [document.title, *(s.heading for s in document.sections)]
    assert "坚持创新驱动 推动种业振兴" in shown


def test_wiki_markup_headings_give_their_levels_and_its_lists_are_no_headings() -> None:
    from reader.ingest.loading import detect_format, load_text

    text = (
        "白鹭湖\n\n白鹭湖是临江市西郊的一座淡水湖泊，是全市重要的饮用水源地。\n\n"
        "== 地理 ==\n\n白鹭湖由古河道淤积废弃后形成。\n\n=== 气候 ===\n\n湖区四季分明。\n\n"
        "== 参考资料 ==\n\n# 临江市水利局. 白鹭湖综合治理规划. 2010.\n"
        "# 王建华. 湖泊湿地鸟类调查报告. 2018.\n"
    )
    assert detect_format("lake.txt", text) == "text"
    document = load_text(text)
    assert [(s.level, s.heading) for s in document.sections] == [
        (1, None),
        (1, "地理"),
        (2, "气候"),
        (1, "参考资料"),
    ]
    references = [p.text for p in document.sections[-1].paragraphs]
    assert references[0].startswith("# 临江市水利局")
    assert detect_format("notes.txt", "# 标题\n\n正文。\n") == "markdown"


@pytest.mark.parametrize(
    "top, title",
    [
        ("冬至\n北方吃饺子，南方吃汤圆", "冬至"),  # a short title over its subtitle
        ("乡愁\n——写给远方的母亲", "乡愁"),
        ("聚焦两会\n代表委员热议乡村振兴", "聚焦两会"),  # a kicker stays where it was
        ("走进互联网\n人工智能走进千家万户", "走进互联网"),
    ],
)
def test_a_short_title_or_a_kicker_above_the_date_line_is_no_label(top: str, title: str) -> None:
    text = f"{top}\n2023-12-22 来源：东湖日报\n\n{LEAD_LINES}"
    assert parse_plain_text(text).document.title == title


@pytest.mark.parametrize(
    "top",
    [
        "江城日报\n市农业农村局开展种子质量专项检查",  # the paper's name, the headline, the lead
        "江城日报\n2024-03-05 10:21 来源：江城日报\n市农业农村局开展种子质量专项检查",
    ],
)
def test_a_papers_name_over_a_headline_and_its_lead(top: str) -> None:
    document = parse_plain_text(f"{top}\n{LEAD_LINES}").document
    assert document.title == "市农业农村局开展种子质量专项检查"
    assert [s.heading for s in document.sections] == [None]


OFFICIAL = (
    "青禾市人民政府办公室关于印发青禾市促进夜间经济发展若干措施的通知\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "《青禾市促进夜间经济发展若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
    "本措施自印发之日起施行，有效期三年。\n"
    "附件：1. 青禾市夜间特色街区评定标准\n2. 2024年夜间经济重点项目清单\n"
    "抄送：市委各部门，市人大常委会办公室，市政协办公室。\n"
    "青禾市人民政府办公室　　　　2024年3月1日印发\n"
)


def test_an_official_documents_red_header_tail_and_attachments() -> None:
    document = parse_plain_text("青禾市人民政府办公室文件\n" + OFFICIAL).document
    assert document.title == "青禾市人民政府办公室关于印发青禾市促进夜间经济发展若干措施的通知"
    assert [s.heading for s in document.sections] == [None]  # the attachments are a list
    texts = [p.text for _, _, p in document.paragraphs()]
    assert texts[0] == "各县（市、区）人民政府，市政府各部门："
    assert not any(t.startswith(("抄送", "青禾市人民政府办公室　")) for t in texts)
    assert document.meta.date == "2024-03-01"


def test_a_copy_line_is_metadata_only_where_an_official_document_closes() -> None:
    novel = (
        "第三章 一份抄送\n\n老周把那份通知又看了一遍，最后一行写着：\n\n"
        "抄送：各科室负责人。\n\n他叹了口气，把通知折好放进抽屉，起身去开会了。\n"
    )
    texts = [p.text for _, _, p in parse_plain_text(novel).document.paragraphs()]
    assert "抄送：各科室负责人。" in texts


@pytest.mark.parametrize(
    "top, title",
    [
        ("走进县电视台\n凌晨四点的新闻中心", "走进县电视台"),  # about a station, not its name
        ("生活\n一个人的晚餐", "生活"),  # a channel word with no date line under the headline
        ("高校档案馆如何接收电子文件\n关于归档流程的几点思考", "高校档案馆如何接收电子文件"),
    ],
)
def test_a_real_title_that_looks_like_a_label_or_a_red_header_stays(top: str, title: str) -> None:
    assert parse_plain_text(f"{top}\n{LEAD_LINES}").document.title == title
