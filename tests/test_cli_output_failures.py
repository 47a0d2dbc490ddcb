"""Standard output that cannot be written, and no terminal for the reader: one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

NEWS = str(SAMPLES / "01_news_scraped.txt")
COMMANDS = [["outline", NEWS], ["summary", NEWS], ["summary", "--json", NEWS], ["export", NEWS]]


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0] + ("-json" if "--json" in a else ""))
def test_a_full_disk_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(args, stdout=full)
    assert result.returncode == 1
    assert result.stderr == b"zhreader: cannot write to standard output (No space left on device)\n"


def test_a_full_disk_during_a_batch_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = run(
            ["summary", "--batch", "-"], stdout=full, input='{"text": "经济发展。"}\n'.encode()
        )
    assert result.returncode == 1 and result.stderr.count(b"\n") == 1
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0] + ("-json" if "--json" in a else ""))
def test_a_closed_stdout_is_one_line(args: list[str]) -> None:
    result = run(args, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert result.stderr == b"zhreader: cannot write to standard output (Bad file descriptor)\n"


def test_a_closed_pipe_is_silence() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "outline", "--json", NEWS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader of the pipe went away before anything was written
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert stderr == b""


def test_export_to_a_file_works_with_stdout_closed(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = run(
        ["export", NEWS, "-o", str(out)], stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1)
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")
def test_no_terminal_at_all_is_one_line_and_exit_2() -> None:
    result = run(
        [NEWS],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert result.returncode == 2
    assert result.stderr.count(b"\n") == 1 and b"no terminal" in result.stderr
    assert result.stdout == b""
