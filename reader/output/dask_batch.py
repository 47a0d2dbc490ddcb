"""Provides ``zhreader summary --batch IN --scheduler ADDRESS``: a batch on a Dask cluster.

The input is split into partitions (each JSONL file of a glob; each row group of a
Parquet file). Every partition is one task: the worker reads it itself, summarizes
each item exactly as the single-process batch does (``process_line``), and writes
``part-NNNNN.jsonl`` into the output directory, in input order, failed items as
error objects. Only small reports travel back to the client, so neither the client
nor the scheduler holds the articles. Workers must see the input and output paths
(a shared filesystem) and have zhreader installed.

Dask (``zhreader[dask]``) is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader.errors import ArticleError

PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: a JSONL file, or one row group of a Parquet file."""

    index: int
    path: str
    row_group: int | None = None  # Parquet only
    first_row: int = 1  # Parquet: the file row number of the group's first row


@dataclass(frozen=True)
class PartitionReport:
    """What a worker did with a partition: where it wrote, how many items, how many failed."""

    index: int
    source: str
    row_group: int | None
    output: str
    items: int
    errors: int


def find_partitions(pattern: str, text_column: str = "text") -> list[Partition]:
    """The partitions of every file the glob ``pattern`` matches, in sorted file order."""
    paths = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
    paths = [p for p in paths if os.path.isfile(p)]
    if not paths:
        raise ArticleError(pattern, "no input files match")
    partitions: list[Partition] = []
    for path in paths:
        if path.lower().endswith(PARQUET_SUFFIXES):
            for group, first in _row_groups(path, text_column):
                partitions.append(Partition(len(partitions), path, group, first))
        else:
            partitions.append(Partition(len(partitions), path))
    return partitions


def _row_groups(path: str, text_column: str) -> Iterator[tuple[int, int]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ArticleError(
            path, "Parquet input needs pyarrow: pip install 'zhreader[dask]'"
        ) from None
    try:
        metadata = pq.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow raises its own ArrowInvalid, OSError …
        raise ArticleError(path, f"not a readable Parquet file ({exc})") from None
    if text_column not in metadata.schema.names:
        raise ArticleError(path, f"has no column {text_column!r}")
    first = 1
    for group in range(metadata.num_row_groups):
        yield group, first
        first += metadata.row_group(group).num_rows


def partition_lines(partition: Partition, text_column: str = "text") -> Iterator[tuple[int, str]]:
    """``(line or row number, JSON line)`` of a partition, read where the task runs."""
    if partition.row_group is None:
        with open(partition.path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                yield number, raw.decode("utf-8", errors="replace")
        return
    import pyarrow.parquet as pq

    table = pq.ParquetFile(partition.path).read_row_group(partition.row_group)
    rows = table.to_pylist()
    for offset, row in enumerate(rows):
        item = {"text": row.get(text_column)}
        for key in ("id", "title"):
            if row.get(key) is not None:
                item[key] = row[key]
        yield partition.first_row + offset, json.dumps(item, ensure_ascii=False, default=str)


def summarize_partition(
    partition: Partition,
    out_dir: str,
    keyword_limit: int,
    sentence_limit: int,
    variant: str,
    text_column: str = "text",
) -> PartitionReport:
    """The task a worker runs: summarize one partition into ``out_dir/part-NNNNN.jsonl``.

    The file is written under a temporary name and renamed when complete, so a
    retried or killed task never leaves half a partition behind a final name.
    """
    from reader.output.batch import process_line
    from reader.terminal_text import json_dumps

    target = Path(out_dir) / f"part-{partition.index:05d}.jsonl"
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    items = errors = 0
    with partial.open("w", encoding="utf-8") as out:
        for number, line in partition_lines(partition, text_column):
            if not line.strip():
                continue
            result = process_line((number, line, keyword_limit, sentence_limit, variant))
            items += 1
            errors += "error" in result
            out.write(json_dumps(result) + "\n")
    partial.replace(target)
    return PartitionReport(
        partition.index, partition.path, partition.row_group, str(target), items, errors
    )


def run_dask_batch(
    pattern: str,
    scheduler: Any,
    out_dir: str | os.PathLike[str],
    keyword_limit: int = 10,
    sentence_limit: int = 5,
    variant: str = "original",
    text_column: str = "text",
    on_report: Callable[[PartitionReport, int], None] | None = None,
) -> list[PartitionReport]:
    """Run the batch on the Dask cluster at ``scheduler`` (an address, or a ``Client``).

    Writes one file per partition and ``manifest.json`` (partition → source file, row
    group, items, errors) into ``out_dir``; returns the reports in partition order.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ArticleError("--scheduler", "needs Dask: pip install 'zhreader[dask]'") from None
    partitions = find_partitions(pattern, text_column)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArticleError(
            str(folder), f"cannot create the output directory ({exc.strerror})"
        ) from None
    owned = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout=30) if owned else scheduler
    except (OSError, TimeoutError) as exc:
        raise ArticleError(str(scheduler), f"cannot reach the Dask scheduler ({exc})") from None
    try:
        futures = [
            client.submit(
                summarize_partition,
                p,
                str(folder.resolve()),
                keyword_limit,
                sentence_limit,
                variant,
                text_column,
                key=f"zhreader-part-{p.index:05d}-{time.time_ns()}",
                pure=False,
            )
            for p in partitions
        ]
        reports: dict[int, PartitionReport] = {}
        for future in as_completed(futures):
            try:
                report = future.result()
            except Exception as exc:  # the task itself failed (items fail into their file)
                raise ArticleError(
                    "--scheduler", f"a partition failed on the cluster: {type(exc).__name__}: {exc}"
                ) from None
            reports[report.index] = report
            if on_report is not None:
                on_report(report, len(partitions))
    finally:
        if owned:
            client.close()
    ordered = [reports[p.index] for p in partitions]
    manifest = {"partitions": [asdict(r) for r in ordered]}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    return ordered


def progress_printer(started: float) -> Callable[[PartitionReport, int], None]:
    """A progress line on stderr (a terminal only): partitions done, items/s, ETA."""
    done = {"partitions": 0, "items": 0}

    def show(report: PartitionReport, total: int) -> None:
        done["partitions"] += 1
        done["items"] += report.items
        elapsed = max(time.monotonic() - started, 1e-6)
        left = elapsed / done["partitions"] * (total - done["partitions"])
        sys.stderr.write(
            f"\rsummarizing on Dask: {done['partitions']}/{total} partitions, "
            f"{done['items']:,} items, {done['items'] / elapsed:,.0f}/s, ETA {int(left)} s\x1b[K"
        )
        if done["partitions"] == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
