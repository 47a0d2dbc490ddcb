"""Provides ``zhreader summary --batch``: JSONL in, JSONL out in the same order.

Work is spread over processes (both cores); a malformed line yields an error
object for that line and the batch goes on. A progress bar is drawn on stderr
only when stderr is a terminal, so pipes and logs stay clean.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import IO, Any

import click

from reader.convert import Variant
from reader.errors import ArticleError
from reader.terminal_text import json_dumps

_SURROGATE = re.compile("[\ud800-\udfff]")


def _lines(source: str) -> Iterator[str]:
    if source == "-":
        stream: IO[bytes] = sys.stdin.buffer
        for raw in stream:
            yield raw.decode("utf-8", errors="replace")
        return
    try:
        with open(source, "rb") as handle:
            for raw in handle:
                yield raw.decode("utf-8", errors="replace")
    except FileNotFoundError:
        raise ArticleError(source, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(source, "is a directory, not a JSONL file") from None


def process_line(args: tuple[int, str, int, int, str]) -> dict[str, Any]:
    """Summarize one JSONL line; any problem becomes an error object, never an exception."""
    number, line, keyword_limit, sentence_limit, variant = args
    from reader.ingest.loading import load_text
    from reader.nlp.analysis import analyze, summary_dict

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
        result = summary_dict(
            document, analyze(document, keyword_limit, sentence_limit), Variant(variant)
        )
    except ArticleError as exc:
        return {"id": item_id, "line": number, "error": exc.problem}
    except RecursionError:
        return {"id": item_id, "line": number, "error": "text nested too deeply to read"}
    return {"id": item_id, **result}


def _whole_characters(text: str) -> str:
    """JSON can spell half a character (a lone surrogate such as "\\ud800"), which no
    file could hold and no encoder accepts: it becomes U+FFFD, as undecodable bytes do."""
    return _SURROGATE.sub("\ufffd", text)


def run_batch(
    source: str, keyword_limit: int, sentence_limit: int, variant: Variant, jobs: int | None
) -> None:
    # Numbered before blank lines are dropped: "line" is the line in the file.
    tasks = [
        (n, line, keyword_limit, sentence_limit, variant.value)
        for n, line in enumerate(_lines(source), start=1)
        if line.strip()
    ]
    workers = jobs or os.cpu_count() or 1
    show = sys.stderr.isatty()
    with click.progressbar(
        length=len(tasks), label="summarizing", file=sys.stderr, hidden=not show
    ) as bar:
        if workers == 1 or len(tasks) < 4:
            results: Iterator[dict[str, Any]] = map(process_line, tasks)
            for result in results:
                _emit(result)
                bar.update(1)
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(process_line, tasks, chunksize=4):
                _emit(result)
                bar.update(1)


def _emit(result: dict[str, Any]) -> None:
    sys.stdout.write(json_dumps(result) + "\n")
    sys.stdout.flush()
