"""Each bundled sample gives the outline it was written to have."""

from __future__ import annotations

from pathlib import Path

from reader.ingest.loading import load_path
from reader.model import Document

from .conftest import SAMPLES


def load(name: str) -> Document:
    return load_path(SAMPLES / name)


def tree(doc: Document) -> list[tuple[str | None, str | None, int]]:
    return [(s.heading, s.subtitle, s.level) for s in doc.sections]


def all_text(doc: Document) -> str:
    return doc.body_text


def test_scraped_news_sample() -> None:
    doc = load("01_news_scraped.txt")
    assert doc.title == "东江火炬开发区：老厂房里长出新产业"
    assert doc.meta.date == "2023-02-17 10:06:00"
    assert doc.meta.source == "东江日报"
    assert doc.meta.author == "林晓雯、陈国栋"
    assert tree(doc) == [
        (None, None, 1),
        ("数字赋能", "老工业区跑出转型加速度", 1),
        ("人才回流", "产业园变成了年轻人的“朋友圈”", 1),
        ("生态修复", "转型不再以牺牲环境为代价", 1),
    ]
    body = all_text(doc)
    for junk in ("最新信息", "首页", "免责声明", "sitemap.xml", "版权所有", "责任编辑", "文章来源"):
        assert junk not in body
    assert doc.title not in body  # neither the repeat at the top nor the one at the end
    last = doc.sections[-1].paragraphs[-1].text
    assert last.startswith("周明远表示") and last.endswith("摇篮。")


def test_traditional_essay_sample() -> None:
    doc = load("02_essay_traditional.txt")
    assert doc.title == "巷口那間舊書店"
    assert doc.meta.author == "許靜宜"
    assert tree(doc) == [
        (None, None, 1),
        ("紙頁裡的時間", None, 1),
        ("一座城市的記憶", None, 1),
        ("留下來的理由", None, 1),
    ]


def test_policy_report_hierarchy() -> None:
    doc = load("03_policy_report.txt")
    assert doc.title == "东江市推进社区居家养老服务高质量发展实施方案（2023—2025年）"
    assert doc.meta.date == "2023-03-08"
    assert doc.meta.source == "东江市民政局"
    headings = [(s.heading, s.level) for s in doc.sections if s.heading]
    assert headings[:6] == [
        ("一、总体要求", 1),
        ("（一）指导思想", 2),
        ("（二）主要目标", 2),
        ("二、重点任务", 1),
        ("（一）完善社区养老服务设施网络", 2),
        ("1.统筹规划设施布局", 3),
    ]
    assert ("三、保障措施", 1) in headings
    assert len(headings) == 17
    # （1）（2）（3） are list items ending in 。, paragraphs of 1.发展老年助餐服务
    meals = next(s for s in doc.sections if s.heading == "1.发展老年助餐服务")
    assert [p.text[:3] for p in meals.paragraphs] == ["（1）", "（2）", "（3）"]


def test_markdown_sample() -> None:
    doc = load("04_markdown_guide.md")
    assert doc.title == "在阳台上种出一季蔬菜：城市新手的实用指南"
    assert doc.meta.author == "顾南星"
    assert doc.meta.date == "2023-04-02"
    assert tree(doc) == [
        (None, None, 1),
        ("先看阳台，再选蔬菜", None, 1),
        ("容器与土壤", None, 1),
        ("浇水、施肥与日常管理", None, 1),
        ("浇水：见干见湿", None, 2),
        ("施肥：薄肥勤施", None, 2),
        ("病虫害：以防为主", None, 2),
        ("新手常见的三个误区", None, 1),
        ("收获与再出发", None, 1),
    ]
    body = all_text(doc)
    assert "**" not in body and "](" not in body
    assert "城市农园入门手册" in body  # link text kept, URL dropped


def test_gb18030_sample_is_decoded_and_structured() -> None:
    raw = (SAMPLES / "05_rural_delivery_gb18030.txt").read_bytes()
    try:
        raw.decode("utf-8")
        is_utf8 = True
    except UnicodeDecodeError:
        is_utf8 = False
    assert not is_utf8
    doc = load("05_rural_delivery_gb18030.txt")
    assert doc.title == "快递进村“最后一公里”是怎样打通的"
    assert doc.subtitle == "——来自青禾县的调查"
    assert doc.meta.date == "2023-05-12"
    assert doc.meta.source == "东江农民报"
    assert doc.meta.author == "孙立平、何晓燕"
    assert [s.heading for s in doc.sections] == [
        None,
        "■ 多家快递“拼车”进村",
        "■ 农产品搭上“回程车”出山",
        "■ 难题仍待破解",
        "记者手记",
    ]
    assert "责任编辑" not in all_text(doc)


def test_html_sample() -> None:
    doc = load("06_web_page.html")
    assert doc.title == "古籍修复师：在纸页间与时间对话"
    assert doc.meta.date == "2023-06-18"
    assert doc.meta.author == "沈若兰"
    assert doc.meta.source == "东江新闻网"
    assert doc.meta.url == "https://news.example.cn/culture/2023/0618/guji.html"
    assert [s.heading for s in doc.sections] == [
        None,
        "一张补纸要配上好几天",
        "年轻人走进修复室",
        "让古籍“活”起来",
    ]
    body = all_text(doc)
    for junk in ("广告", "抢购", "相关阅读", "版权所有", "关于我们", "当前位置", "责任编辑"):
        assert junk not in body


def test_every_sample_is_within_the_size_range() -> None:
    for path in sorted(Path(SAMPLES).glob("[0-9][0-9]_*")):
        doc = load_path(path)
        assert 400 <= doc.char_count <= 6000, (path.name, doc.char_count)


def test_bundled_sample_list_is_every_numbered_article() -> None:
    from reader.resources import sample_articles

    assert [p.name for p in sample_articles()] == sorted(
        p.name for p in SAMPLES.glob("[0-9][0-9]_*")
    )


def test_short_news_with_date_source_and_reporter_on_one_line() -> None:
    doc = load("07_bike_lanes.txt")
    assert doc.title == "东江老城区试点“慢行优先”街道 骑车上班的人多了"
    assert (doc.meta.date, doc.meta.source, doc.meta.author) == (
        "2024-05-08 08:30",
        "东江晚报",
        "记者 周子航",
    )
    assert tree(doc) == [(None, None, 1)]
    assert "来源" not in all_text(doc) and "编辑" not in all_text(doc)


def test_hong_kong_news_sample() -> None:
    doc = load("08_ferry_hongkong.txt")
    assert doc.title == "海灣渡輪百年碼頭翻新 保留舊木樑與鐵閘"
    assert [s.heading for s in doc.sections] == [
        None,
        "修舊如舊",
        "新設施方便長者",
        "街坊的集體回憶",
    ]
    assert doc.sections[0].paragraphs[0].text.startswith("【本報訊】")


def test_markdown_report_with_team_and_date_line() -> None:
    doc = load("09_reservoir_study.md")
    assert doc.title == "青溪水库水质为何连续三年变好"
    assert (doc.meta.author, doc.meta.date) == ("东江大学环境学院", "2024-09-12")
    assert [s.heading for s in doc.sections][1:] == [
        "研究怎么做",
        "主要发现",
        "还有哪些不确定",
        "对治理的建议",
    ]
    assert [p.text[:4] for p in doc.sections[2].paragraphs] == ["农业面源", "生态缓冲", "畜禽养殖"]


def test_feature_with_subtitle_and_marker_headings() -> None:
    doc = load("10_village_basketball.txt")
    assert doc.subtitle == "——石门村连续举办七届“村晚篮球赛”"
    assert doc.meta.author == "梁雨桐"
    assert len(doc.sections) == 4 and doc.sections[3].heading == "■ 热闹背后也有烦恼"
    assert "责任编辑" not in all_text(doc)


TAIWAN_NEWS = "11_taiwan_news_scraped.txt"
TAIWAN_TITLE = "雲禾捷運綠線週末延駛到凌晨1點\u3000夜歸族不必再搶計程車"


def test_taiwan_news_title_and_meta() -> None:
    doc = load(TAIWAN_NEWS)
    assert doc.title == TAIWAN_TITLE
    assert doc.subtitle is None
    assert (doc.meta.date, doc.meta.source, doc.meta.author) == (
        "2026-11-12 14:35",
        "雲禾新聞網",
        "林郁婷",
    )


def test_taiwan_news_sections() -> None:
    doc = load(TAIWAN_NEWS)
    assert tree(doc) == [
        (None, None, 1),
        ("末班車後還有計程車共乘", None, 1),
        ("即時資訊整合進手機軟體", None, 1),
        ("商圈樂觀其成\u3000沿線居民憂噪音", None, 1),
    ]
    lead = doc.sections[0].paragraphs
    assert len(lead) == 2
    assert lead[0].text.startswith("雲禾捷運綠線下個月起試辦週末延長營運！")
    last = doc.sections[-1].paragraphs[-1].text
    assert last.startswith("對此，捷運公司表示") and last.endswith("生活品質」。")


def test_taiwan_news_body_has_no_page_furniture() -> None:
    doc = load(TAIWAN_NEWS)
    body = all_text(doc)
    for junk in (
        "最新資訊",
        "首頁",
        "會員登入",
        "雲禾新聞網",
        "記者林郁婷",
        "圖／",
        "責任編輯",
        "來源",
        "著作權",
        "All Rights Reserved",
        "相關新聞",
        "熱門新聞",
        "颱風",
        "分享",
        "轉寄",
        "列印",
        "加入好友",
    ):
        assert junk not in body, junk
    assert TAIWAN_TITLE not in body


HONG_KONG_REPORT = "12_hongkong_report.txt"


def test_hong_kong_report_title_subtitle_and_numbered_headings() -> None:
    doc = load(HONG_KONG_REPORT)
    assert doc.title == "東灣區推出「屋邨長者數碼同行計劃」"
    assert doc.subtitle == "——百名義工上門教街坊用手機查巴士到站資訊"
    assert doc.meta.author == "何嘉欣"
    assert tree(doc) == [
        (None, None, 1),
        ("一、計劃背景", None, 1),
        ("二、服務內容", None, 1),
        ("（一）上門一對一教學", None, 2),
        ("（二）屋邨流動資訊站", None, 2),
        ("（三）電話支援熱線", None, 2),
        ("三、首階段成效", None, 1),
        ("四、下一步工作", None, 1),
        ("（一）擴展服務範圍", None, 2),
        ("（二）加強防騙教育", None, 2),
    ]
    # 1. 2. 3. are list items ending in 。, paragraphs of （一）上門一對一教學
    visits = doc.sections[3]
    assert [p.text[:2] for p in visits.paragraphs] == ["義工", "1.", "2.", "3."]


def test_hong_kong_report_date_and_source() -> None:
    doc = load(HONG_KONG_REPORT)
    assert (doc.meta.date, doc.meta.source) == ("2026-11-20", "東灣民政事務處")


def test_hong_kong_report_body_has_no_meta_lines_or_end_mark() -> None:
    doc = load(HONG_KONG_REPORT)
    lead = doc.sections[0].paragraphs
    assert len(lead) == 1 and lead[0].text.startswith("東灣民政事務處今日（十一月二十日）公布")
    # the 附件 list closes the last section; （完） is not text to read
    assert [p.text[:4] for p in doc.sections[-1].paragraphs] == [
        "民政事務",
        "有興趣參",
        "附件一：",
        "附件二：",
    ]
    body = all_text(doc)
    for junk in ("發布日期", "發布時間", "來源", "撰文", "（完）"):
        assert junk not in body, junk


def test_a_documents_opening_is_the_start_of_its_body_text() -> None:
    """``opening`` stops early on a book; what it gives must be body_text's start."""
    for path in sorted(SAMPLES.glob("0*")):
        text = load_path(path).body_text
        document = load_path(path)
        for chars in (0, 1, 7, 100, len(text) - 1, len(text), len(text) + 50):
            assert document.opening(max(0, chars)) == text[: max(0, chars)]
