"""What a reader sees: SVG snapshots of the reading screen (update with --snapshot-update)."""

from __future__ import annotations

import pytest

from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp

from .conftest import SAMPLES


async def until_summary_is_ready(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize(
    "name", ["01_news_scraped.txt", "02_essay_traditional.txt"], ids=["simplified", "traditional"]
)
def test_reading_screen(snap_compare, name: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / name
    app = ReaderApp(load_path(path), str(path))
    assert snap_compare(app, terminal_size=size, run_before=until_summary_is_ready)


def test_reading_screen_converted_to_taiwan(snap_compare) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))

    async def convert(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_summary_is_ready(pilot)
        await pilot.press("t", "t")  # 繁體 (简体 looks the same: skipped), 台灣正體
        await until_summary_is_ready(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=convert)


def test_library_screen_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(), terminal_size=(80, 24))
