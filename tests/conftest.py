"""Shared fixtures: the bundled samples and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
