"""Where ``zhreader export -o`` may write: a regular file or nothing, never a clobber."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.errors import ArticleError
from reader.output.export import write_atomic

from .conftest import SAMPLES, run_cli

NEWS = str(SAMPLES / "01_news_scraped.txt")


def export_to(target: Path | str, *extra: str) -> subprocess.CompletedProcess:
    return run_cli("export", NEWS, "-o", str(target), *extra)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count(b"\n") == 1, result.stderr
    return result.stderr.decode()


@pytest.mark.parametrize("force", [False, True])
def test_a_dangling_link_is_refused_and_stays_a_link(tmp_path: Path, force: bool) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "elsewhere" / "missing.md")
    message = one_line_error(export_to(link, *(["--force"] if force else [])))
    assert "symbolic link to nothing" in message
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_a_link_to_a_file_is_followed_with_force_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "out.md"
    link.symlink_to(real)
    assert "already exists" in one_line_error(export_to(link))
    assert real.read_text() == "old\n"
    assert export_to(link, "--force").returncode == 0
    assert link.is_symlink() and real.read_text().startswith("# ")


@pytest.mark.parametrize("force", [False, True])
def test_devices_and_pipes_are_refused(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    flags = ["--force"] if force else []
    assert "not a regular file" in one_line_error(export_to(fifo, *flags)) or not force
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if Path("/dev/null").exists():
        before = os.stat("/dev/null")
        one_line_error(export_to("/dev/null", *flags))
        after = os.stat("/dev/null")
        assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("old\n")
    for mode in (0o644, 0o640):
        out.chmod(mode)
        assert export_to(out, "--force").returncode == 0
        assert stat.S_IMODE(out.stat().st_mode) == mode


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    out = tmp_path / "new.md"
    assert export_to(out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("name", ["newdir/", "existing", "existing/"])
def test_a_directory_is_an_error_not_a_file_named_like_it(tmp_path: Path, name: str) -> None:
    (tmp_path / "existing").mkdir()
    message = one_line_error(export_to(str(tmp_path) + "/" + name))
    assert "directory" in message
    assert not (tmp_path / "newdir").exists()
    assert list((tmp_path / "existing").iterdir()) == []


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("mine\n")
    assert "already exists" in one_line_error(export_to(out))
    assert out.read_text() == "mine\n"


def test_write_atomic_itself_never_overwrites_without_force(tmp_path: Path) -> None:
    """The core refuses too (the reader's export dialog calls it directly)."""
    out = tmp_path / "late.md"
    write_atomic(out, "first\n")
    with pytest.raises(ArticleError, match="already exists"):
        write_atomic(out, "second\n")
    assert out.read_text() == "first\n"


KILLED_WRITER = """
import sys
from pathlib import Path
from reader.output.export import write_atomic
text = "长文" * 40_000_000
print("writing", flush=True)
write_atomic(Path(sys.argv[1]), text, force=True)
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="O_TMPFILE is Linux")
@pytest.mark.parametrize("existing", [False, True])
def test_a_killed_export_leaves_no_temporary_file(tmp_path: Path, existing: bool) -> None:
    out = tmp_path / "out.md"
    if existing:
        out.write_text("old\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    killed_while_writing = 0
    for delay in (0.0, 0.05, 0.2):
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(out)], env=env, stdout=subprocess.PIPE
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        killed_while_writing += process.stdout.read() == b""
        process.wait()
        assert sorted(p.name for p in tmp_path.iterdir()) == (["out.md"] if existing else [])
        if existing:
            assert out.read_text() == "old\n"
    assert killed_while_writing  # at least one kill landed in the middle of the write


def test_old_temporaries_of_a_killed_export_are_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".out.md.abcd1234.tmp"
    fresh = tmp_path / ".out.md.efgh5678.tmp"
    stale.write_text("half")
    fresh.write_text("half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    write_atomic(tmp_path / "out.md", "done\n")
    assert not stale.exists() and fresh.exists()  # a fresh one may belong to a running export
