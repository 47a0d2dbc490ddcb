"""A data directory that is wrong or read-only: one line and exit 2, or reading that still works."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import SAMPLES, run_cli
from .test_cli_export import add_notes

NEWS = SAMPLES / "01_news_scraped.txt"


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result
    assert result.stderr.count(b"\n") == 1, result.stderr
    assert b"Usage:" not in result.stderr
    return result.stderr.decode()


@pytest.mark.parametrize("args", [["notes"], ["notes", str(NEWS)], ["export", str(NEWS)]])
def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path, args: list[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert "is not a directory" in one_line_error(run_cli(*args, "--data-dir", str(blocker)))


@pytest.mark.parametrize("args", [["notes"], ["notes", str(NEWS)], ["export", str(NEWS)]])
def test_a_data_dir_that_cannot_be_created_is_one_line(tmp_path: Path, args: list[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    message = one_line_error(run_cli(*args, "--data-dir", str(blocker / "data")))
    assert "cannot create the data directory" in message


def test_an_empty_notes_file_is_reported(private_data_dir: Path) -> None:
    private_data_dir.mkdir(parents=True)
    (private_data_dir / "notes.db").write_bytes(b"")
    for args in (["notes"], ["notes", str(NEWS)], ["export", str(NEWS)]):
        assert "is empty (0 bytes)" in one_line_error(run_cli(*args))


def test_a_missing_data_dir_is_simply_no_notes(tmp_path: Path) -> None:
    result = run_cli("notes", "--data-dir", str(tmp_path / "not-yet"))
    assert result.returncode == 0 and result.stderr == b"no notes yet\n"


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable: the immutable flag as root (who ignores modes), else 0555."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root without chattr +i: cannot make a directory read-only")
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_notes_can_be_read_from_a_read_only_data_dir(private_data_dir: Path) -> None:
    quotes = add_notes(private_data_dir, NEWS)
    with read_only(private_data_dir):
        listing = run_cli("notes")
        assert listing.returncode == 0, listing.stderr
        assert "2 条".encode() in listing.stdout
        shown = run_cli("notes", str(NEWS))
        assert shown.returncode == 0, shown.stderr
        assert all(q.encode() in shown.stdout for q in quotes)
        exported = run_cli("export", str(NEWS))
        assert exported.returncode == 0 and quotes[0].encode() in exported.stdout
        assert sorted(p.name for p in private_data_dir.iterdir()) == ["notes.db"]
