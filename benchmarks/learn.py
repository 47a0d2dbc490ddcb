"""Reading aids: time to the first lookup, later lookups, and memory with the data loaded.

Each figure comes from a new process, as a reader starting up would see it:
  - build: converting CC-CEDICT to its SQLite index (the first run on a machine,
    measured in a fresh cache directory);
  - first lookup: from the call that starts the load (``load_dictionary``, what
    the TUI runs in a worker) to the first entry with its parts (target < 0.3 s);
  - later lookups: the mean over the words of a sample article (target < 5 ms);
  - readings: importing pypinyin and reading a first sentence; HSK levels: the list;
  - memory: resident set growth once the dictionary, pypinyin and the HSK list are
    loaded and a few hundred lookups done (target +≤ 80 MiB);
  - readings of the whole sample as ``p`` computes them, and the library's count of
    the sample's words above HSK 4 (segmenter loaded), per article.

    python benchmarks/learn.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_articles" / "01_news_scraped.txt"

CHILD = r"""
import json, sys, time

def rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

from reader.learn import dictionary, levels, pinyin
from reader.learn.pinyin import segmented
words = [w for w in segmented(open(sys.argv[1], encoding="utf-8").read()) if pinyin.has_han(w)]
base = rss_mib()
t0 = time.perf_counter()
d = dictionary.load_dictionary()
entry = d.lookup("银行")
first = time.perf_counter() - t0
t1 = time.perf_counter()
for w in words:
    d.lookup(w)
later = (time.perf_counter() - t1) / len(words)
t2 = time.perf_counter()
pinyin.char_readings("我去银行取钱，他在路上行走。")
readings = time.perf_counter() - t2
t3 = time.perf_counter()
levels.load_levels()
hsk = time.perf_counter() - t3
growth = rss_mib() - base
all_words = segmented(open(sys.argv[1], encoding="utf-8").read())
t4 = time.perf_counter()
pinyin.word_readings(all_words)
sample_readings = time.perf_counter() - t4
from reader.ingest.loading import load_path
from reader.learn.vocab import count_unknown
import pathlib
document = load_path(sys.argv[1])
other = next(p for p in sorted(pathlib.Path(sys.argv[1]).parent.glob("*.txt")) if p.name != pathlib.Path(sys.argv[1]).name)
count_unknown(load_path(other), 4)  # the segmenter's model loaded (on another text: segment() caches)
t5 = time.perf_counter()
count_unknown(document, 4)
count = time.perf_counter() - t5
print(json.dumps({"first_lookup_s": first, "later_lookup_ms": later * 1000, "lookups": len(words),
                  "readings_load_s": readings, "hsk_load_s": hsk, "rss_growth_mib": growth,
                  "sample_readings_ms": sample_readings * 1000, "count_unknown_ms": count * 1000}))
"""

BUILD = r"""
import time
from reader.learn import dictionary
t0 = time.perf_counter()
dictionary.load_dictionary()
print(time.perf_counter() - t0)
"""


def run(code: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    return result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        build = float(run(BUILD, {"ZHREADER_CACHE_DIR": cache}))
    print(f"build (first run on a machine):  {build:.2f} s")
    run(BUILD)  # the user's cache is built before the timed runs
    runs = [json.loads(run(CHILD)) for _ in range(args.repeat)]
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    worst = {k: max(r[k] for r in runs) for k in runs[0]}
    print(
        f"first lookup after load start:   {best['first_lookup_s'] * 1000:.1f} ms"
        f" (worst {worst['first_lookup_s'] * 1000:.1f}; target < 300)"
    )
    print(
        f"later lookups (with parts):      {best['later_lookup_ms']:.3f} ms"
        f" (worst {worst['later_lookup_ms']:.3f}; {runs[0]['lookups']} words; target < 5)"
    )
    print(f"readings (pypinyin) first use:   {best['readings_load_s'] * 1000:.0f} ms")
    print(f"HSK list load:                   {best['hsk_load_s'] * 1000:.0f} ms")
    print(f"memory growth, all data loaded:  {worst['rss_growth_mib']:.1f} MiB (target ≤ 80)")
    print(
        f"readings of the sample (p):      {best['sample_readings_ms']:.0f} ms"
        f" ({len(SAMPLE.read_text(encoding='utf-8'))} characters, heteronym rules included)"
    )
    print(
        f"library column, one sample:      {best['count_unknown_ms']:.0f} ms"
        " (words above HSK 4, segmenter loaded)"
    )


if __name__ == "__main__":
    main()
