"""Loading: encodings, formats and every kind of bad input."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ArticleError
from reader.ingest.loading import detect_format, load_bytes, load_path, load_stream

ARTICLE = "读书的意义\n\n读书让人开阔眼界。我们每天都应该读一点书，哪怕只有十分钟。\n\n坚持下去\n\n习惯一旦养成，就会受益终身。\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", ARTICLE),
        ("utf-8-sig", ARTICLE),
        ("utf-16", ARTICLE),
        ("gb18030", ARTICLE),
        ("gbk", ARTICLE),
        ("big5", "讀書的意義\n\n讀書讓人開闊眼界。我們每天都應該讀一點書，哪怕只有十分鐘。\n"),
    ],
)
def test_encodings_are_detected(encoding: str, text: str) -> None:
    doc = load_bytes(text.encode(encoding), "a.txt")
    assert doc.title == text.splitlines()[0]
    assert doc.sections[0].paragraphs[0].text == text.splitlines()[2]


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("gb18030", "北京"),  # 控儔 in Big5
        ("gb18030", "北京市"),
        ("gbk", "手机和电脑"),
        ("gb18030", "今天的新闻"),
        ("big5", "謝謝"),  # 谅谅 in GB18030
        ("big5", "中華民國"),
        ("big5", "電腦"),  # 筿福 in GB18030
        ("big5", "銀行。"),
    ],
)
def test_a_few_words_in_gb18030_or_big5_read_as_words(encoding: str, words: str) -> None:
    """Both encodings read these bytes without error: the reading made of words wins."""
    data = (words + "\n").encode(encoding)
    assert data.decode("gb18030") != data.decode("big5hkscs")  # truly ambiguous
    from reader.ingest.decoding import decode_bytes

    assert decode_bytes(data, "a.txt").strip() == words


def test_what_reads_as_no_chinese_is_still_refused_and_a_header_does_not_decide() -> None:
    import random

    from reader.ingest.decoding import decode_bytes

    rng = random.Random(1)
    for data in (
        bytes(rng.randint(0xA1, 0xFE) for _ in range(512)),  # GB18030 accepts every pair
        "대한민국의 수도는 서울이다. 한국어는 아름다운 언어이다.".encode("euc-kr"),
        "日本の首都は東京です。日本語は美しい言語です。".encode("shift_jis"),
    ):
        with pytest.raises(ArticleError, match="cannot decode"):
            decode_bytes(data, "a.txt")
    chinese = "我們今天去台北看朋友，天氣很好。"
    header = "# licence: anyone may copy this file\n" * 80  # 2,960 ASCII characters first
    assert decode_bytes((header + chinese).encode("big5"), "a.txt").endswith(chinese)


def test_encoding_override_wins_and_bad_override_is_explained() -> None:
    data = ARTICLE.encode("gb18030")
    assert load_bytes(data, "a.txt", encoding="gb18030").title == "读书的意义"
    with pytest.raises(ArticleError, match="not valid utf-8"):
        load_bytes(data, "a.txt", encoding="utf-8")
    with pytest.raises(ArticleError, match="unknown encoding"):
        load_bytes(data, "a.txt", encoding="klingon")


def test_crlf_input() -> None:
    doc = load_bytes(ARTICLE.replace("\n", "\r\n").encode(), "a.txt")
    assert doc.sections[1].heading == "坚持下去"


def test_formats_by_extension_and_content() -> None:
    assert detect_format("a.html", "plain") == "html"
    assert detect_format("a.md", "plain") == "markdown"
    assert detect_format("-", "<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_format("-", "# 标题\n\n正文。") == "markdown"
    assert detect_format("a.txt", "标题\n\n正文。") == "text"


def test_stdin_stream() -> None:
    doc = load_stream(io.BytesIO(ARTICLE.encode("gbk")))
    assert doc.title == "读书的意义"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        load_path(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="is a directory"):
        load_path(tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"%PDF-1.7\n" + bytes(10), "PDF"),
        (b"abc\x00def\x00" * 10, "NUL bytes"),
        (bytes([0x81, 0x30, 0xFF, 0xFF, 0x80]) * 50, "cannot decode"),
        (b"", "empty"),
        (b"   \n\t\n\xe3\x80\x80\n", "empty"),
        (b"\x01\x02\x03\x04\x05 text \x06\x07\x08", "control characters"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as caught:
        load_path(path)
    assert str(path) in str(caught.value)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    with pytest.raises(ArticleError, match="over the 1 KB limit"):
        load_path(path, max_size=1024)
    with pytest.raises(ArticleError, match="over the 1 KB limit"):
        load_stream(io.BytesIO(path.read_bytes()), max_size=1024)
    assert load_path(path, max_size=10 * 1024 * 1024).title == "读书的意义"


def test_markup_only_html_has_no_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        load_path(path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_no_byte_string_raises_anything_but_article_error(data: bytes) -> None:
    with contextlib.suppress(ArticleError):
        load_bytes(data, "fuzz.txt")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_no_text_raises_anything_but_article_error(text: str) -> None:
    for name in ("fuzz.txt", "fuzz.md", "fuzz.html"):
        with contextlib.suppress(ArticleError):
            load_bytes(text.encode("utf-8"), name)


def test_the_script_is_judged_once_at_load_and_kept_by_conversion() -> None:
    from reader.convert import Variant, convert

    simplified = load_bytes(
        "城市绿道\n\n这座城市的绿道全线贯通，市民散步的去处多了。".encode(), "a.txt"
    )
    traditional = load_bytes(
        "城市綠道\n\n這座城市的綠道全線貫通，市民散步的去處多了。".encode(), "b.txt"
    )
    assert not simplified.traditional and traditional.traditional
    assert load_stream(io.BytesIO("這座城市的綠道全線貫通。".encode())).traditional
    shown = simplified.map_text(lambda t: convert(t, Variant.TAIWAN))
    assert not shown.traditional  # a copy keeps the script unless told otherwise
    assert simplified.map_text(str.upper, traditional=True).traditional
