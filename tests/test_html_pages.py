"""HTML pages as sites serve them: furniture in the title, odd metadata, headings
set as bold paragraphs or numbered lines, broken markup, wrong charsets."""

from __future__ import annotations

import pytest

from reader.errors import ArticleError
from reader.ingest.html_page import author_name, extraction_fields, publisher
from reader.ingest.loading import load_bytes, load_text
from reader.ingest.page_recovery import page_credits

PARAGRAPHS = [
    "青禾市今年一季度新增城市绿道四十二公里，沿河步道全线贯通，市民散步的去处多了不少。",
    "市园林局介绍，新建绿道多利用废弃铁路和河岸空地，尽量少占耕地，也少砍树木，工期比预计短。",
    "家住河西区的退休教师周女士每天傍晚都沿着步道走上一圈，她说以前这里堆满建筑垃圾。",
    "园林局表示，下一步将在绿道沿线增设饮水点和公共厕所，并请沿线社区的志愿者参与日常维护。",
]


def page(title: str, body: str, head_extra: str = "", charset: str = "utf-8") -> str:
    nav = "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ["首页", "新闻", "财经", "体育"])
    return (
        f"<!doctype html><html><head><meta charset='{charset}'><title>{title}</title>"
        f"{head_extra}</head><body><ul class='nav'>{nav}</ul>"
        f"<div class='article'>{body}</div>"
        "<div class='footer'>Copyright © 2024 青禾在线 版权所有</div></body></html>"
    )


def paragraphs_html(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_title_loses_the_site_and_the_site_is_the_source() -> None:
    html = page(
        "绿道全线贯通_本地新闻_青禾在线", "<h1>绿道全线贯通</h1>" + paragraphs_html(PARAGRAPHS)
    )
    doc = load_text(html, "a.html")
    assert doc.title == "绿道全线贯通"
    assert doc.meta.source == "青禾在线"
    assert [s.heading for s in doc.sections] == [None]


@pytest.mark.parametrize(
    "head, source",
    [
        ('<meta name="ContentSource" content="青禾日报">', "青禾日报"),
        ("<meta content='来源：青禾晚报-本地频道 原创稿' name='source'>", "青禾晚报"),
        ('<meta name="source" content="104363">', "青禾在线"),  # an id, not a name
        ('<meta name="sourcetype" content="青禾日报">', "青禾在线"),  # another tag
        # values that name no publisher: this site, the web, a reprint, a tracking tag
        *[
            (f'<meta name="source" content="{v}">', "青禾在线")
            for v in ("本站原创", "网络", "转载", "web", "utm_source")
        ],
    ],
)
def test_the_source_the_head_names_beats_the_portal(head: str, source: str) -> None:
    html = page(
        "绿道全线贯通_本地新闻_青禾在线",
        "<h1>绿道全线贯通</h1>" + paragraphs_html(PARAGRAPHS),
        head,
    )
    assert load_text(html, "a.html").meta.source == source


def test_empty_title_takes_the_headline_in_the_page() -> None:
    html = page("", "<h1>绿道全线贯通</h1>" + paragraphs_html(PARAGRAPHS))
    assert load_text(html, "a.html").title == "绿道全线贯通"


def test_title_naming_only_the_site_takes_the_page_headline() -> None:
    html = page("青禾市人民政府门户网站", "<h2>绿道全线贯通</h2>" + paragraphs_html(PARAGRAPHS))
    assert load_text(html, "a.html").title == "绿道全线贯通"


@pytest.mark.parametrize(
    "sitename, expected",
    [
        ("青禾在线", "青禾在线"),
        ("https://www.example.com/qinghe", None),
        ("青禾网版权所有", "青禾网"),
        ("青禾新聞網 | 青禾新聞網", "青禾新聞網"),
        ("青禾网-本地频道", "青禾网"),
        ("青禾新聞網 QINGHE.COM.TW", "青禾新聞網"),  # its address after its name
        ("Wi-Fi联盟", "Wi-Fi联盟"),  # a hyphen inside a Latin name does not split it
        ("qinghe.example.cn", None),
        (None, None),
    ],
)
def test_publisher_from_the_site_name(sitename: str | None, expected: str | None) -> None:
    assert publisher(sitename) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("记者陈明／青禾报导", "陈明"),
        ("作者", None),
        ("责任编辑", None),
        ("文：周小云", "周小云"),
        ("文; 周小云", "周小云"),  # 文/周小云 as the extractor splits it
        ("记者; 周小云; 林雅文", "周小云; 林雅文"),
    ],
)
def test_author_is_a_name_not_a_label(value: str, expected: str | None) -> None:
    assert author_name(value) == expected


def test_bold_paragraphs_are_subheads_and_numbered_lines_are_chapters() -> None:
    body = (
        "<h1>青禾市绿道管理办法</h1>"
        "<p>第一章　总则</p>"
        + paragraphs_html(PARAGRAPHS[:2])
        + "<p>第二章　建设与维护</p>"
        + paragraphs_html(PARAGRAPHS[2:])
        + "<p><strong>沿线社区参与维护</strong></p>"
        + "<p>沿线九个社区已经组建志愿者队伍，每周轮流巡查步道，发现问题及时上报园林部门。</p>"
    )
    doc = load_text(page("青禾市绿道管理办法_青禾在线", body), "a.html")
    headings = [s.heading for s in doc.sections if s.heading]
    assert headings == ["第一章 总则", "第二章 建设与维护", "沿线社区参与维护"]


def test_a_bold_subhead_after_a_long_unpunctuated_caption_is_still_a_subhead() -> None:
    """In a page each <p> is a paragraph of its own: a photo's caption without a full
    stop before a bold subhead is not the first half of a wrapped paragraph."""
    caption = "为了给新开的绿道拍宣传片，摄制组一早就在河岸边的步道上架起了机位 周明 摄"
    body = (
        "<h1>绿道全线贯通</h1>"
        + paragraphs_html(PARAGRAPHS[:1])
        + f"<p>{caption}</p>"
        + "<p><strong>沿线社区参与维护</strong></p>"
        + paragraphs_html(PARAGRAPHS[1:3])
        + "<p><strong>夜间照明还要改进</strong></p>"
        + paragraphs_html(PARAGRAPHS[3:])
    )
    doc = load_text(page("绿道全线贯通", body), "a.html")
    assert [s.heading for s in doc.sections if s.heading] == [
        "沿线社区参与维护",
        "夜间照明还要改进",
    ]


def test_a_short_unmarked_paragraph_is_not_a_heading_in_html() -> None:
    body = "<h1>绿道全线贯通</h1><p>青禾晚报记者 周明</p>" + paragraphs_html(PARAGRAPHS)
    doc = load_text(page("绿道全线贯通", body), "a.html")
    assert [s.heading for s in doc.sections] == [None]
    assert doc.meta.author == "周明"


@pytest.mark.parametrize("ref", ["&#1;", "&#11;", "&#12;", "&#x1f;", "\x01"])
def test_control_character_references_do_not_crash_the_loader(ref: str) -> None:
    html = page("绿道", f"<h1>绿道{ref}贯通</h1>" + paragraphs_html(PARAGRAPHS) + f"<p>{ref}</p>")
    doc = load_text(html, "a.html")
    assert doc.title == "绿道贯通"


def test_fuzzed_minimal_page_is_one_clear_error_or_a_document() -> None:
    try:
        load_text("<article><h1><b>&#1<p>></article><article>", "a.html")
    except ArticleError as exc:
        assert "a.html" in str(exc)


def test_deeply_nested_page_still_gives_its_text() -> None:
    depth = 10_000
    html = (
        "<html><body>" + "<div>" * depth + "".join(PARAGRAPHS) + "</div>" * depth + "</body></html>"
    )
    doc = load_text(html, "deep.html")
    text = "".join(p.text for _, _, p in doc.paragraphs())
    assert PARAGRAPHS[0] in text


def test_gb18030_page_declaring_utf8_keeps_its_paragraphs() -> None:
    html = page("绿道全线贯通", "<h1>绿道全线贯通</h1>" + paragraphs_html(PARAGRAPHS))
    doc = load_bytes(html.encode("gb18030"), "a.html")
    assert [p.text for _, _, p in doc.paragraphs()] == PARAGRAPHS


def test_paragraphs_split_by_br_stay_apart() -> None:
    body = "<h1>绿道全线贯通</h1><p>" + "<br>".join(PARAGRAPHS) + "</p>"
    doc = load_text(page("绿道全线贯通", body), "a.html")
    assert len(list(doc.paragraphs())) == len(PARAGRAPHS)


def test_numbered_list_paragraphs_and_references_are_not_headings() -> None:
    body = (
        "<h1>青禾绿道获奖</h1>"
        + paragraphs_html(PARAGRAPHS[:2])
        + "<p>1. 最佳城市绿道</p>"
        + paragraphs_html(PARAGRAPHS[2:3])
        + "<p>2. 最佳社区参与</p>"
        + paragraphs_html(PARAGRAPHS[3:])
        + "<p>1. 青禾绿道全线贯通 ．青禾在线[引用日期2024-03-05]</p>"
    )
    doc = load_text(page("青禾绿道获奖_青禾在线", body), "a.html")
    assert [s.heading for s in doc.sections] == [None]
    assert "引用日期" not in "".join(p.text for _, _, p in doc.paragraphs())


def test_extractor_result_read_as_a_dict_or_as_attributes() -> None:
    """trafilatura 1.x (allowed by the dependency range) returns a dict by default;
    reading ``.text`` off it crashed with AttributeError. Both shapes give the same fields."""
    import trafilatura

    html = page("绿道全线贯通_青禾在线", "<h1>绿道全线贯通</h1>" + paragraphs_html(PARAGRAPHS))
    document = trafilatura.bare_extraction(html, with_metadata=True)
    as_object = extraction_fields(document)
    as_dict = extraction_fields(document.as_dict())
    assert as_object == as_dict
    assert "青禾市今年一季度" in as_dict["text"]
    assert extraction_fields(None) == {}


# An article long enough for the extractor's reading to be kept (over 300 letters).
ARTICLE = [
    *PARAGRAPHS,
    "绿道沿线的老厂房也将改造成驿站，供骑行的市民歇脚、补水和修车，预计年底前投入使用。",
    "不少市民建议在夜间增加照明，园林局回应说，首批路灯已在安装，夏季到来前可以全部点亮。",
    "青禾市还计划把绿道与地铁站、公交站连起来，让市民下了车就能走上步道，不必再绕远路。",
    "园林局负责人说，绿道建成只是开始，管好用好还要靠每一位市民的爱护和社区的共同参与。",
]


def credited_page(after: str = "", head: str = "", body: list[str] = ARTICLE) -> str:
    """A page whose article ends, as some portals set it, with a credit in a paragraph
    holding the site's logo link, then the editor's line (an extractor drops the credit)."""
    credit = "<p><strong>作者︱周明远</strong><a href='/'><img src='/logo.png'></a></p>"
    return page(
        "绿道全线贯通_青禾在线",
        "<h1>绿道全线贯通</h1>"
        + paragraphs_html(body)
        + credit
        + "<!--/content--><div id='liability'>[责任编辑:李立]</div>"
        + after,
        head,
    )


def test_a_credit_the_extractor_drops_under_the_article_names_its_author() -> None:
    doc = load_text(credited_page(), "a.html")
    assert doc.meta.author == "周明远"
    assert [p.text for _, _, p in doc.paragraphs()] == ARTICLE


def test_the_texts_own_byline_beats_a_dropped_credit() -> None:
    lead = "青禾网3月5日讯（记者林雅文）" + ARTICLE[0]
    doc = load_text(credited_page(body=[lead, *ARTICLE[1:]]), "a.html")
    assert doc.meta.author == "林雅文"


def test_a_credit_in_a_list_of_other_articles_is_not_the_authors() -> None:
    html = page(
        "绿道全线贯通_青禾在线",
        "<h1>绿道全线贯通</h1>"
        + paragraphs_html(ARTICLE)
        + "<div class='related'><h3>相关新闻</h3><ul>"
        + "<li><a href='/1'>城东菜市场完成改造</a><span>作者︱林雅文</span></li>"
        + "<li><a href='/2'>青禾地铁三号线开通一周年</a></li></ul></div>",
    )
    assert load_text(html, "a.html").meta.author is None


@pytest.mark.parametrize(
    "before, after",
    [
        # a column's sidebar before the headline: a byline above the headline is not its
        ("<div class='sidebar'><p>专栏</p><p>作者：林雅文</p></div>", ""),
        # a box of recommended articles set in divs after the article, under its label
        (
            "",
            "<div class='rec'><h3>推荐</h3><div><a href='/1'>城东菜市场完成改造</a></div>"
            "<div>记者 林雅文</div></div>",
        ),
    ],
)
def test_a_credit_in_a_sidebar_or_a_box_of_other_articles_is_not_the_authors(
    before: str, after: str
) -> None:
    html = page(
        "绿道全线贯通_青禾在线", before + "<h1>绿道全线贯通</h1>" + paragraphs_html(ARTICLE) + after
    )
    assert load_text(html, "a.html").meta.author is None


def test_page_credits_read_only_the_lines_the_extraction_left_out() -> None:
    html = credited_page()
    text = "\n\n".join([*ARTICLE, "**作者︱周明远**"])  # kept: the text's own business
    assert page_credits(html, text).author is None
    assert page_credits(html, "\n\n".join(ARTICLE)).author == "周明远"
    # far from the article's last paragraph, a credit is another block's
    far = credited_page().replace("<p><strong>", "<p>一</p>" * 9 + "<p><strong>")
    assert page_credits(far, "\n\n".join(ARTICLE)).author is None


def test_a_source_stated_beside_the_article_beats_the_sites_name() -> None:
    info = "<div class='info'><span>2024-04-23 09:30</span> <span>来源：青禾日报</span></div>"
    html = page(
        "绿道全线贯通_本地新闻_青禾在线", "<h1>绿道全线贯通</h1>" + info + paragraphs_html(ARTICLE)
    )
    assert load_text(html, "a.html").meta.source == "青禾日报"


def test_a_blogs_title_names_the_blog_not_the_kind_of_site() -> None:
    html = page(
        "绿道全线贯通 - 麦田小记 - 个人博客", "<h1>绿道全线贯通</h1>" + paragraphs_html(ARTICLE)
    )
    assert load_text(html, "a.html").meta.source == "麦田小记"


@pytest.mark.parametrize(
    "description, author",
    [
        ("（中央社记者周明远台北5日电）青禾市今年一季度新增城市绿道四十二公里。", "周明远"),
        ("（中央社記者周明遠台北5日電）青禾市今年一季度新增城市綠道四十二公里。", "周明遠"),
        ("青禾市今年一季度新增城市绿道四十二公里，记者周明远报道。", None),  # no dateline
    ],
)
def test_the_dateline_of_the_lead_in_the_pages_description_names_its_author(
    description: str, author: str | None
) -> None:
    html = page(
        "绿道全线贯通_青禾在线",
        "<h1>绿道全线贯通</h1>" + paragraphs_html(ARTICLE),
        f'<meta name="description" content="{description}">',
    )
    assert load_text(html, "a.html").meta.author == author


LEAD = [
    "青禾绿道（Qinghe Greenway），是青禾市沿河修建的城市慢行步道，全长四十二公里，二〇二四年全线贯通。",
    "绿道串起城区九个社区和三座公园，沿线设有驿站、饮水点和公共厕所，由园林局和沿线社区共同维护。",
]
TEASER = "城东菜市场完成改造以后，摊位统一换上新招牌，附近居民买菜方便了许多，周末人尤其多。"


def encyclopedia(
    summary: str = "class='entry-summary'", head: str = "", before: str = "", after: str = ""
) -> str:
    """An encyclopedia entry as such sites set it: the lead in a summary block of the page's
    header, then an infobox and a table of contents, then the body in its own container."""
    lead = "".join(f"<div class='para'>{t}</div>" for t in LEAD)
    facts = [("中文名", "青禾绿道"), ("全长", "四十二公里")]
    infobox = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    toc = "".join(f"<li><a href='#{n}'>{n}</a></li>" for n in ["历史", "线路"])
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>青禾绿道_百科</title>{head}</head>"
        "<body><ul class='nav'><li><a href='/'>首页</a></li><li><a href='/u'>用户</a></li></ul>"
        + before
        + "<div class='poster'><h1>青禾绿道</h1>"
        + f"<dl><dd class='desc'><div {summary}>{lead}</div></dd></dl></div>"
        + f"<div class='content'><dl class='infobox'>{infobox}</dl><ol class='toc'>{toc}</ol>"
        + "<div class='main'><h2>历史</h2>"
        + paragraphs_html(ARTICLE[:4])
        + "<h2>线路</h2>"
        + paragraphs_html(ARTICLE[4:])
        + "</div></div>"
        + after
        + "<div class='footer'>Copyright © 2024 青禾百科 版权所有</div></body></html>"
    )


def texts(doc: object) -> list[str]:
    return [p.text for _, _, p in doc.paragraphs()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "summary, head",
    [
        ("class='entry-summary'", ""),  # the page names the block a summary
        ("id='lead'", ""),
        # or the block opens with the page's description
        ("class='top'", f'<meta name="description" content="{LEAD[0][:30]}">'),
    ],
)
def test_a_lead_the_extractor_drops_before_the_body_is_put_back(summary: str, head: str) -> None:
    doc = load_text(encyclopedia(summary, head), "a.html")
    assert texts(doc)[:2] == LEAD
    assert doc.sections[0].heading is None  # the lead opens the article, before its sections
    assert [s.heading for s in doc.sections[1:]] == ["历史", "线路"]
    assert texts(doc)[-len(ARTICLE) :] == ARTICLE
    assert not [t for t in texts(doc) if "首页" in t or "用户" in t or "版权所有" in t]


@pytest.mark.parametrize(
    "summary, before, after",
    [
        # a block the page does not name as its lead
        ("class='top'", "", ""),
        # summaries of other pages: teasers in a list before the article, a block after it
        ("class='top'", f"<ul class='side'><li><p class='summary'>{TEASER}</p></li></ul>", ""),
        ("class='top'", "", f"<div class='summary'><p>{TEASER}</p></div>"),
        # a summary made of links
        ("class='top'", "<div class='intro'><p><a href='/1'>" + TEASER + "</a>。</p></div>", ""),
        # named "lead" or "intro", but an author's bio, another story, a picture, the site
        ("class='author-intro'", "", ""),
        ("class='lead-story'", "", ""),
        ("class='lead-image'", "", ""),
        ("class='site-intro'", "", ""),
        # a summary inside a block of related articles set in divs
        (
            "class='top'",
            f"<div class='related'><div><p class='summary'>{TEASER}</p></div></div>",
            "",
        ),
    ],
)
def test_no_lead_is_taken_from_blocks_that_are_not_the_articles(
    summary: str, before: str, after: str
) -> None:
    got = texts(load_text(encyclopedia(summary, before=before, after=after), "a.html"))
    assert LEAD[0] not in got and TEASER not in got
    assert got[-len(ARTICLE) :] == ARTICLE


def test_a_lead_the_extractor_kept_is_not_doubled() -> None:
    body = "<h1>绿道全线贯通</h1><p class='lead'>" + LEAD[0] + "</p>" + paragraphs_html(ARTICLE)
    got = texts(load_text(page("绿道全线贯通_青禾在线", body), "a.html"))
    assert got.count(LEAD[0]) == 1


def test_a_lead_keeps_its_characters_as_markdown() -> None:
    lead = "1. 青禾*绿道*（Qinghe_Greenway）[注1]，是青禾市沿河修建的城市慢行步道，全长四十二公里。"
    html = encyclopedia().replace(LEAD[0], lead)
    assert texts(load_text(html, "a.html"))[0] == lead


def test_the_sites_own_description_in_its_header_is_no_lead() -> None:
    about = "青禾在线是青禾市主办的综合性新闻网站，提供本地新闻、政务信息和便民服务，欢迎市民投稿。"
    html = encyclopedia(
        "class='top'",
        head=f'<meta name="description" content="{about}">',
        before=f"<header><div class='about'>{about}</div></header>",
    )
    assert about not in texts(load_text(html, "a.html"))


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>作者︱<!--author-->周明远</p><p>正文<?php x ?>继续</p></body></html>",
        "<html><body><div>一<!-- a -->二<span>三<!-- b --></span>四</div>"
        "<script>var a = 1</script><style>p {}</style>五</body></html>",
        "<html><body><p>标题</p><noscript>请开启脚本</noscript><p>尾<!--c-->巴</p></body></html>",
    ],
)
def test_both_readers_of_a_pages_lines_agree(html: str) -> None:
    """The tree's reader (fast, in C) and the parser's (where libxml2 lost part of a page)
    give the same lines: text after a comment is the page's too."""
    from reader.ingest.page_recovery import _page_lines, _parsed, _text_lines

    assert _page_lines(_parsed(html)) == _text_lines(html)


def test_a_year_alone_is_no_date_but_new_years_day_written_out_is() -> None:
    """The extractor fills a bare year out to 1 January (2024年计划 in the text, the
    footer's © 2024): a wrong date is worse than none."""
    planned = ["西陵市2024年计划新建十座城市书房，首批三座已在老城区开放。", *PARAGRAPHS]
    doc = load_text(
        page("城市书房开进社区", "<h1>城市书房开进社区</h1>" + paragraphs_html(planned)), "a.html"
    )
    assert doc.meta.date is None
    stated = "<h1>新年第一天</h1><p class='date'>2024年1月1日 08:00</p>" + paragraphs_html(
        PARAGRAPHS
    )
    dated = load_text(page("新年第一天", stated), "b.html").meta.date
    assert dated is not None and dated.startswith("2024-01-01")


def test_a_short_article_keeps_its_paragraphs_apart_from_its_headline_and_byline() -> None:
    """Three short paragraphs are under trafilatura's 250 characters: it used to take the
    whole page's text as one block instead, headline and byline run into the lead."""
    short = [
        "社区食堂今天开门，第一天就接待了两百多位老人，饭菜按荤素搭配，每份十二元。",
        "食堂由街道和一家餐饮企业合办，老人凭社区发的卡就餐，八十岁以上的再减三元。",
        "不少老人说，以前自己做饭怕麻烦，现在走几步路就能吃上热饭，子女也放心多了。",
    ]
    body = (
        "<main><article><h1>社区食堂开门迎客</h1><div class='author'>记者 王小明／北京报道</div>"
        f"<div class='article-body'>{paragraphs_html(short)}</div></article>"
        "<aside><h2>热门新闻</h2><ul><li><a href='#'>公园夜跑步道亮灯</a></li></ul></aside></main>"
    )
    doc = load_text(page("社区食堂开门迎客 | 青禾在线", body), "a.html")
    assert sum(len(s.paragraphs) for s in doc.sections) >= 3
    assert [p.text for _, _, p in doc.paragraphs()][-3:] == short


def test_a_government_page_names_its_article_in_its_head() -> None:
    """<title> is the site's name alone; the guideline's ArticleTitle meta names the article."""
    head = "<meta name='ArticleTitle' content='绿道全线贯通 市民沿河可步行十公里'>"
    doc = load_text(page("青禾县人民政府", paragraphs_html(PARAGRAPHS), head), "a.html")
    assert doc.title == "绿道全线贯通 市民沿河可步行十公里"


def test_a_day_the_text_names_is_not_the_pages_date() -> None:
    """自2024年1月1日起施行 in the text and © 2024 below: nothing dates the page."""
    rule = ["本办法自2024年1月1日起施行，此前发布的有关规定同时废止。", *PARAGRAPHS]
    doc = load_text(page("青禾市绿道管理办法", paragraphs_html(rule)), "a.html")
    assert doc.meta.date is None
