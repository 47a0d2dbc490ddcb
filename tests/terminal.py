"""Provides what tests of the real command in a pseudo-terminal share: starting it with
the terminal as its controlling one, and reading what it draws."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import time
from typing import IO


def start_in_terminal(
    args: list[str], stdin: int | IO[bytes] | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """``python -m reader ARGS`` on a new 120×40 pseudo-terminal; the process and the
    terminal's own end. stdin is the terminal unless given (``subprocess.PIPE``)."""
    master, slave = os.openpty()

    def controlling_terminal() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=slave if stdin is None else stdin,
        stdout=slave,
        stderr=slave,
        preexec_fn=controlling_terminal,
        env=env,
    )
    os.close(slave)
    return process, master


def read_until(fd: int, wanted: bytes | None, seconds: float) -> bytes:
    """What the terminal shows until ``wanted`` appears (None: for ``seconds``)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (wanted is None or wanted not in seen):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen
