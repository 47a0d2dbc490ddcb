"""Provides how a worker thread lets the UI thread go first.

Analysis, script conversion and layout run in threads on a long article, and
threads share the interpreter lock: a key pressed while one runs would take
twice as long. Workers call ``wait_for_quiet`` between pieces of their work: it
waits until the UI thread has handled what was waiting (``wait_for_ui``: a key,
a redraw) and while the reader is pressing keys, so that what a key does after
the key itself (the marks of a search's thousands of matches, a redraw) has the
interpreter to itself.
"""

from __future__ import annotations

import time
from concurrent.futures import CancelledError
from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App

# After a key, a click or the wheel: how long ``wait_for_quiet`` waits without input,
# and how long it waits at most (a held key must not stop the background work for good).
QUIET_AFTER_INPUT = 0.25
MOST_WAIT = 1.0

_input_at: WeakKeyDictionary[App[Any], float] = WeakKeyDictionary()


def note_input(app: App[Any]) -> None:
    """On the UI thread: the reader pressed a key, clicked or scrolled."""
    _input_at[app] = time.perf_counter()


def wait_for_ui(app: App[Any]) -> bool:
    """From a worker thread: return once ``app``'s thread has run everything queued
    before; False when the app is closing (the worker's result will not be used)."""
    try:
        app.call_from_thread(_nothing)
    except (RuntimeError, CancelledError):  # no loop any more, or it stopped meanwhile
        return False
    return True


def wait_for_quiet(app: App[Any]) -> bool:
    """As ``wait_for_ui``, and then until no input has come for ``QUIET_AFTER_INPUT``
    seconds, or for ``MOST_WAIT`` seconds while keys keep coming."""
    give_up = time.perf_counter() + MOST_WAIT
    while wait_for_ui(app):
        last_input = _input_at.get(app)
        now = time.perf_counter()
        wait = 0.0 if last_input is None else last_input + QUIET_AFTER_INPUT - now
        if wait <= 0 or now >= give_up:
            return True
        time.sleep(min(wait, give_up - now))
    return False


def _nothing() -> None:
    """Run on the UI thread: its turn has come."""
