"""Provides the start of the interactive reader from the command line.

Loads the article before Textual starts, so a bad file is reported as one
line on stderr; when the article came through a pipe, the terminal is
reopened for the keyboard.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from reader.errors import ArticleError
from reader.ingest.loading import DEFAULT_MAX_SIZE, STDIN_NAME, load_stream
from reader.ingest.sources import load_source, source_label
from reader.model import Document
from reader.terminal_text import one_line


def _reattach_terminal(source: str = STDIN_NAME) -> None:
    """Make fd 0 the terminal, for the keys: after the article was read from a pipe, or
    when stdin was never a terminal (``zhreader FILE </dev/null``). With no terminal
    at all, Textual would wait for keys forever: say so instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        if source == STDIN_NAME:
            problem = "read the article from the pipe, but there is no terminal to show it on"
        else:
            problem = "there is no terminal to show the reader on (stdin is not one)"
        raise ArticleError(
            source, f"{problem}; use 'zhreader outline' or 'zhreader summary'"
        ) from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = sys.__stdin__ = open(0, closefd=False)  # type: ignore[misc]  # noqa: SIM115


def launch(
    article: str | None,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    data_dir: Path | None = None,
    refresh: bool = False,
) -> None:
    """Open the reader on ``article``, on piped input, or on the sample library."""
    document: Document | None = None
    path: str | None = article
    if article == "-" or (article is None and not sys.stdin.isatty()):
        document = load_stream(sys.stdin.buffer, encoding=encoding, max_size=max_size)
        path = None
        _reattach_terminal()
    elif article is not None:
        document = load_source(
            article,
            encoding=encoding,
            max_size=max_size,
            data_dir=data_dir,
            refresh=refresh,
            notify=lambda message: print(f"zhreader: {one_line(message)}", file=sys.stderr),
        )
        path = source_label(article)
        if not sys.stdin.isatty():
            _reattach_terminal(article)
    from reader.tui.app import ReaderApp

    app = ReaderApp(document=document, path=path, data_dir=data_dir)
    app.run()
    _leave_without_waiting_for_analysis(app.return_code or 0)


def _leave_without_waiting_for_analysis(code: int) -> None:
    """Exit now if an analysis thread is still busy (say, building the segmentation model
    on a first run): the reader is closed, notes are committed as they are made, and the
    interpreter would otherwise wait for a result nobody will see."""
    busy = [t for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
    if busy:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
