"""``summary --batch`` streams: bounded lines in flight, results in input order, and a
progress line with a rate and an ETA only when stderr is a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.output.batch import CHUNK, WINDOW_PER_WORKER, Progress, summarize_lines

from .conftest import ROOT, load_benchmark, run_cli

POST = "今天早上去了城东新开的地铁站，排队的人特别多，工作人员态度很热情。希望以后越来越好，大家有空可以去看看！"


def _line(n: int) -> str:
    if n % 17 == 0:
        return "{broken"
    return json.dumps({"id": n, "text": POST + "第" + str(n) + "条。"}, ensure_ascii=False)


class Counted:
    """An input that counts how many lines have been taken from it."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.taken = 0

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for n in range(1, self.count + 1):
            self.taken += 1
            yield n, _line(n)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lines_in_flight_are_bounded_and_results_keep_input_order(jobs: int) -> None:
    source = Counted(700)
    bound = jobs * WINDOW_PER_WORKER * CHUNK + CHUNK + 8
    ahead = 0
    ids: list[object] = []
    for k, result in enumerate(summarize_lines(source, 3, 1, "original", jobs), start=1):
        ahead = max(ahead, source.taken - k)
        ids.append(result.get("id") if "error" not in result else ("error", result["line"]))
    assert source.taken == 700
    assert ahead <= bound, (ahead, bound)
    expected = [("error", n) if n % 17 == 0 else n for n in range(1, 701)]
    assert ids == expected


def test_the_pool_gives_the_serial_results() -> None:
    serial = list(summarize_lines(Counted(60), 5, 2, "taiwan", 1))
    pooled = list(summarize_lines(Counted(60), 5, 2, "taiwan", 2))
    assert pooled == serial
    assert serial[0]["schema"] == "zhreader.summary/1"


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_line(n) for n in range(1, 30)), encoding="utf-8")
    result = run_cli("summary", "--batch", str(source), "--jobs", "2")
    assert result.returncode == 0 and result.stderr == b""
    assert len(result.stdout.splitlines()) == 29


def test_progress_on_a_terminal_shows_rate_percent_and_eta(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_line(n) for n in range(1, 40)), encoding="utf-8")
    leader, follower = os.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "reader", "summary", "--batch", str(source), "--jobs", "1"],
            stdout=subprocess.PIPE,
            stderr=follower,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            check=False,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0
    text = shown.decode()
    assert "summarizing: 39 lines" in text and "/s" in text
    assert "100%, ETA 0:00:00" in text


def test_progress_line_rate_and_eta() -> None:
    class Half:
        consumed, total = 500, 1000

    progress = Progress(Half(), io.StringIO())  # type: ignore[arg-type]
    progress.started = 100.0
    progress.done = 40
    line = progress.line(110.0)
    assert line == "summarizing: 40 lines, 4/s, 50%, ETA 0:00:10"


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run_cli("summary", "--batch", str(tmp_path / "none.jsonl"))
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1
    assert b"no such file" in result.stderr


def test_the_benchmark_makes_weibo_like_lines() -> None:
    import random

    bench = load_benchmark("batch_memory")
    rng = random.Random(1)
    lengths = [len(json.loads(bench.weibo_line(rng, n))["text"]) for n in range(200)]
    assert min(lengths) >= 95 and max(lengths) <= 140
    assert 100 <= sum(lengths) / len(lengths) <= 125
