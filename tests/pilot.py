"""Provides what pilot tests of the reader share: waiting until the reading screen settles."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.reader_screen import ReaderScreen


async def settle(app: ReaderApp, pilot: Pilot[None]) -> ReaderScreen:
    """Wait until workers (analysis, conversion) are done and the screen has refreshed."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen
