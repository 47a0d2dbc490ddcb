"""The size table of issue #13: huge and pathological inputs through the real CLI.

Each input is generated deterministically into a temporary directory (nothing
is written into the repository) and run as ``python -m reader outline|summary
FILE`` in a new process; wall time and the child's peak resident set size
(``os.wait4``) are compared with the issue's targets. Caches (the segmentation
model) are built once before the first row.

    python benchmarks/sizes.py [--only SUBSTRING] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import build_caches, corpus_lines

MB = 1024 * 1024
_PUNCT = re.compile(r"[^\u4e00-\u9fa5]")


@dataclass(frozen=True)
class Row:
    """One input of the table, the command it goes through and its targets."""

    name: str
    command: str
    suffix: str
    make: Callable[[], str]
    max_seconds: float
    max_mib: float | None


def fill(lines: list[str], size: int, sep: str) -> str:
    """Repeat ``lines`` joined by ``sep`` until ``size`` UTF-8 bytes."""
    out: list[str] = []
    total = 0
    while total < size:
        for line in lines:
            out.append(line)
            total += len(line.encode()) + len(sep)
            if total >= size:
                break
    return sep.join(out)


def one_line_no_punctuation() -> str:
    chars = _PUNCT.sub("", "".join(corpus_lines()))
    text = (chars * (5 * MB // (3 * len(chars)) + 1))[: 5 * MB // 3]
    return text + "\n"


def short_lines() -> str:
    chars = _PUNCT.sub("", "".join(corpus_lines()))
    return "\n".join(chars[i * 5 : i * 5 + 5] for i in range(200_000)) + "\n"


def repeated_character() -> str:
    return "好" * (MB // 3) + "\n"


def many_tags() -> str:
    body = "<div><span>五个汉字</span></div>\n" * 100_000
    return f"<html><head><title>标签</title></head><body>{body}</body></html>\n"


def normal_article() -> str:
    return "标题\n\n" + fill(list(corpus_lines()), 19 * MB, "\n\n") + "\n"


ROWS = [
    Row("5 MB one line, no punct.", "summary", ".txt", one_line_no_punctuation, 10, 600),
    Row("200,000 short lines", "outline", ".txt", short_lines, 3, None),
    Row("1 MB one repeated char", "summary", ".txt", repeated_character, 3, None),
    Row("HTML, 200,000 tags", "outline", ".html", many_tags, 10, None),
    Row("19 MB normal article", "summary", ".txt", normal_article, 20, 600),
]


def run(command: list[str], timeout: float) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS (MiB) and exit status of one child process.

    CPU time (user + system) is printed beside wall time: on a shared machine
    the wall time also counts the time the child waited for a core.
    """
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            cpu = usage.ru_utime + usage.ru_stime
            return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, -9
        time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, child.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run the rows whose name contains this")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="zhreader-sizes-"))
    build_caches()
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores")
    print(
        f"{'input':<26} {'cmd':<8} {'MB':>5} {'wall s':>7} {'cpu s':>7} {'MiB':>6}  {'target':<16} ok"
    )
    failed = 0
    for row in ROWS:
        if args.only.lower() not in row.name.lower():
            continue
        path = folder / f"input{row.suffix}"
        path.write_text(row.make(), encoding="utf-8")
        size = path.stat().st_size / MB
        command = [sys.executable, "-m", "reader", row.command, str(path)]
        seconds, cpu, mib, code = run(command, args.timeout)
        ok = code == 0 and seconds <= row.max_seconds
        ok = ok and (row.max_mib is None or mib <= row.max_mib)
        failed += not ok
        target = f"≤ {row.max_seconds:g} s" + (f", ≤ {row.max_mib:g} MB" if row.max_mib else "")
        note = "" if code == 0 else f" (exit {code})"
        print(
            f"{row.name:<26} {row.command:<8} {size:>5.1f} {seconds:>7.2f} {cpu:>7.2f} {mib:>6.0f}  "
            f"{target:<16} {'✓' if ok else '✗'}{note}",
            flush=True,
        )
        path.unlink()
    folder.rmdir()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
