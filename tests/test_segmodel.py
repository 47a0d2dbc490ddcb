"""The segmentation cache: keyed by content, one copy kept, and a first run that says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.nlp.segmodel import (
    FIRST_RUN_NOTICE,
    _read,
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
    older = tmp_path / "segmodel-v3-0123456789abcdef0123456789abcdef.bin"
    older.write_bytes(b"another snownlp's cache")
    write_cache(path, model, source_digest(source))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, lexicon.name, source.name, "digests.json"]
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
    assert [p.suffix for p in tmp_path.glob("segmodel-*")] == [".bin"]
    second = _summary(tmp_path)
    assert FIRST_RUN_NOTICE not in second.stderr
    assert second.stdout == first.stdout  # the cache gives the same summary


def test_the_digest_is_remembered_across_processes_and_renewed_on_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path / "cache"))
    model_file = tmp_path / "seg.marshal.3"
    model_file.write_bytes(b"the model")
    first = source_digest(model_file)
    index = tmp_path / "cache" / "digests.json"
    assert first in index.read_text(encoding="utf-8")
    # Another process (no in-process memo) reads the digest from the index: a
    # wrong digest planted there under the file's current stat is believed.
    stat = model_file.stat()
    stamp = [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]
    index.write_text(json.dumps({str(model_file): [*stamp, "planted"]}), encoding="utf-8")
    probe = "from pathlib import Path; import sys\n" + (
        "from reader.nlp.segmodel import source_digest\nprint(source_digest(Path(sys.argv[1])))"
    )
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    }
    ask = [sys.executable, "-c", probe, str(model_file)]
    assert (
        subprocess.run(ask, env=env, capture_output=True, text=True, check=True).stdout.strip()
        == "planted"
    )
    model_file.write_bytes(b"the modem")  # same size, new bytes: a new stat, hashed anew
    assert (
        subprocess.run(ask, env=env, capture_output=True, text=True, check=True).stdout.strip()
        == source_digest(model_file)
        != first
    )


def test_a_damaged_cache_is_refused_so_it_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_model()
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path))
    path = tmp_path / "segmodel-v3-test.bin"
    write_cache(path, model, "0" * 64)
    again = _read(path)
    assert again.chars == model.chars and (again.l1, again.total) == (model.l1, model.total)
    assert (again.tri_keys == model.tri_keys).all() and (again.uni == model.uni).all()
    whole = path.read_bytes()
    for damaged in (whole[:1000], whole[: len(whole) // 2], b"", b"PK\x03\x04 an npz"):
        path.write_bytes(damaged)
        with pytest.raises(ValueError):
            _read(path)
