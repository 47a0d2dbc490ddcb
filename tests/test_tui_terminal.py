"""The real command in a real (pseudo) terminal: piped article in, keys from the terminal."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import time

import pytest

from .conftest import SAMPLES


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and wanted not in seen:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_piped_article_opens_the_reader_and_q_quits() -> None:
    master, slave = os.openpty()

    def controlling_terminal() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader"],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=slave,
        preexec_fn=controlling_terminal,
        env=env,
    )
    os.close(slave)
    try:
        assert process.stdin is not None
        process.stdin.write((SAMPLES / "02_essay_traditional.txt").read_bytes())
        process.stdin.close()
        screen = read_until(master, "阿伯".encode(), 60)
        assert "巷口那間舊書店".encode() in screen or "阿伯".encode() in screen
        os.write(master, b"q")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
