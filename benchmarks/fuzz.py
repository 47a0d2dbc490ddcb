"""Feed many short random articles through load → structure → analysis → every output.

    python benchmarks/fuzz.py [--count 100000] [--seed 13] [--jobs 2]

Each input is built from a seeded random generator (no Hypothesis, so a run is
cheap and repeatable): Chinese text and punctuation, heading and list
markers, Markdown and HTML fragments, Rich markup, escape sequences, C1,
bidi and zero-width characters, raw undecodable bytes. It is loaded as
text, Markdown or HTML (by its name), analysed, and rendered every way the
CLI renders a document: outline text and JSON, summary text (plain, bold,
by section) and JSON, and the Markdown export with a note on it.

Counted as unexpected: any exception other than ArticleError (the one error
bad input should give), and any output meant for a terminal that still holds
a control, bidi or zero-width character. The script prints the counts and
the first few failures with the seed that reproduces each; it exits 1 if
any was found.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Text a terminal must never receive: C0 except \t \n, DEL, C1, bidi, zero-width, BOM.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

HANZI = "经济发展城市产业工厂订单明年开发区新老厂房里长出的了是在有和与一二三四五國際發展臺灣"
PUNCTUATION = "，。、；：？！“”「」『』（）《》—…·"
PIECES = [
    "\n",
    "\n\n",
    "一、",
    "二、",
    "（一）",
    "第一章 ",
    "# ",
    "## ",
    "### ",
    "- ",
    "1. ",
    "> ",
    "```",
    "|",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<p>",
    "</p>",
    "<br>",
    "<title>",
    "</title>",
    "<html>",
    "<body>",
    "<article>",
    "<script>",
    "&amp;",
    "&#x1b;",
    "&#0;",
    "[/]",
    "[bold red]",
    "[@click=app.quit]",
    "\\[",
    "[b]",
    "\x1b]52;c;aGk=\x07",
    "\x1b]0;t\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x9d",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\x00",
    "\r",
    "\t",
    "\x7f",
    "来源：新华社",
    "日期：2024年1月2日",
    "作者：张三",
    "责任编辑：李四",
    "分享到：",
    "http://example.com/a?b=1",
    "3.5亿",
    "COVID-19",
    "😀",
    "\U0001f468\u200d\U0001f469",
]
NAMES = ["a.txt", "a.md", "a.html", "a", "-"]


def make_input(rng: random.Random) -> tuple[str, bytes | str]:
    """A short random article: a file name (which picks the format) and its text or bytes."""
    parts: list[str] = []
    for _ in range(rng.randint(0, 30)):
        roll = rng.random()
        if roll < 0.45:
            parts.append("".join(rng.choice(HANZI) for _ in range(rng.randint(1, 12))))
        elif roll < 0.6:
            parts.append(rng.choice(PUNCTUATION))
        elif roll < 0.95:
            parts.append(rng.choice(PIECES))
        else:
            parts.append(chr(rng.randint(0, 0x2FFF)))
    text = "".join(parts)
    name = rng.choice(NAMES)
    roll = rng.random()
    if roll < 0.1:
        return name, bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 80)))
    if roll < 0.2:
        return name, text.encode(rng.choice(["gb18030", "big5", "utf-16"]), errors="ignore")
    if roll < 0.3:
        return name, text.encode("utf-8", errors="replace")
    return name, text


def exercise(name: str, data: bytes | str, rng: random.Random) -> None:
    """Load, analyse and render one input every way; ArticleError is the expected failure.

    Raises AssertionError when an output meant for a terminal is unsafe, and
    whatever else goes wrong (that is the bug being looked for)."""
    from reader.convert import Variant
    from reader.ingest.loading import load_bytes, load_text
    from reader.model import Location
    from reader.nlp.analysis import analyze, summary_dict
    from reader.notes.anchors import Placement, anchor_for
    from reader.notes.notebook import PlacedNote
    from reader.notes.store import Note
    from reader.output.export import export_markdown
    from reader.output.outline_text import outline_lines
    from reader.output.summary_text import summary_lines
    from reader.terminal_text import json_dumps

    document = load_bytes(data, name) if isinstance(data, bytes) else load_text(data, name)
    analysis = analyze(document, rng.randint(0, 12), rng.randint(0, 6))
    variant = rng.choice(list(Variant))
    placed = []
    for si, pi, paragraph in document.paragraphs():
        if paragraph.text:
            end = rng.randint(1, len(paragraph.text))
            anchor = anchor_for(document, Location(si, pi, rng.randint(0, end - 1), end))
            note = Note(1, "highlight", anchor, "批注[/]\x1b]52;c;YQ==\x07", "2024-01-01")
            placed.append(PlacedNote(note, Placement.EXACT))
            break
    terminal = [*outline_lines(document), json_dumps(document.to_dict(), indent=2)]
    result = summary_dict(document, analysis, variant)
    terminal.append(json_dumps(result, indent=2))
    terminal += summary_lines(result, color=False, by_section=True)
    terminal += [
        line.replace("\x1b[1m", "").replace("\x1b[0m", "")
        for line in summary_lines(result, color=True)
    ]
    terminal.append(export_markdown(document, analysis, placed, variant, name))
    for text in terminal:
        text.encode("utf-8")  # a lone surrogate would fail here, as it would on stdout
        found = UNSAFE.search(text)
        assert found is None, f"{found[0]!r} reaches the terminal in {text[:80]!r}"


def run_one(seed: int) -> tuple[str, str] | None:
    """One seeded input; a failure comes back as (kind, detail with the seed)."""
    from reader.errors import ArticleError

    rng = random.Random(seed)
    name, data = make_input(rng)
    try:
        exercise(name, data, rng)
    except ArticleError:
        return None
    except AssertionError as exc:
        return "unsafe output", f"seed {seed}: {exc}"
    except Exception:  # counting exactly these is the point
        return "exception", f"seed {seed}:\n{traceback.format_exc(limit=-4)}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    seeds = range(options.seed * 10_000_000, options.seed * 10_000_000 + options.count)
    started = time.perf_counter()
    failures: dict[str, list[str]] = {}
    with Pool(options.jobs) as pool:
        for done, failure in enumerate(pool.imap_unordered(run_one, seeds, chunksize=200), 1):
            if failure is not None:
                failures.setdefault(failure[0], []).append(failure[1])
            if done % 10_000 == 0:
                print(f"  {done:,} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    exceptions = len(failures.get("exception", []))
    unsafe = len(failures.get("unsafe output", []))
    print(f"inputs: {options.count:,}  time: {elapsed:.0f} s  jobs: {options.jobs}")
    print(f"unexpected exceptions: {exceptions}")
    print(f"unsafe outputs: {unsafe}")
    for kind, details in failures.items():
        print(f"\n{kind}, first of {len(details)}:")
        for detail in details[:3]:
            print(detail)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
