"""Provides the footer of keys, made anew only when the keys it shows change.

Textual's footer rebuilds its thirty-odd key widgets whenever the screen's
bindings may have changed, which Textual signals on every change of focus
(opening the reader, the search bar closing): some 40 ms each, paid by the key
pressed at that moment. This one compares what it would show first.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A footer that skips a rebuild that would show the same keys."""

    _shown: tuple[tuple[str, str, bool, str], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown and screen.app.app_focus:
            return
        if screen.app.app_focus:  # else Textual leaves the footer as it is, for now
            self._shown = shown
        super().bindings_changed(screen)
