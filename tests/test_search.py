"""Search and keyword spans ignore the script, on real samples and real OpenCC."""

from __future__ import annotations

from reader.convert import Variant, convert
from reader.ingest.loading import load_path, load_text
from reader.search import SearchIndex, spans_in

from .conftest import SAMPLES


def test_traditional_query_finds_simplified_text() -> None:
    document = load_path(SAMPLES / "01_news_scraped.txt")
    simplified = SearchIndex(document).find("开发区")
    assert simplified and SearchIndex(document).find("開發區") == simplified
    for m in simplified:
        text = document.sections[m.section].paragraphs[m.paragraph].text
        assert text[m.start : m.end] == "开发区"


def test_simplified_query_finds_traditional_text_in_a_converted_display() -> None:
    document = load_path(SAMPLES / "02_essay_traditional.txt")
    matches = SearchIndex(document).find("书店")
    assert len(matches) >= 3
    shown = document.map_text(lambda t: convert(t, Variant.SIMPLIFIED))
    assert SearchIndex(shown).find("書店") == matches  # same places whatever is on screen


def test_latin_search_is_case_insensitive_and_empty_query_finds_nothing() -> None:
    document = load_path(SAMPLES / "01_news_scraped.txt")
    assert SearchIndex(document).find("   ") == []
    assert SearchIndex(document).find("zzzz不存在") == []
    text = load_text("标题\n\n这一段说到 GDP 的变化。\n\n下一段又说 gdp 和 Straße 的长度。\n")
    found = SearchIndex(text).find("gdp")
    assert [(m.paragraph, m.end - m.start) for m in found] == [(0, 3), (1, 3)]
    # ß folds to two letters: offsets must still point at the paragraph's own characters
    (street,) = SearchIndex(text).find("STRASSE") or SearchIndex(text).find("straße")
    words = text.sections[street.section].paragraphs[street.paragraph].text
    assert words[street.start : street.end] == "Straße"


def test_a_match_never_spans_two_paragraphs() -> None:
    first = "这一段写得很长，说了天气，说了路上的人和车，又说了城里的树，最后停在一个字上：北"
    document = load_text(
        f"标题\n\n{first}\n\n京是第二段的开头，这一段也写得够长，不会当成小标题。\n"
    )
    assert len(document.sections[0].paragraphs) == 2
    assert SearchIndex(document).find("北京") == []
    assert SearchIndex(document).find("北") and SearchIndex(document).find("京")


def test_the_index_finds_what_a_paragraph_by_paragraph_search_finds() -> None:
    """The joined index against the plain rule, on every sample and several queries."""
    for path in sorted(SAMPLES.glob("*.txt")):
        document = load_path(path)
        index = SearchIndex(document)
        for query in ("的", "中国", "發展", "在", "。"):
            expected = []
            for si, pi, paragraph in document.paragraphs():
                view = convert(paragraph.text, Variant.SIMPLIFIED, document.traditional)
                if len(view) != len(paragraph.text):
                    view = paragraph.text
                target = convert(query, Variant.SIMPLIFIED, True)
                at = view.find(target)
                while at >= 0:
                    expected.append((si, pi, at))
                    at = view.find(target, at + len(target))
            found = [(m.section, m.paragraph, m.start) for m in index.find(query)]
            assert found == expected, (path.name, query)


def test_keyword_spans_prefer_the_longer_keyword() -> None:
    text = "火炬开发区的开发区管委会说，火炬很亮。"
    assert spans_in(text, ["开发区", "火炬开发区", "火炬"]) == [(0, 5), (6, 9), (14, 16)]
    assert spans_in(convert(text, Variant.TAIWAN), ["开发区"]) == [(2, 5), (6, 9)]
