"""The TUI row of the size table (issue #13): the reader on a 5 MB article, key by key.

A generated 5 MB article (People's Daily paragraphs, as in ``sizes.py``) is
opened in a new process, headless at 120×40. Measured there: the time to the
first paint (from interpreter start), then the latency of each key after it
(from the press until the key's effect is on screen: the script changed, the
match found, the readings shown), once while the analysis is still running and
once after, and the process's peak resident set size. Each figure is printed
by the child as soon as it is known, so a run cut by ``--timeout`` (the old
article view took minutes on End) still reports what it got.

    python benchmarks/tui_sizes.py [--mb 5] [--repeat 3] [--timeout 600] [--no-digest] [--first-use]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sizes import MB, fill
from speed import corpus_lines

MAX_KEY_SECONDS = 0.2
MAX_MIB = 800

CHILD = r"""
import time
t0 = time.perf_counter()
import asyncio, json, os, resource, sys, tempfile
os.environ["ZHREADER_DATA_DIR"] = tempfile.mkdtemp()
if "first-use" not in sys.argv[2:]:  # a reader who has used p before: the aids preload
    from reader.notes.store import NoteStore
    store = NoteStore.open()
    store.set_setting("learner", "yes")
    store.close()
from reader.convert import converter
from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.screens.reader_screen import ReaderScreen
from textual import events
from textual.pilot import WaitForScreenTimeout

CHARACTERS = {"slash": "/", "right_square_bracket": "]", "tab": "\t", "enter": "\r",
              "escape": "\x1b", "pagedown": None, "pageup": None, "end": None, "home": None}

if "no-digest" in sys.argv[2:]:  # attribution: the summary pane without its digest
    from reader.tui.widgets.side_panes import SummaryPane
    SummaryPane._show_digest = lambda *args, **kwargs: None

MOVES = [("j", "j"), ("k", "k"), ("PgDn", "pagedown"), ("PgUp", "pageup"),
         ("End", "end"), ("Home", "home")]


def out(**fields):
    print(json.dumps(fields), flush=True)


async def main():
    app = ReaderApp(load_path(sys.argv[1]), sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, ReaderScreen) or app.screen.article.first_paint_at is None:
            await asyncio.sleep(0.01)
        screen = app.screen
        out(event="paint", seconds=screen.article.first_paint_at - t0)

        async def send(name):
            # A key pressed as pilot.press does, without its waits for an idle CPU (up
            # to 2 s a key), which a running analysis never gives; False if the screen
            # did not get through its messages within the pilot's 30 s.
            event = events.Key(name, CHARACTERS.get(name, name if len(name) == 1 else None))
            event.set_sender(app)
            app._driver.send_message(event)
            try:
                await pilot._wait_for_screen()  # the key and what it posted are handled
                await pilot._wait_for_screen()
            except WaitForScreenTimeout:
                return False
            return True

        async def key(phase, name, *keys, until=None):
            start = time.perf_counter()
            late = False
            for k in keys:
                late |= not await send(k)
            while until is not None and not until():
                await asyncio.sleep(0.005)
            screen._on_timer_update()  # and drawn
            out(event="key", phase=phase, key=name, seconds=time.perf_counter() - start,
                late=late, rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

        for name, k in MOVES:
            await key("during analysis", name, k)
        while screen.summary_at is None:
            await asyncio.sleep(0.05)
        out(event="summary", seconds=screen.summary_at - t0)
        for name, k in MOVES:
            await key("after analysis", name, k)
        before, label = screen.model.variant, screen.sub_title
        start = time.perf_counter()
        await key("after analysis", "t (script)", "t", until=lambda: screen.sub_title != label)
        # What the key put on screen is the article in the new script: checked here.
        top = screen.article.top_paragraph()
        wanted = converter(screen.model.wanted, screen.model.traditional)
        text = screen.model.original.sections[top[0]].paragraphs[top[1]].text
        drawn = "".join(screen.article.drawn(*top)).replace(" ", "").lstrip("\u3000")
        if drawn != wanted(text).replace(" ", ""):
            out(event="wrong", what="t: the top paragraph is not shown in the new script")
        while screen.model.variant == before:
            await asyncio.sleep(0.005)
        out(event="converted", seconds=time.perf_counter() - start)
        await send("slash")
        screen.query_one("#search").value = "经济"
        await key("after analysis", "/search", "enter", until=lambda: bool(screen.model.matches))
        await key("after analysis", "n", "n")
        await send("escape")
        await key("after analysis", "Tab", "tab")
        await send("escape")
        await key("after analysis", "]", "right_square_bracket")  # hides the summary pane
        for name, k in [("j", "j"), ("PgDn", "pagedown")]:
            await key("summary pane hidden", name, k)
        await send("right_square_bracket")
        await key("after analysis", "p (readings)", "p",
                  until=lambda: getattr(screen, "_readings", None) is not None)
        for name, k in [("PgDn", "pagedown"), ("End", "end"), ("Home", "home")]:
            await key("readings shown", name, k)
        laid_out = getattr(screen.article, "laid_out_at", None)
        if laid_out is not None:
            out(event="laid out", seconds=laid_out - t0)
    out(event="rss", mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

asyncio.run(main())
"""


def run(path: Path, timeout: float, flags: list[str]) -> tuple[list[dict[str, object]], bool]:
    """The child's reports, and whether it finished within ``timeout``."""
    command = [sys.executable, "-c", CHILD, str(path), *flags]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        stdout, _ = process.communicate(timeout=timeout)
        finished = process.returncode == 0
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, _ = process.communicate()
        finished = False
    reports = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    return reports, finished


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="article size in MB")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for each run")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs, each in a new process: each key's median and slowest are printed "
        "(on a 2-core machine one run's figures vary by a tenth of a second)",
    )
    parser.add_argument(
        "--no-digest",
        action="store_true",
        help="leave out the summary pane's per-section digest (a widget per section), "
        "to see what the rest costs",
    )
    parser.add_argument(
        "--first-use",
        action="store_true",
        help="a reader who has never used the learner's aids: p loads pypinyin and the "
        "dictionary when pressed (by default they are loaded after the analysis, as for "
        "a reader who has used them before)",
    )
    args = parser.parse_args()
    runs: list[list[dict[str, object]]] = []
    finished = True
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        body = fill(list(corpus_lines()), int(args.mb * MB), "\n\n")
        path.write_text("长文测试\n\n" + body + "\n", encoding="utf-8")
        paragraphs = body.count("\n\n") + 1
        flags = ["no-digest"] * args.no_digest + ["first-use"] * args.first_use
        for _ in range(max(1, args.repeat)):
            reports, done = run(path, args.timeout, flags)
            runs.append(reports)
            finished &= done
    without = ", summary pane without its digest" if args.no_digest else ""
    who = "never used the learner's aids" if args.first_use else "has used p before"
    print(f"{args.mb:g} MB article ({paragraphs:,} paragraphs), 120×40, headless{without}")
    print(f"the reader {who}; {len(runs)} run(s), each key's median and slowest")
    print(f"{'':>28}  {'median':>8}  {'slowest':>8}  target (median)")
    labels = {
        "paint": "first paint",
        "summary": "summary filled",
        "converted": "t: every pane converted",
        "laid out": "every block laid out",
    }
    for event, label in labels.items():
        times = [float(r["seconds"]) for reports in runs for r in reports if r["event"] == event]  # type: ignore[arg-type]
        if times:
            print(f"{label:>28}  {median(times):8.3f}  {max(times):8.3f}")
    for reports in runs:
        for report in reports:
            if report["event"] == "wrong":
                print(f"WRONG: {report['what']}")
    order = [(r["key"], r["phase"]) for r in runs[0] if r["event"] == "key"]
    medians = []
    for key, phase in order:
        times = [
            float(r["seconds"])  # type: ignore[arg-type]
            for reports in runs
            for r in reports
            if r["event"] == "key" and (r["key"], r["phase"]) == (key, phase)
        ]
        late = any(r.get("late") for reports in runs for r in reports if r.get("key") == key)
        medians.append(median(times))
        target = f"≤ {MAX_KEY_SECONDS} s {verdict(median(times) <= MAX_KEY_SECONDS)}"
        if late:
            target += " (the pilot gave up waiting: longer still)"
        print(f"{f'{key} ({phase})':>28}  {median(times):8.3f}  {max(times):8.3f}  {target}")
    rss = [float(r[k]) for reports in runs for r in reports for k in ("mib", "rss") if k in r]  # type: ignore[arg-type]
    if rss:  # reported after each key: a run cut short still has the peak so far
        mib = max(rss)
        print(f"{'peak RSS MiB':>28}  {mib:8.0f}  {'':>8}  ≤ {MAX_MIB} {verdict(mib <= MAX_MIB)}")
    print(f"{'slowest key (median)':>28}  {max(medians, default=0.0):8.3f}")
    if not finished:
        print(f"a run was cut after {args.timeout:g} s: the keys not listed did not finish")


if __name__ == "__main__":
    main()
