"""A Markdown note's front matter: its fields name the article; the block is no heading.

Every text here is written for these tests.
"""

from __future__ import annotations

from reader.ingest.front_matter import split_front_matter
from reader.ingest.loading import load_text

BODY = (
    "台南是最早开发的城市之一，老城区保留了大量旧时的建筑。这条路线从古城门出发，全程约三公里。\n\n"
    "## 第一站：古城门\n\n古城门原为明代所建，后来历经多次修缮，如今是市民散步的好去处。\n"
)


def test_front_matter_gives_the_title_the_author_and_the_date() -> None:
    text = "---\ntitle: 老城散步地图\nauthor: 许雅婷\ndate: 2024-03-05\n---\n\n" + BODY
    document = load_text(text, "walk.md")
    assert document.title == "老城散步地图"
    assert (document.meta.author, document.meta.date) == ("许雅婷", "2024-03-05")
    assert [s.heading for s in document.sections] == [None, "第一站：古城门"]
    assert document.sections[0].paragraphs[0].text.startswith("台南是最早开发的城市之一")


def test_authors_in_a_list_and_a_date_with_its_time() -> None:
    text = "---\ntitle: 游记\nauthors: [张三, 李四]\ndate: 2024-03-05 10:21:00\n---\n" + BODY
    title, meta, rest = split_front_matter(text)
    assert title == "游记" and meta is not None and rest == BODY
    assert (meta.author, meta.date) == ("张三、李四", "2024-03-05 10:21")


def test_a_rule_or_a_block_that_is_not_yaml_fields_is_left_as_text() -> None:
    rule = "---\n\n" + BODY  # a thematic break: no closing line
    assert split_front_matter(rule) == (None, None, rule)
    broken = "---\ntitle: [未闭合\n---\n" + BODY
    assert split_front_matter(broken) == (None, None, broken)
    listed = "---\n- 一\n- 二\n---\n" + BODY  # YAML, but no fields
    assert split_front_matter(listed) == (None, None, listed)
