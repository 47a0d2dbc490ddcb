"""The real command in a real (pseudo) terminal: piped article in, keys from the terminal."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import SAMPLES
from .terminal import read_until, start_in_terminal


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_piped_article_opens_the_reader_and_q_quits() -> None:
    process, master = start_in_terminal([], stdin=subprocess.PIPE)
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
