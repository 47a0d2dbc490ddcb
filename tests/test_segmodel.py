"""The segmentation cache: keyed by content, one copy kept, and a first run that says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.nlp.segmodel import (
    FIRST_RUN_NOTICE,
    cache_path,
    load_model,
    remove_stale,
    source_digest,
    write_cache,
)

ROOT = Path(__file__).resolve().parent.parent


def test_the_key_follows_the_content_not_the_mtime(tmp_path: Path) -> None:
    model_file = tmp_path / "seg.marshal.3"
    model_file.write_bytes(b"the same bytes")
    before = cache_path(model_file)
    os.utime(model_file, ns=(1_000_000_000, 1_000_000_000))  # a reinstall: new mtime
    assert cache_path(model_file) == before
    copy = tmp_path / "elsewhere.marshal.3"
    copy.write_bytes(b"the same bytes")
    assert source_digest(copy) == source_digest(model_file)
    model_file.write_bytes(b"other bytes!!!")  # same size, new content
    assert cache_path(model_file) != before


def test_writing_a_cache_removes_the_copies_of_other_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_model()  # from the real cache, before the cache moves to tmp_path
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path))
    old = tmp_path / "segmodel-v2-snownlp0.12.3-13086974-1795960798555383633.npz"
    old.write_bytes(b"an earlier install's cache")
    lexicon = tmp_path / "background-df-v1.json"
    lexicon.write_text("{}")
    source = tmp_path / "seg.marshal.3"
    source.write_bytes(b"model")
    path = cache_path(source)
    write_cache(path, model, source_digest(source))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, lexicon.name, source.name]
    )
    assert remove_stale(path) == []


def _summary(cache: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        "ZHREADER_CACHE_DIR": str(cache),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", "summary", "sample_articles/07_bike_lanes.txt"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_the_first_run_says_it_is_preparing_the_model_once(tmp_path: Path) -> None:
    stale = tmp_path / "segmodel-v1-0123456789abcdef.npz"
    stale.write_bytes(b"stale")
    first = _summary(tmp_path)
    assert first.stderr.count(FIRST_RUN_NOTICE) == 1, first.stderr
    assert first.stderr.startswith("zhreader: ")
    assert not stale.exists()
    assert len(list(tmp_path.glob("segmodel-*.npz"))) == 1
    second = _summary(tmp_path)
    assert FIRST_RUN_NOTICE not in second.stderr
    assert second.stdout == first.stdout  # the cache gives the same summary
