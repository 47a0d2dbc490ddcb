"""``summary --batch --scheduler``: a batch on a real Dask cluster (a LocalCluster with two
worker processes started here) gives the single-process results, file by file, in order,
failed items included; and without ``--scheduler`` nothing of Dask is imported."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.output.batch import summarize_lines

from .conftest import ROOT, run_cli

HAVE_DASK = importlib.util.find_spec("distributed") is not None
HAVE_PYARROW = importlib.util.find_spec("pyarrow") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="dask.distributed is not installed (pip install 'zhreader[dask]')"
)

TEXTS = [
    "城东新开的地铁站排队的人特别多，工作人员态度很热情。希望以后越来越好！",
    "江边的自行车道晚上灯光特别漂亮。周末人太多了，要早点去，停车位还是不够用。",
    "老街的早餐店价格比去年便宜了不少。大家有空可以去看看，真心推荐给朋友们。",
    "社區的籃球比賽終於開始了，球員和觀眾都很投入。這種變化值得點讚。",
]


def _jsonl_files(folder: Path) -> list[Path]:
    """Three JSONL files with good items, blank lines and broken ones."""
    files = []
    for k in range(3):
        lines = [
            json.dumps({"id": f"{k}-{n}", "text": t}, ensure_ascii=False)
            for n, t in enumerate(TEXTS)
        ]
        lines.insert(1, "")
        lines.insert(3, "{not json" if k != 1 else '{"id": "no-text"}')
        path = folder / f"in-{k}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _serial(path: Path) -> list[dict]:
    """The single-process batch on one file: what each partition must equal."""
    with path.open(encoding="utf-8") as handle:
        return list(summarize_lines(enumerate(handle, start=1), 10, 5, "taiwan", jobs=1))


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """A LocalCluster of two worker processes; they import zhreader from this checkout."""
    if not HAVE_DASK:
        pytest.skip("dask.distributed is not installed (pip install 'zhreader[dask]')")
    from distributed import LocalCluster

    path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), path) if p)
    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield local
    finally:
        local.close()
        os.environ["PYTHONPATH"] = path


def test_without_a_scheduler_nothing_of_dask_is_imported(tmp_path: Path) -> None:
    (source,) = _jsonl_files(tmp_path)[:1]
    code = (
        "import sys\n"
        "from reader.cli import cli\n"
        f"cli(['summary', '--batch', {str(source)!r}, '--jobs', '2'], standalone_mode=False)\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow'})\n"
        "sys.stderr.write(repr(loaded))\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()[-500:]
    assert len(result.stdout.splitlines()) == 5  # the batch did run


def test_scheduler_without_out_dir_is_one_line() -> None:
    result = run_cli("summary", "--batch", "x.jsonl", "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and b"--out-dir" in result.stderr
    assert b"Traceback" not in result.stderr


@needs_dask
def test_jsonl_glob_on_a_local_cluster_equals_the_single_process_batch(
    cluster: object, tmp_path: Path
) -> None:
    from reader.output.dask_batch import run_dask_batch

    files = _jsonl_files(tmp_path)
    out = tmp_path / "out"
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    reports = run_dask_batch(str(tmp_path / "in-*.jsonl"), address, out, variant="taiwan")
    assert [Path(r.source) for r in reports] == files
    for report, source in zip(reports, files, strict=True):
        results = _read(Path(report.output))
        assert results == _serial(source)
        assert report.items == 5 and report.errors == sum("error" in r for r in results)
        # Real file line numbers: line 4 is the broken one (a short post on line 1 is
        # its own body, not a title over nothing).
        assert [r["line"] for r in results if "error" in r] == [4]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["output"] for p in manifest["partitions"]] == [r.output for r in reports]
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.json",
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]


@needs_dask
def test_the_cli_and_the_api_run_on_the_cluster(cluster: object, tmp_path: Path) -> None:
    import reader

    files = _jsonl_files(tmp_path)
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    cli_out, api_out = tmp_path / "cli", tmp_path / "api"
    result = run_cli(
        "summary", "--batch", str(tmp_path / "*.jsonl"), "--to", "taiwan",
        "--scheduler", address, "--out-dir", str(cli_out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()[-1000:]
    assert b"wrote 3 partition file(s), 15 item(s), 3 error(s)" in result.stderr
    reports = reader.summarize_batch(
        str(tmp_path / "*.jsonl"), to="taiwan", scheduler=address, out_dir=api_out
    )
    for k, source in enumerate(files):
        name = f"part-{k:05d}.jsonl"
        assert _read(cli_out / name) == _read(api_out / name) == _serial(source)
    assert [r.items for r in reports] == [5, 5, 5]


@needs_dask
@pytest.mark.skipif(not HAVE_PYARROW, reason="pyarrow is not installed (Parquet input)")
def test_parquet_row_groups_are_partitions_in_order(cluster: object, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from reader.output.dask_batch import run_dask_batch

    rows = [{"id": n, "body": TEXTS[n % 4], "title": None} for n in range(9)]
    rows[4]["body"] = None  # a row without text: an error object, never dropped
    rows[6]["title"] = "城市生活"
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "weibo.parquet", row_group_size=4)
    reports = run_dask_batch(
        str(tmp_path / "*.parquet"), cluster.scheduler_address,  # type: ignore[attr-defined]
        tmp_path / "out", text_column="body",
    )  # fmt: skip
    assert [r.row_group for r in reports] == [0, 1, 2]
    produced = [item for r in reports for item in _read(Path(r.output))]
    # The same rows as JSONL through the single-process batch: line n is row n.
    as_jsonl = tmp_path / "rows.jsonl"
    as_jsonl.write_text(
        "\n".join(
            json.dumps(
                {
                    k: v
                    for k, v in {"id": r["id"], "text": r["body"], "title": r["title"]}.items()
                    if v is not None or k == "text"
                },
                ensure_ascii=False,
            )
            for r in rows
        ),
        encoding="utf-8",
    )
    with as_jsonl.open(encoding="utf-8") as handle:
        expected = list(summarize_lines(enumerate(handle, start=1), 10, 5, "original", jobs=1))
    assert produced == expected
    assert produced[4] == {"id": 4, "line": 5, "error": produced[4]["error"]}
    assert len(produced) == 9


def test_without_dask_the_scheduler_option_says_what_to_install(tmp_path: Path) -> None:
    _jsonl_files(tmp_path)
    code = (
        "import sys\n"
        "sys.modules['distributed'] = None  # as if not installed\n"
        f"sys.argv = ['zhreader', 'summary', '--batch', {str(tmp_path / '*.jsonl')!r},"
        f" '--scheduler', 'tcp://127.0.0.1:1', '--out-dir', {str(tmp_path / 'out')!r}]\n"
        "from reader.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 2
    assert b"pip install 'zhreader[dask]'" in result.stderr and b"Traceback" not in result.stderr
