"""Structure detection on real documents: which of a careful reader's expectations hold.

    python benchmarks/realworld.py [CORPUS_DIR] [--json]

Why: zhreader's title, metadata and heading detection were tuned on our own
samples; the real pages users open (news dumps full of navigation, HTML with
site furniture, Wikipedia sections, text whose line breaks were lost) are the
measure that matters. This script loads every document of the shared
development set (``../shared/data/realworld``) with zhreader's own loader and
checks it against expectations written by reading each document by hand, kept
as data in ``realworld_expected.json`` beside this script (never in the
corpus, never generated from zhreader's output).

Checks (one pass/fail each; a document that fails to load fails all of them):

- ``title``: equal to the headline after removing all whitespace (spaces,
  U+3000, NBSP): spacing inside a headline is not what we measure.
- ``date``: zhreader's date starts with the expected ``YYYY-MM-DD`` (or one of the
  alternatives, e.g. a decision's adoption date and its publication date).
- ``source``/``author``: containment either way after removing whitespace; the
  expectation may list alternatives, any one suffices. Same script as the page.
- ``headings``: the expected headings are found in order (longest common
  subsequence) for at least 80 %. A leading section number (``1``, ``1.1``)
  is ignored on both sides; an expectation ending in ``…`` matches as a
  prefix; a found heading may carry a few more characters around the expected
  one (e.g. a label run in: up to its own length, at least 4, at most 12).
- ``no_junk_headings``: every heading zhreader found matches an expected or an
  ``allowed_headings`` entry (or ``allowed_heading_pattern``); for a document
  with no real headings this means zero headings. The headline repeated as a
  section heading counts as junk: it is the title, not a section.
- ``has:…``/``no:…``: a string must / must not occur in the headings and
  paragraphs (whitespace removed on both sides). ``body_includes`` holds the
  start of the first and of the last body sentence; ``body_excludes`` holds
  navigation and page furniture.
- ``paragraphs``: at least ``min_paragraphs`` paragraphs.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader.errors import ArticleError
from reader.ingest.loading import load_path
from reader.model import Document, Meta

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "realworld_expected.json"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld"
HEADING_RECALL = 0.8
HEADING_SLACK = 12  # extra characters a found heading may carry around the expected one

_SPACE = re.compile(r"\s+")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s*")


@dataclass(frozen=True)
class Check:
    """One expectation about one document and whether it holds."""

    name: str
    passed: bool
    expected: str = ""
    got: str = ""


def squash(text: str | None) -> str:
    """Text without any whitespace (incl. U+3000 and NBSP), for comparisons."""
    return _SPACE.sub("", text or "")


def _alternatives(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _contains_either_way(expected: str | list[str], got: str | None) -> bool:
    g = squash(got)
    return bool(g) and any(
        (e := squash(alt)) and (e in g or (len(g) >= 2 and g in e))
        for alt in _alternatives(expected)
    )


def heading_key(text: str) -> str:
    """A heading as compared: no leading section number, no whitespace."""
    return squash(_SECTION_NUMBER.sub("", text.strip()))


def heading_matches(expected: str, found: str) -> bool:
    """Whether a found heading is the expected one (see the module docstring)."""
    f = heading_key(found)
    if expected.endswith("…"):
        return f.startswith(heading_key(expected[:-1]))
    e = heading_key(expected)
    slack = max(4, min(HEADING_SLACK, len(e)))  # short headings may not swallow a sentence
    return bool(e) and e in f and len(f) - len(e) <= slack


def _in_order(expected: list[str], found: list[str]) -> list[str]:
    """The expected headings matched in order (a longest common subsequence)."""
    rows = [[0] * (len(found) + 1) for _ in range(len(expected) + 1)]
    for i in range(len(expected) - 1, -1, -1):
        for j in range(len(found) - 1, -1, -1):
            if heading_matches(expected[i], found[j]):
                rows[i][j] = rows[i + 1][j + 1] + 1
            else:
                rows[i][j] = max(rows[i + 1][j], rows[i][j + 1])
    matched, i, j = [], 0, 0
    while i < len(expected) and j < len(found):
        if heading_matches(expected[i], found[j]) and rows[i][j] == rows[i + 1][j + 1] + 1:
            matched.append(expected[i])
            i, j = i + 1, j + 1
        elif rows[i + 1][j] >= rows[i][j + 1]:
            i += 1
        else:
            j += 1
    return matched


def found_headings(document: Document) -> list[str]:
    return [s.heading for s in document.sections if s.heading]


def _short(items: list[str], limit: int = 6) -> str:
    shown = " | ".join(items[:limit])
    return shown + (f" | … (+{len(items) - limit})" if len(items) > limit else "")


def _heading_checks(document: Document, exp: dict[str, Any]) -> list[Check]:
    expected: list[str] = exp.get("headings", [])
    found = found_headings(document)
    checks = []
    if expected:
        matched = _in_order(expected, found)
        missing = [h for h in expected if h not in matched]
        ratio = len(matched) / len(expected)
        checks.append(
            Check(
                "headings",
                ratio >= HEADING_RECALL,
                f"≥{HEADING_RECALL:.0%} of {len(expected)} in order",
                f"{len(matched)}/{len(expected)}; missing: {_short(missing)}",
            )
        )
    allowed = expected + exp.get("allowed_headings", [])
    pattern = exp.get("allowed_heading_pattern")
    junk = [
        h
        for h in found
        if not any(heading_matches(a, h) for a in allowed)
        and not (pattern and re.search(pattern, h.strip()))
    ]
    want = "only real ones" if allowed else "none"
    checks.append(Check("no_junk_headings", not junk, want, f"{len(junk)} junk: {_short(junk)}"))
    return checks


def _meta_checks(document: Document, exp: dict[str, Any]) -> list[Check]:
    checks = []
    if "title" in exp:
        got = document.title or ""
        checks.append(Check("title", squash(got) == squash(exp["title"]), exp["title"], got))
    if "date" in exp:
        got = document.meta.date or ""
        dates = _alternatives(exp["date"])
        ok = any(got.startswith(d) for d in dates)
        checks.append(Check("date", ok, " / ".join(dates), got))
    for name in ("source", "author"):
        if name in exp:
            got = getattr(document.meta, name) or ""
            want = " / ".join(_alternatives(exp[name]))
            checks.append(Check(name, _contains_either_way(exp[name], got), want, got))
    return checks


def _body_checks(document: Document, exp: dict[str, Any]) -> list[Check]:
    body = squash(document.body_text)
    checks = []
    for text in exp.get("body_includes", []):
        present = squash(text) in body
        checks.append(Check(f"has:{text[:6]}", present, text, _presence(present)))
    for text in exp.get("body_excludes", []):
        present = squash(text) in body
        checks.append(Check(f"no:{text[:6]}", not present, f"not {text}", _presence(present)))
    if "min_paragraphs" in exp:
        count = sum(1 for _ in document.paragraphs())
        least = exp["min_paragraphs"]
        checks.append(Check("paragraphs", count >= least, f"≥{least}", str(count)))
    return checks


def _presence(present: bool) -> str:
    return "present" if present else "absent"


def evaluate(document: Document, expectation: dict[str, Any]) -> list[Check]:
    """All checks of one document against its expectation."""
    return (
        _meta_checks(document, expectation)
        + _heading_checks(document, expectation)
        + _body_checks(document, expectation)
    )


def check_names(expectation: dict[str, Any]) -> list[str]:
    """The checks an expectation defines, for counting a document that failed to load."""
    empty = Document(None, Meta(), ())
    return [c.name for c in evaluate(empty, expectation)]


def load_expectations(path: Path = EXPECTED) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["documents"]


def manifest_kinds(corpus: Path) -> dict[str, str]:
    """File name → kind letter, from the corpus MANIFEST."""
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row["kind"] for row in csv.DictReader(handle, delimiter="\t")}


@dataclass
class Result:
    """The checks of one document (``error`` set when it did not load)."""

    file: str
    kind: str
    checks: list[Check]
    error: str | None = None

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)


def run_document(path: Path, kind: str, expectation: dict[str, Any]) -> Result:
    """Load one file with zhreader's loader and evaluate it; a failure fails every check."""
    try:
        document = load_path(path)
    except ArticleError as exc:
        error = str(exc)
    except Exception as exc:  # a crash is a finding, not a stop
        error = f"{type(exc).__name__}: {exc}".splitlines()[0]
    else:
        return Result(path.name, kind, evaluate(document, expectation))
    failed = [Check(name, False, "", "not loaded") for name in check_names(expectation)]
    return Result(path.name, kind, failed, error)


def run_corpus(corpus: Path = DEFAULT_CORPUS, expected: Path = EXPECTED) -> list[Result]:
    """Every MANIFEST document that has expectations, in file-name order.

    A listed file that is missing fails its checks like any file that does not load.
    """
    expectations = load_expectations(expected)
    kinds = manifest_kinds(corpus)
    return [
        run_document(corpus / name, kind, expectations[name])
        for name, kind in sorted(kinds.items())
        if name in expectations
    ]


def uncovered(corpus: Path = DEFAULT_CORPUS, expected: Path = EXPECTED) -> list[str]:
    """MANIFEST documents without expectations (not measured)."""
    expectations = load_expectations(expected)
    return sorted(set(manifest_kinds(corpus)) - set(expectations))


def totals(results: list[Result]) -> dict[str, tuple[int, int]]:
    """(passed, checks) per kind and under ``"TOTAL"``."""
    out: dict[str, tuple[int, int]] = {}
    for r in results:
        for key in (r.kind, "TOTAL"):
            p, n = out.get(key, (0, 0))
            out[key] = (p + r.passed, n + len(r.checks))
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == "TOTAL", kv[0])))


def fraction(results: list[Result]) -> float:
    p, n = totals(results).get("TOTAL", (0, 0))
    return p / n if n else 0.0


def _report_lines(results: list[Result]) -> list[str]:
    width = max((len(r.file) for r in results), default=10) + 2
    lines = []
    for r in results:
        marks = " ".join(f"{c.name}{'✓' if c.passed else '✗'}" for c in r.checks)
        lines.append(f"{r.file:<{width}}{r.passed}/{len(r.checks)}  {marks}")
        if r.error:
            lines.append(f"    load failed: {r.error}")
        lines += [
            f"    {c.name}: expected {c.expected!r}, got {c.got!r}"
            for c in r.checks
            if not c.passed
        ]
    lines.append("")
    for key, (p, n) in totals(results).items():
        label = key if key == "TOTAL" else f"kind {key}"
        lines.append(f"{label:<8}{p}/{n}  ({100 * p / n:.1f} %)" if n else f"{label} 0/0")
    return lines


def _as_json(results: list[Result]) -> str:
    payload = {
        "documents": [
            {
                "file": r.file,
                "kind": r.kind,
                "error": r.error,
                "passed": r.passed,
                "checks": [asdict(c) for c in r.checks],
            }
            for r in results
        ],
        "totals": {k: {"passed": p, "checks": n} for k, (p, n) in totals(results).items()},
        "fraction": fraction(results),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").exists():
        print(f"{args.corpus}: no MANIFEST.tsv, not the realworld corpus", file=sys.stderr)
        return 2
    results = run_corpus(args.corpus)
    for name in uncovered(args.corpus):
        print(f"{name}: no expectations, not measured", file=sys.stderr)
    print(_as_json(results) if args.json else "\n".join(_report_lines(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
