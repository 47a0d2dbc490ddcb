"""Provides how a worker thread lets the UI thread go first.

Analysis, script conversion and layout run in threads on a long article, and
threads share the interpreter lock: a key pressed while one runs would take
twice as long. A worker that calls ``wait_for_ui`` between pieces of its work
waits until the UI thread has handled what was waiting (a key, a redraw).
"""

from __future__ import annotations

from concurrent.futures import CancelledError

from textual.app import App


def wait_for_ui(app: App[object]) -> bool:
    """From a worker thread: return once ``app``'s thread has run everything queued
    before; False when the app is closing (the worker's result will not be used)."""
    try:
        app.call_from_thread(_nothing)
    except (RuntimeError, CancelledError):  # no loop any more, or it stopped meanwhile
        return False
    return True


def _nothing() -> None:
    """Run on the UI thread: its turn has come."""
