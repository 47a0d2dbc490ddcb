"""Search and keyword spans ignore the script, on real samples and real OpenCC."""

from __future__ import annotations

from reader.convert import Variant, convert
from reader.ingest.loading import load_path
from reader.search import find_all, spans_in

from .conftest import SAMPLES


def test_traditional_query_finds_simplified_text() -> None:
    document = load_path(SAMPLES / "01_news_scraped.txt")
    simplified = find_all(document, "开发区")
    assert simplified and find_all(document, "開發區") == simplified
    for m in simplified:
        text = document.sections[m.section].paragraphs[m.paragraph].text
        assert text[m.start : m.end] == "开发区"


def test_simplified_query_finds_traditional_text_in_a_converted_display() -> None:
    document = load_path(SAMPLES / "02_essay_traditional.txt")
    matches = find_all(document, "书店")
    assert len(matches) >= 3
    shown = document.map_text(lambda t: convert(t, Variant.SIMPLIFIED))
    assert find_all(shown, "書店") == matches  # same places whatever is on screen


def test_latin_search_is_case_insensitive_and_empty_query_finds_nothing() -> None:
    document = load_path(SAMPLES / "01_news_scraped.txt")
    assert find_all(document, "   ") == []
    assert find_all(document, "zzzz不存在") == []


def test_keyword_spans_prefer_the_longer_keyword() -> None:
    text = "火炬开发区的开发区管委会说，火炬很亮。"
    assert spans_in(text, ["开发区", "火炬开发区", "火炬"]) == [(0, 5), (6, 9), (14, 16)]
    assert spans_in(convert(text, Variant.TAIWAN), ["开发区"]) == [(2, 5), (6, 9)]
