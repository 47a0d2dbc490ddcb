"""Shared fixtures: the bundled samples and the shared data folder."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SHARED_DATA = ROOT.parent / "shared" / "data"


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ as a module (they are scripts, not a package)."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    sys.path.insert(0, str(ROOT / "benchmarks"))  # for the scripts' own imports of each other
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


@pytest.fixture
def samples() -> Path:
    return SAMPLES


def run_cli(*args: str, stdin: bytes | None = None):
    """Run ``python -m reader ARGS`` as a user would: a real process, bytes in and out."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own notes store; the user's real one is never touched."""
    folder = tmp_path / "zhreader-data"
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(folder))
    return folder
