"""Provides the pane keys of the reading screen: side panes beside or over the text, jumps.

Wide terminals show the heading tree and the summary beside the article and
``[``/``]`` hide them; narrow ones open them over the text, one at a time,
and a jump (Enter on a heading or a key sentence) closes them again.
"""

from __future__ import annotations

from textual import on
from textual.events import Resize
from textual.widgets import ListView, Tree

from reader.tui.screens.note_keys import ScreenParts

NARROW_WIDTH = 110  # below this the side panes leave the text alone and open over it


class PaneKeys(ScreenParts):
    """Side panes and the jumps made from them."""

    _narrow: bool | None = None

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            self.set_class(narrow, "-narrow")
            self.remove_class("-show-nav", "-show-summary")
            for side in self.query("#nav, #summary"):
                side.styles.clear_rule("display")  # the stylesheet decides again

    def action_toggle_pane(self, pane: str) -> None:
        """Wide: hide or show the pane. Narrow: open it over the text, or close it."""
        if not self.has_class("-narrow"):
            # Its own display, not a class on the screen: a class restyles every widget
            # of the screen, a tenth of a second with a long article's summary.
            side = self.query_one(f"#{pane}")
            side.display = not side.display
            return
        self.remove_class(f"-show-{'summary' if pane == 'nav' else 'nav'}")
        self.toggle_class(f"-show-{pane}")
        shown = self.has_class(f"-show-{pane}")
        self.set_focus(self.query_one("#nav" if pane == "nav" else "#sentences") if shown else None)

    def _close_overlays(self) -> None:
        """After a jump the reader reads: overlays close and the keys scroll the text again."""
        self.remove_class("-show-nav", "-show-summary")
        self.set_focus(None)

    @on(Tree.NodeSelected, "#nav")
    def jump_to_heading(self, event: Tree.NodeSelected[int | None]) -> None:
        si = event.node.data
        if si is None:
            self.article.scroll_home(animate=False)
        elif not self.article.scroll_to_heading(si):
            self.say("文章还在排版，请稍候", timeout=1.5)
            return
        self._close_overlays()

    @on(ListView.Selected, "#sentences, #digest")
    def jump_to_sentence(self, event: ListView.Selected) -> None:
        s = getattr(event.item, "data", None)
        if s is None or not self.article.has(s.section, s.paragraph):
            return
        self.model.focus = s  # a KeySentence is a Location
        self.model.cursor_at(s.section, s.paragraph, s.start)
        self.article.scroll_to_paragraph(s.section, s.paragraph, s.start)
        self.changed()
        self._close_overlays()
