"""``zhreader outline`` as a user runs it: real processes, stdout, stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SAMPLES, run_cli

run = run_cli


def test_outline_prints_title_meta_and_tree() -> None:
    result = run("outline", str(SAMPLES / "01_news_scraped.txt"))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "东江火炬开发区：老厂房里长出新产业"
    assert "来源：东江日报" in lines[1]
    assert "数字赋能 —— 老工业区跑出转型加速度  [3段]" in lines


def test_outline_json_from_stdin() -> None:
    data = (SAMPLES / "05_rural_delivery_gb18030.txt").read_bytes()
    result = run("outline", "--json", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) >= {"title", "meta", "sections"}
    assert set(doc["meta"]) == {"date", "source", "author", "url"}
    assert doc["meta"]["url"] is None
    first = doc["sections"][0]
    assert first["heading"] is None and first["paragraphs"][0]["text"].startswith("本报讯")
    assert {"heading", "subtitle", "level", "paragraphs"} <= set(first)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "b.bin", b"\x00\x01\x02" * 100), "binary data"),
        (lambda d: _write(d / "e.txt", b"\n \n"), "empty"),
        (lambda d: _write(d / "u.txt", bytes([0x81, 0x30, 0xFF, 0xFF]) * 40), "cannot decode"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    result = run("outline", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"zhreader: {path}: ") and message in err
    assert result.stdout == b""


def test_max_size_option(tmp_path: Path) -> None:
    result = run("outline", "--max-size", "1k", str(SAMPLES / "01_news_scraped.txt"))
    assert result.returncode == 2
    assert b"over the 1 KB limit" in result.stderr
    bad = run("outline", "--max-size", "lots", str(SAMPLES / "01_news_scraped.txt"))
    assert bad.returncode == 2 and b"not a size" in bad.stderr


def test_help_teaches() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"outline" in result.stdout and b"GB18030" in result.stdout
    sub = run("outline", "--help")
    assert b"--json" in sub.stdout and b"Examples" in sub.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
