"""Provides ``zhreader summary --batch``: JSONL in, JSONL out in the same order, streamed.

Lines are read, summarized and written as they go: a bounded window of chunks is
in flight across the worker processes, so memory stays flat however long the
input is (a 10 GB file works like a 10 kB one). A malformed line yields an error
object for that line and the batch goes on. Progress (lines, rate, ETA) is drawn
on stderr only when stderr is a terminal, so pipes and logs stay clean.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, Any

from reader.convert import Variant
from reader.errors import ArticleError
from reader.terminal_text import json_dumps

_SURROGATE = re.compile("[\ud800-\udfff]")

CHUNK = 32  # lines per task: amortizes pickling without holding many lines
WINDOW_PER_WORKER = 4  # chunks in flight per worker: keeps every core busy, memory bounded
_SMALL = 8  # an input this short is summarized in-process: no pool to start

Numbered = tuple[int, str]


class _Input:
    """The lines of a file or stdin, with how many bytes were read (for the ETA)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.consumed = 0
        self.total: int | None = None
        if source != "-":
            try:
                if os.path.isdir(source):
                    raise ArticleError(source, "is a directory, not a JSONL file")
                size = os.stat(source).st_size
                self.total = size if size > 0 else None
            except FileNotFoundError:
                raise ArticleError(source, "no such file") from None

    def lines(self) -> Iterator[Numbered]:
        """``(line number in the file, text)`` of every line, blank ones included."""
        if self.source == "-":
            yield from self._read(sys.stdin.buffer)
            return
        try:
            handle = open(self.source, "rb")  # noqa: SIM115
        except FileNotFoundError:
            raise ArticleError(self.source, "no such file") from None
        except IsADirectoryError:
            raise ArticleError(self.source, "is a directory, not a JSONL file") from None
        with handle:
            yield from self._read(handle)

    def _read(self, stream: IO[bytes]) -> Iterator[Numbered]:
        for number, raw in enumerate(stream, start=1):
            self.consumed += len(raw)
            yield number, raw.decode("utf-8", errors="replace")


def process_line(args: tuple[int, str, int, int, str]) -> dict[str, Any]:
    """Summarize one JSONL line; any problem becomes an error object, never an exception."""
    number, line, keyword_limit, sentence_limit, variant = args
    from reader.api import summary_of
    from reader.ingest.loading import load_text

    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        # JSONDecodeError has .msg; the integer digit limit is a plain ValueError,
        # and nesting thousands deep is a RecursionError.
        reason = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        return {"id": None, "line": number, "error": f"malformed JSON: {reason}"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return {
            "id": item.get("id") if isinstance(item, dict) else None,
            "line": number,
            "error": 'each line must be an object with a "text" string',
        }
    item_id = item.get("id")
    try:
        text = _whole_characters(item["text"])
        title = item.get("title")
        if isinstance(title, str) and title.strip():
            text = f"{_whole_characters(title.strip())}\n\n{text}"
        document = load_text(text, f"line {number}", fmt="text")
        result = summary_of(document, keyword_limit, sentence_limit, variant)
    except ArticleError as exc:
        return {"id": item_id, "line": number, "error": exc.problem}
    except RecursionError:
        return {"id": item_id, "line": number, "error": "text nested too deeply to read"}
    return {"id": item_id, **result}


def process_chunk(args: tuple[list[Numbered], int, int, str]) -> list[dict[str, Any]]:
    """One task for a worker: a few lines, so that pickling is not paid per line."""
    lines, keyword_limit, sentence_limit, variant = args
    return [process_line((n, line, keyword_limit, sentence_limit, variant)) for n, line in lines]


def _whole_characters(text: str) -> str:
    """JSON can spell half a character (a lone surrogate such as "\\ud800"), which no
    file could hold and no encoder accepts: it becomes U+FFFD, as undecodable bytes do."""
    return _SURROGATE.sub("\ufffd", text)


def summarize_lines(
    numbered: Iterable[Numbered],
    keyword_limit: int,
    sentence_limit: int,
    variant: str,
    jobs: int | None,
) -> Iterator[dict[str, Any]]:
    """Results of the non-blank lines, in input order, with a bounded number in flight.

    ``numbered`` is consumed lazily: at most ``workers * WINDOW_PER_WORKER * CHUNK``
    lines (and their results) are held at once.
    """
    lines = ((n, line) for n, line in numbered if line.strip())
    workers = jobs or os.cpu_count() or 1
    head = list(itertools.islice(lines, _SMALL))
    if workers == 1 or len(head) < _SMALL:
        for n, line in itertools.chain(head, lines):
            yield process_line((n, line, keyword_limit, sentence_limit, variant))
        return
    chunks = _chunks(itertools.chain(head, lines), CHUNK)
    window = workers * WINDOW_PER_WORKER
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        for chunk in chunks:
            pending.append(
                pool.submit(process_chunk, (chunk, keyword_limit, sentence_limit, variant))
            )
            if len(pending) >= window:
                yield from pending.popleft().result()
            while pending and pending[0].done():  # a slow producer still sees results
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(items: Iterator[Numbered], size: int) -> Iterator[list[Numbered]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def run_batch(
    source: str, keyword_limit: int, sentence_limit: int, variant: Variant, jobs: int | None
) -> None:
    """Summarize the JSONL ``source`` (a file or ``-``) to stdout, one line per input line."""
    input_ = _Input(source)
    progress = Progress(input_) if sys.stderr.isatty() else None
    results = summarize_lines(input_.lines(), keyword_limit, sentence_limit, variant.value, jobs)
    last_flush = time.monotonic()
    try:
        for result in results:
            sys.stdout.write(json_dumps(result) + "\n")
            now = time.monotonic()
            if now - last_flush > 0.2:  # a reader of the pipe sees results as they come
                sys.stdout.flush()
                last_flush = now
            if progress is not None:
                progress.step(now)
        sys.stdout.flush()
    finally:
        if progress is not None:
            progress.close()


class Progress:
    """One line on stderr: lines done, rate, and (for a file) percent and ETA by bytes read."""

    def __init__(self, reader: _Input, stream: IO[str] | None = None) -> None:
        self.reader = reader
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def step(self, now: float) -> None:
        self.done += 1
        if now - self.shown >= 0.25:
            self.shown = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        text = f"summarizing: {self.done:,} lines, {rate:,.0f}/s"
        total = self.reader.total
        if total and self.reader.consumed:
            fraction = min(self.reader.consumed / total, 1.0)
            eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0.0
            text += f", {fraction:.0%}, ETA {_clock(eta)}"
        return text

    def close(self) -> None:
        if self.done:
            self.stream.write("\r" + self.line(time.monotonic()) + "\x1b[K\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
