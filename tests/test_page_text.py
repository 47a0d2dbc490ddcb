"""Pages saved as text, text without line breaks, and headings real documents use.

All text here is written for these tests; the real documents are measured by
tests/test_realworld.py and benchmarks/realworld.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.loading import load_path, load_text, parse_text
from reader.ingest.metadata import bare_names
from reader.ingest.page_region import split_page_title, strip_site_furniture
from reader.ingest.structure import Role
from reader.model import Document

BODY = [
    "青禾市今年一季度新增城市绿道四十二公里，沿河步道全线贯通，市民散步的去处多了不少。",
    "市园林局介绍，新建绿道多利用废弃铁路和河岸空地，尽量少占耕地，也少砍树木，工期比预计短。",
    "家住河西区的退休教师周女士每天傍晚都沿着步道走上一圈，她说以前这里堆满建筑垃圾，现在成了好去处。",
    "园林局表示，下一步将在绿道沿线增设饮水点和公共厕所，并请沿线社区的志愿者参与日常维护。",
]


def scraped_page(title: str) -> str:
    """A news page as select-all and copy gives it: menus, the article, lists, footer."""
    menu = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "教育", "旅游", "视频"]
    related = [
        "城东菜市场完成改造，摊位统一换上新招牌",
        "暴雨过后，这条老街为何没有积水？",
        "青禾地铁三号线开通一周年，客流超过预期",
        "小区加装电梯，一楼住户该不该出钱？",
    ]
    return "\n\n".join(
        [
            f"{title}_本地新闻_青禾在线",
            *menu,
            "登录 | 注册",
            "首页 > 本地新闻 > 正文",
            title,
            "2024-03-05 10:20:11 青禾晚报",
            "分享到：",
            "微信",
            "微博",
            *BODY,
            "【责任编辑：陈立】",
            "相关新闻",
            *related,
            "热门排行",
            *related,
            "关于我们 | 联系我们 | 网站地图",
            "Copyright © 2024 青禾在线 版权所有",
        ]
    )


def body_text(doc: Document) -> str:
    parts = [s.heading or "" for s in doc.sections]
    parts += [p.text for _, _, p in doc.paragraphs()]
    return "\n".join(parts)


def test_scraped_page_gives_the_article_its_headline_and_metadata() -> None:
    title = "青禾一季度新增绿道四十二公里"
    doc = load_text(scraped_page(title))
    assert doc.title == title
    assert (doc.meta.date, doc.meta.source) == ("2024-03-05 10:20:11", "青禾晚报")
    assert [p.text for _, _, p in doc.paragraphs()] == BODY
    assert [s.heading for s in doc.sections] == [None]
    text = body_text(doc)
    for junk in ("首页", "登录", "分享", "相关新闻", "菜市场", "版权所有", "责任编辑"):
        assert junk not in text


def test_scraped_page_in_traditional_script_gets_the_same_outline() -> None:
    import opencc

    title = "青禾一季度新增綠道四十二公里"
    page = opencc.OpenCC("s2twp").convert(scraped_page("青禾一季度新增绿道四十二公里"))
    doc = load_text(page)
    assert doc.title == title
    assert doc.meta.date == "2024-03-05 10:20:11"
    assert len(list(doc.paragraphs())) == len(BODY)


def test_a_page_without_a_source_line_is_published_by_the_site_its_title_line_names() -> None:
    title = "青禾一季度新增绿道四十二公里"
    page = scraped_page(title).replace(" 青禾晚报", "")  # the date line names no source
    assert load_text(page).meta.source == "青禾在线"
    # in traditional script, with the channel and site after bars and the site's address
    page = page.replace(f"{title}_本地新闻_青禾在线", f"{title}｜本地｜青禾新聞網 QINGHE.COM")
    assert load_text(page).meta.source == "青禾新聞網"
    # the article's own source line names it better than the site it stands on
    assert load_text(scraped_page(title)).meta.source == "青禾晚报"


@pytest.mark.parametrize(
    "closing, author",
    [
        ("（周明远／青禾报导）", "周明远"),
        ("（記者周明遠、林雅文／青禾綜合報導）", "周明遠、林雅文"),
        ("（据新华社／北京报道）", None),  # a source cited, not a reporter's credit
        ("（中新网／青禾报道）", None),  # a news site, not a person
        ("（路透／伦敦报道）", None),  # an agency
    ],
)
def test_a_reporters_credit_in_the_text_names_the_author(closing: str, author: str | None) -> None:
    body = [*BODY[:3], BODY[3] + closing + "青禾在线关心你"]
    doc = load_text("\n\n".join(["青禾一季度新增绿道四十二公里", *body]))
    assert doc.meta.author == author


@pytest.mark.parametrize(
    "closing, author",
    [
        ("（张巨峰）", "张巨峰"),
        ("（记者 周明远 林雅文）", "周明远 林雅文"),
        ("（评论员 萧明远 罗文）", "萧明远 罗文"),
        ("（编译/林雅文）", "林雅文"),
        ("（完）", None),
        ("（待续）", None),
        ("（新华社）", None),
        # places, agencies, sums and days that open with a surname's character
        *[
            (f"（{x}）", None)
            for x in ("路透", "路透社", "江苏", "石家庄", "于北京", "万元", "周一", "白宫")
        ],
    ],
)
def test_names_after_the_last_sentence_sign_the_article(closing: str, author: str | None) -> None:
    doc = load_text("\n\n".join(["青禾一季度新增绿道四十二公里", *BODY[:-1], BODY[-1] + closing]))
    assert doc.meta.author == author
    assert list(doc.paragraphs())[-1][2].text.endswith(closing)  # the text keeps them


def test_the_signature_may_stand_before_a_pages_last_lines() -> None:
    doc = load_text(
        "\n\n".join(["青禾一季度新增绿道四十二公里", *BODY[:-1], BODY[-1] + "（张巨峰）", "+1"])
    )
    assert doc.meta.author == "张巨峰"


def test_a_dated_lead_names_its_reporter() -> None:
    lead = "青禾网3月5日讯（记者周明远）" + BODY[0]
    assert (
        load_text("\n\n".join(["青禾一季度新增绿道四十二公里", lead, *BODY[1:]])).meta.author
        == "周明远"
    )


def test_an_article_opening_with_quoted_speech_keeps_it() -> None:
    dialogue = [
        "“爷爷，绿道修到哪儿了？”",
        "“修到河对岸啦，明天带你去走走。”",
        "“那我们能骑车去吗？",
        "“能啊，园林局说沿河的步道全线贯通了，骑车、散步都方便，周末我们一早就出发。”",
    ]
    page = scraped_page("青禾一季度新增绿道四十二公里").replace(
        BODY[0], "\n\n".join([*dialogue, BODY[0]])
    )
    doc = load_text(page)
    assert [p.text for _, _, p in doc.paragraphs()] == [*dialogue, *BODY]
    assert "分享到" not in body_text(doc)


@pytest.mark.parametrize(
    "notices",
    [["“热线电话：12345，欢迎来电！”", "“本站所有文章均为原创！”"], ["“青禾在线，与你同行！”"]],
)
def test_a_quoted_notice_above_the_article_stays_out(notices: list[str]) -> None:
    title = "青禾一季度新增绿道四十二公里"
    page = scraped_page(title).replace("分享到：", "\n\n".join(["分享到：", *notices]))
    doc = load_text(page)
    assert doc.title == title
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_headline_set_over_two_lines_is_the_title_not_a_heading() -> None:
    title = "青禾市人民代表大会常务委员会关于绿道建设的决定"
    page = scraped_page(title).replace(
        f"\n\n{title}\n\n", "\n\n青禾市人民代表大会常务委员会\n\n关于绿道建设的决定\n\n"
    )
    doc = load_text(page)
    assert doc.title == title
    assert [s.heading for s in doc.sections] == [None]
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_clean_article_with_many_headings_is_not_taken_for_a_page() -> None:
    lines = ["社区养老服务调查", ""]
    for n in range(1, 9):
        lines += [f"{n} 第{n}个方面", "", BODY[n % 4], ""]
    doc = load_text("\n".join(lines))
    assert doc.title == "社区养老服务调查"
    assert len(doc.sections) == 8
    assert len(list(doc.paragraphs())) == 8


@pytest.mark.parametrize(
    "page_title, headline, site",
    [
        ("绿道贯通了_本地新闻_青禾在线", "绿道贯通了", "青禾在线"),
        ("绿道贯通了-青禾网", "绿道贯通了", "青禾网"),
        ("綠道貫通了 | 社會 | 青禾新聞網", "綠道貫通了", "青禾新聞網"),
        ("我的旅行日记 @ 小周的家_阳光 :: 某某部落格 ::", "我的旅行日记", None),
        ("新冠疫苗COVID-19接种指南", "新冠疫苗COVID-19接种指南", None),
        ("绿道贯通了 -", "绿道贯通了", None),
        ("A-B测试怎么做", "A-B测试怎么做", None),
    ],
)
def test_site_furniture_is_taken_off_page_titles(
    page_title: str, headline: str, site: str | None
) -> None:
    assert strip_site_furniture(page_title) == headline
    if site is not None:
        assert split_page_title(page_title)[1][-1] == site


def test_decimal_headings_nest_by_their_depth() -> None:
    text = "\n".join(
        [
            "茶叶",
            "",
            BODY[0],
            "",
            "1 历史",
            "",
            "1.1 起源",
            "",
            BODY[1],
            "",
            "1.2 传播",
            "",
            BODY[2],
            "",
            "2 种类",
            "",
            BODY[3],
            "",
        ]
    )
    doc = load_text(text)
    assert [(s.heading, s.level) for s in doc.sections if s.heading] == [
        ("1 历史", 1),
        ("1.1 起源", 2),
        ("1.2 传播", 2),
        ("2 种类", 1),
    ]


def test_run_in_headings_of_an_official_document() -> None:
    text = "\n".join(
        [
            "关于推进绿道建设的实施意见",
            "一、总体要求",
            "（一）指导思想。坚持生态优先，统筹城乡绿道布局，让群众就近享受绿色空间。",
            "（二）基本原则。因地制宜，少占耕地，充分利用河岸、废弃铁路等现有空间。",
            "二、主要任务",
            "（一）完善网络。到年底前新建绿道一百公里，实现主要河流沿岸全线贯通。",
        ]
    )
    doc = load_text(text)
    assert [(s.heading, s.level) for s in doc.sections] == [
        ("一、总体要求", 1),
        ("（一）指导思想", 2),
        ("（二）基本原则", 2),
        ("二、主要任务", 1),
        ("（一）完善网络", 2),
    ]
    assert doc.sections[1].paragraphs[0].text.startswith("坚持生态优先")


def test_a_lone_numbered_sentence_is_not_cut() -> None:
    text = "绿道通知\n1.市民注意。绿道夜间十点以后关闭照明，请大家合理安排出行时间。\n后面还有正文，讲的是开放时间。"
    doc = load_text(text)
    assert not any(s.heading for s in doc.sections)


def test_two_line_title_keeps_its_second_line() -> None:
    text = "\n".join(["在青禾如何找到一条适合跑步的绿道——", "一位跑友的三年记录", "", *BODY])
    doc = load_text(text)
    assert doc.title == "在青禾如何找到一条适合跑步的绿道——"
    assert doc.subtitle == "一位跑友的三年记录"


def test_a_heading_may_open_with_a_quoted_name() -> None:
    text = "\n".join(
        ["绿道周报", "", BODY[0], "", "“河岸行动”搭起新平台", "", BODY[1], "", BODY[2]]
    )
    doc = load_text(text)
    assert [s.heading for s in doc.sections if s.heading] == ["“河岸行动”搭起新平台"]


def unbroken_article() -> str:
    """About 4,000 characters on one line, with numbered headings glued in."""
    parts = ["青禾绿道「青禾绿道」是青禾市沿河修建的慢行步道网络。"]
    for n, name in enumerate(["历史", "线路", "管理"], start=1):
        parts.append(f"{n} {name}")
        parts.extend(BODY * 4)
    return "".join(parts)


def test_unbroken_text_gets_paragraphs_headings_and_title() -> None:
    text = unbroken_article()
    assert "\n" not in text and len(text) > 2000
    doc = load_text(text)
    assert doc.title == "青禾绿道"
    assert [s.heading for s in doc.sections if s.heading] == ["1 历史", "2 线路", "3 管理"]
    paragraphs = [p.text for _, _, p in doc.paragraphs()]
    assert len(paragraphs) >= 9  # ~2,200 characters of prose in paragraphs of ~220
    assert all(len(p) < 400 for p in paragraphs)
    # nothing lost: every sentence is still there, in order
    assert "".join(p.text for _, _, p in doc.paragraphs()).count(BODY[3]) == 12


def test_untitled_text_is_called_by_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "green_ways.txt"
    path.write_text("".join(BODY * 10), encoding="utf-8")
    doc = load_path(path)
    assert doc.title == "green ways" and doc.title_from_name
    renamed = tmp_path / "other.txt"
    renamed.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_path(renamed).identity() == doc.identity()


def test_a_line_of_dashes_before_words_does_not_swallow_the_rest_of_markdown() -> None:
    syllables = " ".join(["-"] * 24) + " 起 来 不 愿 做 奴 隶 的 人 们"
    text = "\n\n".join(
        ["# 一首歌", BODY[0], "## 1 旋律", syllables, "## 2 歌词", BODY[1], "## 3 影响", BODY[2]]
    )
    doc = load_text(text, "song.md")
    assert [s.heading for s in doc.sections if s.heading] == ["1 旋律", "2 歌词", "3 影响"]
    assert BODY[2] in [p.text for _, _, p in doc.paragraphs()]


def test_glued_editor_note_leaves_the_unbroken_text() -> None:
    text = "".join(BODY * 6) + "（责任编辑：陈立）"
    doc = load_text(text)
    assert "责任编辑" not in "".join(p.text for _, _, p in doc.paragraphs())


def test_comments_after_the_article_are_not_the_article() -> None:
    comments = [
        "这条绿道我周末去走过，确实比以前好多了，就是停车位太少，希望有关部门能想想办法。",
        "沿河那一段晚上灯光太暗，一个人走有点害怕，建议多装几盏路灯，再安排人巡逻一下。",
        "支持！我们小区门口那段去年还是垃圾堆，现在每天都有人跑步遛狗，变化真的很大。",
        "希望别只顾着修新的，老绿道的座椅坏了好久也没人修，维护比建设更重要，大家说对吧。",
    ]
    page = scraped_page("青禾一季度新增绿道四十二公里").replace(
        "相关新闻", "\n\n".join(["网友评论", *comments, "相关新闻"])
    )
    doc = load_text(page)
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_most_read_box_above_the_article_does_not_cut_it() -> None:
    ticker = "今日要闻：青禾地铁三号线客流创新高，城东菜市场改造完成。"
    page = scraped_page("青禾一季度新增绿道四十二公里").replace(
        "登录 | 注册", "\n\n".join(["登录 | 注册", ticker, "热门新闻"])
    )
    doc = load_text(page)
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_text_of_one_short_line_is_its_own_body() -> None:
    post = "今天和朋友去河边的新绿道散步，樱花都开了！"
    doc = load_text(post)
    assert doc.title is None
    assert [p.text for _, _, p in doc.paragraphs()] == [post]


def test_the_headline_is_the_line_above_the_date_nearest_the_article() -> None:
    title = "青禾一季度新增绿道四十二公里"
    page = scraped_page(title).split("\n\n")
    page[0] = "青禾在线"  # no page-title line to name the headline
    top = ["公告", "2024-01-02 09:00", *page[1:6]]  # a date of something else near the top
    doc = load_text("\n\n".join([page[0], *top, *page[6:]]))
    assert doc.title == title


@pytest.mark.parametrize(
    "line, furniture",
    [
        (
            "本网站使用相关技术提供更好的阅读体验，同时尊重您的隐私，关闭此视窗即代表您同意上述规范。",
            True,
        ),
        ("我们使用Cookie改善您的浏览体验，继续浏览即表示您同意我们的隐私政策。", True),
        (
            "本網站使用相關技術提供更好的閱讀體驗，同時尊重您的隱私，關閉此視窗即代表您同意上述規範。",
            True,
        ),
        # an article reporting on privacy, and somebody quoted in one
        ("专家提醒，消费者在注册网站时应仔细阅读隐私政策，不要轻易同意授权。", False),
        ("他说：“我们不会在用户不同意时收集浏览数据和隐私，网站已发布声明。”", False),
    ],
)
def test_a_sites_cookie_and_privacy_notice_is_furniture(line: str, furniture: bool) -> None:
    doc = load_text("\n\n".join(["青禾一季度新增绿道四十二公里", *BODY[:2], line, *BODY[2:]]))
    assert (line in [p.text for _, _, p in doc.paragraphs()]) is not furniture


def page_with_head(head: list[str], body: list[str] = BODY) -> str:
    """``scraped_page`` with its article's head (the lines under the headline) replaced."""
    page = scraped_page("青禾一季度新增绿道四十二公里")
    return page.replace("2024-03-05 10:20:11 青禾晚报", "\n\n".join(head)).replace(
        "\n\n".join(BODY), "\n\n".join(body)
    )


@pytest.mark.parametrize(
    "head",
    [
        ["2024-03-05 10:20:11 青禾晚报", "周明远"],
        ["周明远", "2024-03-05 10:20:11 青禾晚报"],
        ["2024-03-05 10:20:11", "青禾", "周明远"],  # the source's bare name between
    ],
)
def test_a_name_alone_beside_the_date_line_of_a_page_is_its_byline(head: list[str]) -> None:
    doc = load_text(page_with_head(head))
    assert doc.meta.author == "周明远"
    assert "周明远" not in body_text(doc)
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_bare_byline_keeps_the_script_of_the_page() -> None:
    import opencc

    page = opencc.OpenCC("s2twp").convert(page_with_head(["2024-03-05 10:20:11", "青禾", "谢明远"]))
    assert load_text(page).meta.author == "謝明遠"


@pytest.mark.parametrize(
    "head, body",
    [
        # not beside the date line: the share buttons stand between
        (["2024-03-05 10:20:11 青禾晚报", "分享到：", "周明远"], BODY),
        # two characters: as often a place or a word as a name
        (["2024-03-05 10:20:11 青禾晚报", "周明"], BODY),
        # places and agencies that open with a surname's character
        (["2024-03-05 10:20:11 青禾晚报", "石家庄"], BODY),
        (["2024-03-05 10:20:11 青禾晚报", "路透社"], BODY),
        # a name alone inside the article (a caption under a photo) is no byline
        (["2024-03-05 10:20:11 青禾晚报"], [BODY[0], "周明远", *BODY[1:]]),
    ],
)
def test_a_name_alone_elsewhere_is_not_a_byline(head: list[str], body: list[str]) -> None:
    assert load_text(page_with_head(head, body)).meta.author is None


def test_a_name_beside_the_date_of_a_plain_text_is_its_byline_not_a_heading() -> None:
    lines = ["青禾一季度新增绿道四十二公里", "2024年3月5日 来源：青禾晚报", "林雅文", *BODY]
    text = "\n\n".join(lines)
    doc = load_text(text)
    assert (doc.title, doc.meta.author) == ("青禾一季度新增绿道四十二公里", "林雅文")
    assert [s.heading for s in doc.sections] == [None]
    assert [p.text for _, _, p in doc.paragraphs()] == BODY


def test_a_stated_byline_beats_a_bare_name() -> None:
    lead = "青禾网3月5日讯（记者周明远）" + BODY[0]
    text = "\n\n".join(["青禾一季度新增绿道四十二公里", "2024年3月5日", "林雅文", lead, *BODY[1:]])
    assert load_text(text).meta.author == "周明远"


def test_a_list_of_names_in_a_plain_text_stays_its_text() -> None:
    # dated minutes listing who came: the names are the text, not its byline
    for names in (["出席：", "周明远", "林雅文"], ["周明远", "林雅文"]):
        parsed = parse_text("\n\n".join(["会议纪要", "2024年3月5日", *names, *BODY]))
        assert parsed.document.meta.author is None
        roles = {b.text: r for b, r in zip(parsed.blocks, parsed.roles, strict=True)}
        assert roles["周明远"] is not Role.META and roles["林雅文"] is not Role.META


@pytest.mark.parametrize(
    "line, names",
    [
        ("周明远", "周明远"),
        ("周明远 林雅文", "周明远 林雅文"),
        ("周明", None),  # two characters
        ("石家庄", None),
        ("江苏省", None),
        ("新华社", None),
        ("周明远摄", None),
        ("Facebook", None),
        ("记者周明远", None),  # a role: parse_meta_line's business
        # words that open with a surname's character, as channel tags under a date
        ("高铁站", None),
        ("金融业", None),
        ("周末版", None),
        ("韩国队", None),
        ("方便面", None),
        ("关于我", None),
    ],
)
def test_bare_names_are_names_of_people_and_nothing_else(line: str, names: str | None) -> None:
    assert bare_names(line) == names


def test_a_channel_tag_beside_the_date_stays_a_heading_and_names_no_author() -> None:
    parsed = parse_text(
        "\n\n".join(["城东绿道开通", "2024年3月5日 来源：青禾晚报", "金融业", *BODY])
    )
    assert parsed.document.meta.author is None


def test_the_leads_dateline_may_follow_a_photos_caption() -> None:
    caption = "图为青禾市新建的沿河绿道，不少市民在傍晚前来散步。"
    lead = "青禾网3月5日讯（记者周明远）" + BODY[0]
    doc = load_text("\n\n".join(["青禾一季度新增绿道四十二公里", caption, lead, *BODY[1:]]))
    assert doc.meta.author == "周明远"
    # deep in the text, a dateline is a report quoted, not the article's own
    late = "\n\n".join(["青禾一季度新增绿道四十二公里", *BODY, caption, lead])
    assert load_text(late).meta.author is None


def test_a_text_titled_with_a_name_keeps_its_title() -> None:
    # a biography: the name above the date line is the title, not a byline
    doc = load_text("\n\n".join(["周明远", "2024年3月5日", *BODY]))
    assert (doc.title, doc.meta.author) == ("周明远", None)
    html = "# 周明远\n\n2024年3月5日\n\n" + "\n\n".join(BODY)
    doc = load_text(html, "a.md")
    assert doc.meta.author is None


@pytest.mark.parametrize(
    "credit, author",
    [
        ("周明遠／青禾報導", "周明遠"),
        ("周明远、林雅文/青禾综合报导", "周明远、林雅文"),
        ("中新网／青禾报道", None),  # a news site
        ("路透／伦敦报道", None),  # an agency
        ("周明／青禾报导", None),  # two characters: not surely a name without a role
    ],
)
def test_a_credit_line_without_a_role_names_the_reporter(credit: str, author: str | None) -> None:
    doc = load_text(page_with_head(["2024-03-05 10:20:11 青禾晚报", credit]))
    assert doc.meta.author == author
    assert [p.text for _, _, p in doc.paragraphs()] == BODY
