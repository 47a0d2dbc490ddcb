"""Key sentences add to what the reader sees: no lone introductions, the body beside the lead."""

from __future__ import annotations

import pytest

from reader.ingest.loading import load_path, load_text
from reader.nlp.analysis import analyze
from reader.nlp.keysentences import LEAD_PICKS, LEAD_SENTENCES, introduces, is_label

from .conftest import SAMPLES, SHARED_DATA

# Written for these tests: an introduction ending in a colon that shares every
# word of the story, so on centrality alone it would be picked.
INTRODUCTION = """东江市发布养老服务新规

东江市民政局今天发布社区养老服务新规。新规明确了社区养老服务的三项重点：
社区养老服务中心将在年底前覆盖全部街道，为老年人提供助餐和日间照料。
养老服务补贴将向失能老年人倾斜，每月最高补贴八百元。
社区养老服务站点将引入专业护理机构，护理人员须持证上岗。
民政局表示，新规的落实情况将纳入街道年度考核。
"""


@pytest.mark.parametrize(
    "text,ok", [("重点如下：", True), ("He said:", True), ("完整的句子。", False)]
)
def test_introduces(text: str, ok: bool) -> None:
    assert introduces(text) is ok


def test_a_sentence_ending_in_a_colon_is_never_a_key_sentence() -> None:
    document = load_text(INTRODUCTION, fmt="text")
    for limit in (1, 3, 6):
        analysis = analyze(document, sentences=limit)
        assert analysis.sentences
        assert not [s.text for s in analysis.sentences if introduces(s.text)]
        assert not [s for s in analysis.section_best if s and introduces(s.text)]


def test_a_section_of_introductions_only_has_no_best_sentence() -> None:
    text = "标题\n\n# 第一节\n\n东江市的养老服务有三项重点：\n\n# 第二节\n\n社区养老服务中心覆盖全部街道。\n"
    best = analyze(load_text(text, fmt="markdown")).section_best
    assert best[-1] is not None and best[-1].text.startswith("社区")
    assert all(b is None or not introduces(b.text) for b in best)


def _sentence_numbers(document) -> dict[tuple[int, int, int], int]:
    numbers: dict[tuple[int, int, int], int] = {}
    for si, pi, paragraph in document.paragraphs():
        for k, _ in enumerate(paragraph.sentences):
            numbers[(si, pi, k)] = len(numbers)
    return numbers


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("[0-9][0-9]_*")))
def test_key_sentences_are_not_just_the_lead(name: str) -> None:
    document = load_path(SAMPLES / name)
    numbers = _sentence_numbers(document)
    picks = [numbers[(s.section, s.paragraph, s.sentence)] for s in analyze(document).sentences]
    assert sum(1 for i in picks if i < LEAD_SENTENCES) <= LEAD_PICKS
    assert any(i >= LEAD_SENTENCES for i in picks)


def test_the_lead_still_gives_the_first_pick_on_news() -> None:
    document = load_path(SAMPLES / "01_news_scraped.txt")
    numbers = _sentence_numbers(document)
    picks = [numbers[(s.section, s.paragraph, s.sentence)] for s in analyze(document).sentences]
    assert min(picks) < LEAD_SENTENCES


def test_key_sentences_reach_past_the_opening_of_real_articles() -> None:
    folder = SHARED_DATA / "realworld"
    if not folder.exists():
        pytest.skip("shared data not available")
    shares = []
    for path in sorted(folder.glob("d_zhwiki_*")):
        document = load_path(path)
        total = sum(len(p.text) for _, _, p in document.paragraphs())
        offsets, at = {}, 0
        for si, pi, paragraph in document.paragraphs():
            offsets[(si, pi)] = at
            at += len(paragraph.text)
        picks = analyze(document).sentences
        shares.append(
            sum(1 for s in picks if offsets[(s.section, s.paragraph)] + s.start < 0.2 * total)
            / len(picks)
        )
    # before the lead quota and the flat prior, 3 of 5 picks came from the first fifth
    assert sum(shares) / len(shares) <= 0.5


@pytest.mark.parametrize(
    "text,label",
    [
        ("半月谈记者 史卫燕", True),
        ("16 中医学数据库", True),
        ("益水之阳，是名益阳。", False),
        ("这是一句很长但没有句号的句子它说了一件完整的事情而且很长", False),
    ],
)
def test_is_label(text: str, label: bool) -> None:
    assert is_label(text) is label


def test_a_byline_is_not_the_first_key_sentence() -> None:
    text = (
        "益阳：数字是优长\n\n半月谈记者 史卫燕\n\n"
        "益阳把数字经济作为发展的重点，互联网企业纷纷落户益阳。\n\n"
        "益阳的智慧农业让农民用手机种地，数字治理提升了城乡安全。\n"
    )
    picks = analyze(load_text(text, fmt="text"), sentences=2).sentences
    assert [s.text for s in picks if "记者" in s.text] == []


def test_a_prompt_in_another_language_is_never_a_key_sentence() -> None:
    prompts = [
        "Your browser does not appear to support Chinese. Would you like the English site?",
        "こちらのページは中国語版です。日本語版に移動しますか。",
    ]
    body = [
        "青禾市今年一季度新增城市绿道四十二公里，沿河步道全线贯通，市民散步的去处多了不少。",
        "市园林局介绍，新建绿道多利用废弃铁路和河岸空地，尽量少占耕地，也少砍树木。",
        *prompts,
    ]
    analysis = analyze(load_text("\n\n".join(["青禾新增绿道四十二公里", *body])))
    picked = [s.text for s in analysis.sentences]
    assert picked and not any(p in prompt for p in picked for prompt in prompts)
    english = analyze(
        load_text(
            "Green ways\n\n"
            + "\n\n".join(prompts[:1] * 2 + ["The city built new paths by the river."])
        )
    )
    assert english.sentences  # a text with no Chinese sentence still gets its own
