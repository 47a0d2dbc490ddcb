"""Heading detection on labelled lines, each placed between two paragraphs."""

from __future__ import annotations

import pytest

from reader.ingest.headings import numbering_style
from reader.ingest.structure import Role, parse_plain_text

BEFORE = "这是前面的一段正文，讲的是一件具体的事情，句子写得完整而且有标点。"
AFTER = "这是后面的一段正文，紧接着上面那一行出现，同样是完整的句子。"

HEADINGS = [
    "数字赋能",
    "人才回流",
    "一座城市的記憶",
    "紙頁裡的時間",
    "一、总体要求",
    "二、重点任务",
    "（一）指导思想",
    "(二)主要目标",
    "1.统筹规划设施布局",
    "2、推进嵌入式服务站点建设",
    "（1）因地制宜建设长者食堂",
    "第一章 总则",
    "第三节 监督管理",
    "第二部分 发展现状",
    "■ 难题仍待破解",
    "◆ 多家快递拼车进村",
    "▲ 生态修复见成效",
    "【编者按】",
    "记者手记",
    "为什么要读书？".replace("？", ""),
    "先看阳台，再选蔬菜",
    "浇水：见干见湿",
    "AI 时代的阅读",
    "结语",
    "①问题的提出",
    "五、保障措施有力有效",
]

NOT_HEADINGS = [
    "他说：“我们赢了。”",
    "“快走吧。”",
    "「走吧」",
    "2023年2月17日",
    "2023-02-17 10:06:00",
    "●东江日报记者 林晓雯 通讯员 陈国栋",
    "文／許靜宜",
    "作者：顾南星",
    "来源：东江日报",
    "（文章来源：东江日报）",
    "责任编辑：郑雨桐",
    "图为工人在生产线上作业。",
    "图：东江火炬开发区全景",
    "新华社记者 王明 摄",
    "地址：东江市人民路1号",
    "电话：0755-12345678",
    "这是一句话。",
    "他说，好吧",
    "主要做法如下：",
    "首页 > 新闻 > 本地",
    "【打印】【关闭】",
    "上一篇：关于某事的通知",
    "sitemap.xml",
    "这一行很长很长很长很长很长很长很长很长很长很长很长很长没有标点但超过了三十个字的长度限制",
    "12345",
    "分享到：微信 微博",
]


def role_of(line: str) -> Role:
    text = f"测试标题\n\n{BEFORE}\n\n{line}\n\n{AFTER}\n"
    parsed = parse_plain_text(text)
    roles = {b.text: r for b, r in zip(parsed.blocks, parsed.roles, strict=True)}
    return roles[line]


@pytest.mark.parametrize("line", HEADINGS)
def test_heading_lines_are_headings(line: str) -> None:
    assert role_of(line) is Role.HEADING


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_other_lines_are_not_headings(line: str) -> None:
    assert role_of(line) is not Role.HEADING


def test_at_least_forty_labelled_cases() -> None:
    assert len(HEADINGS) + len(NOT_HEADINGS) >= 40


def test_two_short_lines_are_a_heading_and_its_subtitle() -> None:
    doc = parse_plain_text(
        f"标题\n\n{BEFORE}\n\n数字赋能\n老工业区跑出转型加速度\n\n{AFTER}"
    ).document
    assert [(s.heading, s.subtitle) for s in doc.sections] == [
        (None, None),
        ("数字赋能", "老工业区跑出转型加速度"),
    ]


def test_numbered_lines_in_a_row_nest_instead_of_pairing() -> None:
    doc = parse_plain_text(f"标题\n\n{BEFORE}\n\n一、总体要求\n（一）指导思想\n{AFTER}").document
    assert [(s.heading, s.subtitle, s.level) for s in doc.sections[1:]] == [
        ("一、总体要求", None, 1),
        ("（一）指导思想", None, 2),
    ]


def test_a_numbered_list_is_not_a_run_of_headings() -> None:
    text = f"标题\n\n{BEFORE}\n\n1.张三\n2.李四\n3.王五\n\n{AFTER}"
    parsed = parse_plain_text(text)
    assert Role.HEADING not in parsed.roles


def test_three_short_plain_lines_are_verse_not_headings() -> None:
    text = f"标题\n\n{BEFORE}\n\n床前明月光\n疑是地上霜\n举头望明月\n\n{AFTER}"
    assert Role.HEADING not in parse_plain_text(text).roles


def test_a_short_line_at_the_end_is_not_a_heading() -> None:
    parsed = parse_plain_text(f"标题\n\n{BEFORE}\n\n全文完")
    assert Role.HEADING not in parsed.roles


def test_hard_wrapped_paragraphs_are_rejoined_not_taken_for_headings() -> None:
    prose = (
        "这是一段被硬换行的正文它没有在行尾放标点因为编辑器按固定宽度折行了所以每一行都一样长"
        "读起来是连续的一段话最后才有句号。"
    )
    width = 20
    lines = [prose[i : i + width] for i in range(0, len(prose), width)]
    text = "标题\n\n" + "\n\n".join("\n".join(lines) for _ in range(3)) + "\n"
    parsed = parse_plain_text(text)
    assert Role.HEADING not in parsed.roles
    assert [p.text for _, _, p in parsed.document.paragraphs()] == [prose] * 3


def test_levels_follow_the_styles_present_not_fixed_numbers() -> None:
    text = f"标题\n\n{BEFORE}\n\n（一）第一部分\n\n{AFTER}\n\n1.细目\n\n{AFTER}"
    doc = parse_plain_text(text).document
    assert [(s.heading, s.level) for s in doc.sections if s.heading] == [
        ("（一）第一部分", 1),
        ("1.细目", 2),
    ]


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("一、总体", "cn"),
        ("（三）目标", "cn_paren"),
        ("2.布局", "arabic"),
        ("（4）细则", "arabic_paren"),
        ("第五章 附则", "chapter"),
        ("3.5亿元投资", None),
        ("二〇二三年", None),
    ],
)
def test_numbering_styles(line: str, style: str | None) -> None:
    assert numbering_style(line) == style
