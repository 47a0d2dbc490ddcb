"""Time from start to the first paint of the article, and to the filled summary pane.

Each run is a new process (caches already built) that starts the reader
headless at 120×40 and notes two moments, measured from interpreter start:
  - first paint: the article is shown and the screen refreshed (ArticleView.first_paint_at);
  - summary: the analysis result is in the pane and the screen refreshed (summary_at).
  - whole article: every block's height is exact (ArticleView.laid_out_at; the view draws
    only the rows on screen and sets the rest in a thread, the article readable meanwhile).
Texts: the seed sample (01_news_scraped.txt) and 36,000- and 150,000-character
People's Daily texts.

    python benchmarks/tui_timing.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import corpus_text

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import time
t0 = time.perf_counter()
import asyncio, json, sys, tempfile, os
os.environ["ZHREADER_DATA_DIR"] = tempfile.mkdtemp()
from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.screens.reader_screen import ReaderScreen

async def main() -> None:
    app = ReaderApp(load_path(sys.argv[1]), sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        while (
            not isinstance(app.screen, ReaderScreen)
            or app.screen.summary_at is None
            or app.screen.article.laid_out_at is None
        ):
            await asyncio.sleep(0.01)
        screen = app.screen
        paint, summary, whole = screen.article.first_paint_at, screen.summary_at, screen.article.laid_out_at
    print(json.dumps({"paint": paint - t0, "summary": summary - t0, "whole": whole - t0}))

asyncio.run(main())
"""


def measure(path: Path, repeat: int) -> tuple[float, float, float]:
    """Best of ``repeat`` runs for each moment."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return tuple(min(r[k] for r in runs) for k in ("paint", "summary", "whole"))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cases = [("seed sample (01, 1.6k chars)", ROOT / "sample_articles" / "01_news_scraped.txt")]
        for size in (36_000, 150_000):
            path = Path(folder) / f"long-{size}.txt"
            path.write_text("长文测试\n\n" + corpus_text(size), encoding="utf-8")
            cases.append((f"People's Daily, {size // 1000}k chars", path))
        print(f"{'text':>30}  first paint s  summary filled s  whole article s")
        for label, path in cases:
            paint, summary, whole = measure(path, args.repeat)
            print(f"{label:>30}  {paint:13.3f}  {summary:16.3f}  {whole:15.3f}")


if __name__ == "__main__":
    main()
