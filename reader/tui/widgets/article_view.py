"""Provides the article pane: title, byline, headings and typeset paragraphs, and where they stand.

Mounting hundreds of widgets takes Textual a second or more, so the first
screenfuls are mounted before the first paint and the rest when the screen
says so (``continue_mounting``), in batches; ``Ready`` says when the whole
article is there.
"""

from __future__ import annotations

import asyncio
import bisect
import time

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.model import NO_TITLE, Document
from reader.tui.literal import literal
from reader.tui.widgets.paragraph import ParagraphView

FIRST_MOUNT = 80  # widgets mounted before the first paint
MOUNT_BATCH = 300  # widgets mounted at a time after it
MOUNT_PAUSE = 0.03  # seconds between batches


def heading_label(heading: str, subtitle: str | None, separator: str = "\n") -> str:
    return heading + (f"{separator}{subtitle}" if subtitle else "")


def _heading(heading: str, subtitle: str | None) -> Content:
    """A heading over its subtitle, each on one line, as literal text."""
    return literal(
        heading_label(heading.replace("\n", " "), subtitle and subtitle.replace("\n", " "))
    )


def _byline(document: Document) -> str:
    meta = document.meta
    return " · ".join(x for x in (meta.source, meta.date, meta.author) if x)


class ArticleView(VerticalScroll, can_focus=False):
    """The article. Not focusable: a focus change restyles every descendant, which
    costs a noticeable pause on a long article; the screen scrolls it instead."""

    class Ready(Message):
        """Every paragraph is mounted."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views: list[ParagraphView] = []
        self._view_at: dict[tuple[int, int], ParagraphView] = {}
        self.fully_mounted = False
        self.first_paint_at: float | None = None  # perf_counter, for benchmarks/tui_timing.py
        self.ready_at: float | None = None
        self._rest: list[Static | ParagraphView] = []

    async def show(self, document: Document, indent: bool) -> None:
        """Mount the document: the first screenfuls now, the rest after the first paint."""
        widgets: list[Static | ParagraphView] = [
            Static(literal(document.title or NO_TITLE, False), classes="title", id="doc-title")
        ]
        if document.subtitle:
            widgets.append(
                Static(literal(document.subtitle, False), classes="subtitle", id="doc-subtitle")
            )
        if byline := _byline(document):
            widgets.append(Static(literal(byline, False), classes="byline", id="doc-byline"))
        for si, section in enumerate(document.sections):
            if section.heading:
                label = _heading(section.heading, section.subtitle)
                widgets.append(Static(label, classes="heading", id=f"s{si}"))
            for pi, paragraph in enumerate(section.paragraphs):
                widgets.append(ParagraphView(paragraph.text, si, pi, indent))
        if not any(isinstance(w, ParagraphView) for w in widgets):
            widgets.append(Static("这篇文章没有正文。", classes="empty"))
        first, rest = widgets[:FIRST_MOUNT], widgets[FIRST_MOUNT:]
        await self.mount_all(first)
        self._register(first)
        self.call_after_refresh(self._painted, rest)

    def _painted(self, rest: list[Static | ParagraphView]) -> None:
        self.first_paint_at = time.perf_counter()
        self._rest = rest
        if not rest:
            self._ready()

    def continue_mounting(self) -> None:
        """Mount the rest of the article. The screen calls this once the summary is in:
        mounting competes with the analysis thread for the interpreter, and the two at
        once take four times as long on a 150,000-character text."""
        rest, self._rest = self._rest, []
        if rest:
            self.run_worker(self._mount_rest(rest))

    async def _mount_rest(self, rest: list[Static | ParagraphView]) -> None:
        # In batches, yielding between them, so keys and scrolling are served meanwhile.
        for at in range(0, len(rest), MOUNT_BATCH):
            batch = rest[at : at + MOUNT_BATCH]
            await self.mount_all(batch)
            self._register(batch)
            await asyncio.sleep(MOUNT_PAUSE)  # idle time: the screen repaints, workers report
        self.call_after_refresh(self._ready)

    def _register(self, widgets: list[Static | ParagraphView]) -> None:
        views = [w for w in widgets if isinstance(w, ParagraphView)]
        self.views.extend(views)
        self._view_at.update({(v.section, v.paragraph): v for v in views})

    def _ready(self) -> None:
        self.fully_mounted = True
        self.ready_at = time.perf_counter()
        self.post_message(self.Ready())

    def retext(self, document: Document) -> None:
        """Show the same document in other characters (same structure, same lengths)."""
        self.query_one("#doc-title", Static).update(literal(document.title or NO_TITLE, False))
        if document.subtitle:
            self.query_one("#doc-subtitle", Static).update(literal(document.subtitle, False))
        if byline := _byline(document):  # source and author are converted with the text
            self.query_one("#doc-byline", Static).update(literal(byline, False))
        for si, section in enumerate(document.sections):
            if section.heading:
                label = _heading(section.heading, section.subtitle)
                self.query_one(f"#s{si}", Static).update(label)
        for view in self.views:
            view.set_text(document.sections[view.section].paragraphs[view.paragraph].text)

    def set_indent(self, indent: bool) -> None:
        for view in self.views:
            view.set_indent(indent)

    # Where things are

    def view(self, section: int, paragraph: int) -> ParagraphView | None:
        return self._view_at.get((section, paragraph))

    def top_paragraph(self) -> ParagraphView | None:
        """The first paragraph whose bottom is below the top of the pane."""
        if not self.views:
            return None
        bottoms = [v.virtual_region.bottom for v in self.views]
        index = bisect.bisect_right(bottoms, self.scroll_y)
        return self.views[min(index, len(self.views) - 1)]

    def is_visible(self, view: ParagraphView) -> bool:
        region = view.virtual_region
        return region.bottom > self.scroll_y and region.y < self.scroll_y + self.size.height

    def scroll_to_paragraph(self, view: ParagraphView, offset: int = 0) -> None:
        """Scroll the line holding character ``offset`` of the paragraph to the top."""
        line = view.line_of(offset) if offset else 0
        self.scroll_to(y=view.virtual_region.y + line, animate=False, immediate=True)

    def scroll_to_heading(self, section: int) -> bool:
        """Scroll a heading to the top; False while it is not mounted yet."""
        found = self.query(f"#s{section}")
        if not found:
            return False
        self.scroll_to(y=found.first().virtual_region.y, animate=False, immediate=True)
        return True

    def section_in_view(self, top_section: int, headed: list[int]) -> int:
        """The section being read: the top paragraph's, or at the very end the last
        heading on screen, since the last short sections can never reach the top."""
        if self.max_scroll_y <= 0 or self.scroll_y < self.max_scroll_y:
            return top_section
        bottom = self.scroll_y + self.size.height
        shown = [
            si
            for si in headed
            if (found := self.query(f"#s{si}")) and found.first().virtual_region.y < bottom
        ]
        return max([top_section, *shown])

    @property
    def percent(self) -> int:
        if self.max_scroll_y <= 0:
            return 100
        return round(100 * self.scroll_y / self.max_scroll_y)
