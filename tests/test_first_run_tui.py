"""The summary pane says why a first run is slow, and the note goes when the summary comes."""

from __future__ import annotations

from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.widgets.side_panes import SummaryPane

from .conftest import SAMPLES


async def test_the_preparing_note_shows_under_the_spinner_until_the_summary() -> None:
    path = SAMPLES / "07_bike_lanes.txt"
    app = ReaderApp(load_path(path), str(path.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        pane = screen.query_one(SummaryPane)
        # The worker calls this when load_model has to build (see test_segmodel for the build).
        pane.preparing()
        await pilot.pause()
        assert "分词模型" in str(pane.query_one("#first-run").render())
        assert screen.model.analysis is not None
        pane.show(screen.model.analysis, str)
        await pilot.pause()
        assert not pane.query("#first-run")
