"""Structure is decided on a script-neutral view: every sample, converted by
OpenCC to another script, gets the outline its original gets."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from reader.convert import is_traditional
from reader.ingest.decoding import decode_bytes
from reader.ingest.loading import load_text
from reader.model import Document

from .conftest import SAMPLES

ARTICLES = sorted(p for p in SAMPLES.iterdir() if p.name != "README.md")


def outline_shape(doc: Document) -> tuple[object, ...]:
    """What must not change with the script: which parts exist, where and how deep."""
    return (
        doc.title is not None,
        doc.subtitle is not None,
        doc.meta.date,
        doc.meta.source is not None,
        doc.meta.author is not None,
        tuple(
            (s.heading is not None, s.subtitle is not None, s.level, len(s.paragraphs))
            for s in doc.sections
        ),
    )


def conversions(text: str) -> list[str]:
    if is_traditional(text):
        return ["t2s"]
    return ["s2t", "s2hk", "s2twp"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_converted_sample_has_the_same_outline(path: Path) -> None:
    text = decode_bytes(path.read_bytes(), path.name)
    original = load_text(text, path.name)
    for config in conversions(text):
        converted_text = opencc.OpenCC(config).convert(text)
        converted = load_text(converted_text, path.name)
        assert outline_shape(converted) == outline_shape(original), config
        # the values are cut from the converted text, in its own script
        if original.meta.source:
            assert converted.meta.source == opencc.OpenCC(config).convert(original.meta.source)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("記者王小明／台北報導", "王小明"),
        ("記者王小明、李大華/高雄報導", "王小明、李大華"),
        ("撰文：陳嘉欣", "陳嘉欣"),
        ("圖／文：林美華", "林美華"),
    ],
)
def test_traditional_bylines(line: str, expected: str) -> None:
    doc = load_text(f"標題在這裡\n{line}\n這是正文的第一段，說明事情的經過與結果。\n")
    assert doc.meta.author == expected


def test_traditional_labels_are_metadata_not_body() -> None:
    text = (
        "市府公布新措施\n"
        "發布日期：2025年3月2日\n"
        "來源：某某新聞網\n"
        "市府今天公布新的交通措施，將在下個月開始實施，民眾可以上網查詢。\n"
        "責任編輯：張小芳\n"
    )
    doc = load_text(text)
    assert (doc.meta.date, doc.meta.source) == ("2025-03-02", "某某新聞網")
    body = "".join(p.text for _, _, p in doc.paragraphs())
    assert "發布日期" not in body and "來源" not in body and "責任編輯" not in body
