"""Structure detection on the shared real-world documents does not fall below today's level.

Runs the same evaluation as ``benchmarks/realworld.py`` (expectations written
by reading each document, in ``benchmarks/realworld_expected.json``) and
asserts the share of checks that hold stays at or above ``FLOOR``. The lead
raises ``FLOOR`` as structure detection improves. Skips when the corpus
(``../shared/data/realworld``) is absent: its text is not ours to ship.
"""

from __future__ import annotations

import csv

import pytest

from tests.conftest import SHARED_DATA, load_benchmark

CORPUS = SHARED_DATA / "realworld"
FLOOR = 0.99  # measured share of passing checks, rounded down; raise it, never lower it

if not (CORPUS / "MANIFEST.tsv").exists():
    pytest.skip(f"real-world corpus not found at {CORPUS}", allow_module_level=True)


bench = load_benchmark("realworld")


@pytest.fixture(scope="module")
def results() -> list:
    return bench.run_corpus(CORPUS)


def _manifest_files() -> list[str]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t")]


def test_expectations_cover_every_manifest_document() -> None:
    expected = bench.load_expectations()
    manifest = _manifest_files()
    assert sorted(set(manifest) - set(expected)) == []
    assert sorted(set(expected) - set(manifest)) == []


def test_every_document_is_evaluated(results: list) -> None:
    assert {r.file for r in results} == set(_manifest_files())
    assert all(r.checks for r in results)


def test_share_of_passing_checks_stays_above_floor(results: list) -> None:
    share = bench.fraction(results)
    failing = [f"{r.file} {r.passed}/{len(r.checks)}" for r in results if r.passed < len(r.checks)]
    assert share >= FLOOR, f"{share:.3f} < {FLOOR}; documents with failures: {failing}"


def test_evaluate_reads_a_document() -> None:
    from reader.model import Document, Meta, Paragraph, Section

    document = Document(
        "标题 一",
        Meta(date="2020-02-19 20:29", source="新华网"),
        (Section("1 生平", None, 1, (Paragraph.from_text("正文第一句。"),)),),
    )
    expectation = {
        "title": "标题\u3000一",
        "date": "2020-02-19",
        "source": "新华",
        "headings": ["生平"],
        "body_includes": ["正文第一句"],
        "body_excludes": ["相关新闻"],
    }
    checks = bench.evaluate(document, expectation)
    assert [c.name for c in checks if not c.passed] == []
    assert len(checks) == 7


def test_evaluate_flags_junk_headings_and_missing_text() -> None:
    from reader.model import Document, Meta, Paragraph, Section

    document = Document(
        "标题-新华网",
        Meta(),
        (
            Section("相关新闻", None, 1, (Paragraph.from_text("热门新闻列表。"),)),
            Section("大会开幕式5月11日上午，大会开幕式在西南大学", None, 1, ()),
        ),
    )
    expectation = {
        "title": "标题",
        "date": "2020-02-19",
        "headings": ["大会开幕式"],
        "body_includes": ["正文第一句"],
        "body_excludes": ["热门新闻"],
    }
    failed = [c.name for c in bench.evaluate(document, expectation) if not c.passed]
    assert failed == [
        "title",
        "date",
        "headings",
        "no_junk_headings",
        "has:正文第一句",
        "no:热门新闻",
    ]


def _convert_all(value: object, convert) -> object:
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert_all(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: _convert_all(v, convert) for k, v in value.items()}
    return value


@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2twp"])
def test_scraped_pages_keep_their_checks_in_traditional_script(config: str, results: list) -> None:
    """A simplified page converted to traditional script passes what the original passes."""
    import opencc

    from reader.ingest.loading import load_text

    convert = opencc.OpenCC(config).convert
    expectations = bench.load_expectations()
    kinds = bench.manifest_kinds(CORPUS)
    lost: list[str] = []
    for result in results:
        if kinds[result.file] != "a" or result.error:
            continue
        text = convert((CORPUS / result.file).read_text(encoding="utf-8"))
        checks = bench.evaluate(
            load_text(text, result.file), _convert_all(expectations[result.file], convert)
        )
        passed_before = {c.name for c in result.checks if c.passed}
        passed_now = {convert(c.name) for c in checks if c.passed}
        lost += [f"{result.file}: {n}" for n in passed_before if convert(n) not in passed_now]
    assert lost == []
