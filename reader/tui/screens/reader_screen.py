"""Provides the reading screen: heading tree, typeset article, summary, notes and search.

The rules live in the reading model (``reader.reading``); this screen
composes the widgets, maps keys to the model's methods, runs the slow parts
(analysis, script conversion) in workers and shows what the model says.
Widgets follow ``revision``, bumped whenever the model changes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Input

from reader.convert import Variant
from reader.errors import ArticleError
from reader.model import Document, Location
from reader.nlp.analysis import analyze
from reader.notes.store import NoteStore
from reader.reading import Reading, digest_entries, problem_in_chinese
from reader.settings import Settings
from reader.tui.bindings import MORE_HELP, READER_BINDINGS, in_script
from reader.tui.dialogs import HelpScreen
from reader.tui.messages import AnalysisReady, Converted
from reader.tui.screens.learn_keys import LearnKeys
from reader.tui.screens.note_keys import NoteKeys
from reader.tui.screens.pane_keys import PaneKeys
from reader.tui.threads import wait_for_quiet
from reader.tui.widgets.article_blocks import Retext
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.side_panes import HeadingTree, SummaryPane
from reader.tui.widgets.status_bar import StatusBar

SEARCH_HINT = "搜索（简繁通用），Enter 确定，Esc 关闭"


class _Superseded(Exception):
    """The reader asked for another script while this one was being converted."""


class ReaderScreen(NoteKeys, PaneKeys, LearnKeys):
    """Reads one article: headings on the left, text in the middle, summary on the right."""

    AUTO_FOCUS = None  # keys go to the screen, which scrolls the article
    BINDINGS = READER_BINDINGS

    section: reactive[int] = reactive(0)  # the section being read
    percent: reactive[int] = reactive(0)  # how far down the article
    revision: reactive[int] = reactive(0)  # bumped when the reading model changes

    def __init__(
        self,
        document: Document,
        path: str | None,
        store: NoteStore | None = None,
        settings: Settings | None = None,
        store_problem: str | None = None,
        from_library: bool = False,
    ) -> None:
        super().__init__()
        self.model = Reading(document, path, store, store_problem)
        self.settings = settings or Settings()
        self.from_library = from_library
        self.summary_at: float | None = None  # perf_counter, for benchmarks/tui_timing.py
        self._save_timer: Timer | None = None
        self._marks_due = False  # the article's marks are to be shown anew (watch_revision)
        self._bindings_as_written = self._bindings  # 简体; see _relabel
        self._bindings = in_script(self._bindings_as_written, self.model.label)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield HeadingTree(id="nav")
            yield ArticleView(id="article")
            yield SummaryPane(id="summary")
        yield Input(placeholder=self.model.label(SEARCH_HINT), id="search")
        bound = (ReaderScreen.section, ReaderScreen.percent, ReaderScreen.revision)
        yield StatusBar(self.model, id="status").data_bind(*bound)
        yield KeyFooter(compact=True, show_command_palette=False)  # 80 columns fit every key

    async def on_mount(self) -> None:
        self.set_class(not self.settings.indent, "-spaced")
        self.query_one("#search", Input).display = False
        self.query_one(HeadingTree).show(self.model.shown)
        self.sub_title = self.model.variant.label
        await self.article.show(self.model.shown, self.settings.indent)
        self._open_notes()
        # After the first paint: the analysis holds the GIL for a while.
        self.call_after_refresh(self.run_analysis)
        self.watch(self.article, "scroll_y", self._scrolled, init=False)

    @property
    def path(self) -> str | None:
        """The article's file (None for piped text): export and the file picker start there."""
        return self.model.path

    def say(self, template: str, *values: object, **options: object) -> None:
        """A notification in the script shown; ``values`` (article text) are not converted."""
        self.notify(self.model.label(template).format(*values), **options)  # type: ignore[arg-type]

    def _write(self, change: Callable[[], object], failure: str) -> bool:
        """Run a change that writes the store; say why if it fails, never end the reading."""
        try:
            change()
        except ArticleError as exc:
            self.say(failure + "：{}", problem_in_chinese(exc.problem), severity="error")
            return False
        finally:
            self.changed()
        return True

    def changed(self) -> None:
        self.revision += 1

    def watch_revision(self) -> None:
        """Show the model's marks (the article redraws what changed) and remember the
        reading position a moment later. A key that changes the model twice (a search
        scrolls, and the scroll moves the cursor) has its marks made once: on a book's
        search that is thousands of matches."""
        if not self._marks_due:
            self._marks_due = True
            self.call_next(self._show_marks)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self._save_position)

    def _show_marks(self) -> None:
        self._marks_due = False
        self.article.show_marks(self.model.marks())

    def on_article_view_ready(self, _message: ArticleView.Ready) -> None:
        """The article is shown: mark it and go back to where the reader was."""
        saved = self.model.saved_position()
        if saved is None:
            if paragraphs := self.article.paragraphs:
                self.model.cursor_at(*paragraphs[0])
        elif self.article.has(saved.section, saved.paragraph):
            self.model.cursor_at(saved.section, saved.paragraph, saved.offset)
            self.article.scroll_to_paragraph(saved.section, saved.paragraph, saved.offset)
            self.say("已回到上次读到的位置", timeout=2)
        self.changed()

    # Analysis and conversion in workers

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Analysis can take a second on long texts; the text is readable meanwhile."""
        from reader.nlp.segmodel import load_model

        # A first run builds the segmentation model (~10 s): the pane says so.
        pane = self.query_one(SummaryPane)
        load_model(on_build=lambda: self.app.call_from_thread(pane.preparing))
        self.post_message(AnalysisReady(analyze(self.model.original)))
        # While the summary is read, one after the other (two threads at once would
        # share the interpreter with the reader's keys twice over).
        self.model.prepare(pause=lambda: wait_for_quiet(self.app))
        if self.settings.learner:  # a reader who has used p, l, v or +: they answer at once
            wait_for_quiet(self.app)
            self.preload_learning()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.model.analysis = message.analysis
        self._render_summary()
        self.changed()
        # The article, its sentences and the analysis live as long as the screen: out
        # of the collector's sight, a full collection no longer walks millions of
        # objects of a long book in the middle of a key press (~0.1 s each on 5 MB).
        gc.freeze()
        self.call_after_refresh(lambda: setattr(self, "summary_at", time.perf_counter()))

    def _render_summary(self) -> None:
        """The summary in the script asked for (shown at once, see ``action_cycle_script``)."""
        if (analysis := self.model.analysis) is not None:
            entries, left_out = digest_entries(self.model.original, analysis)
            sections = self.model.original.sections
            digest = [(sections[si].heading, best) for si, best in entries]
            pane = self.query_one(SummaryPane)
            pane.show(analysis, self.model.out, digest, self.model.label, left_out)

    def action_cycle_script(self) -> None:
        """原文 → 简体 → 繁體 → 台灣正體 → 香港繁體, skipping what would look the same.
        The screen changes at once: the article converts what it draws, the headings
        and the summary are few. OpenCC over the whole article (a second on a book)
        runs in a thread. Pressed again meanwhile, each press is one more step."""
        variant = self.model.next_variant()
        self.sub_title = variant.label
        out = self.model.out  # the script just asked for
        self.article.preview(out)
        self.query_one(HeadingTree).relabel(self.model.original, out)
        self._render_summary()
        self._relabel()
        self.query_one(StatusBar).refresh()  # it reads the script asked for
        # After this frame: the worker would hold the GIL for half of it.
        self.call_after_refresh(self._convert, variant)

    @work(thread=True, group="convert")
    def _convert(self, variant: Variant) -> None:
        """A book takes a second: pressed again meanwhile, this conversion stops."""

        def pause() -> None:
            wait_for_quiet(self.app)
            if variant is not self.model.wanted:
                raise _Superseded

        try:
            document = self.model.converted(variant, pause=pause)
            blocks = Retext.of(document, self.settings.indent)
        except _Superseded:
            return
        self.post_message(Converted(variant, document, blocks))

    def on_converted(self, message: Converted) -> None:
        if message.variant is not self.model.wanted:
            return  # the reader has already asked for another script
        self.model.show(message.variant, message.document)
        self.article.retext(self.model.shown, message.blocks)
        self.after_convert()
        self.changed()  # the article keeps the reader's place itself

    def _relabel(self) -> None:
        """The footer's key descriptions, the help and the search hint in the script asked
        for."""
        say = self.model.label
        bindings = in_script(self._bindings_as_written, say)
        self.query_one("#search", Input).placeholder = say(SEARCH_HINT)
        if bindings.key_to_bindings != self._bindings.key_to_bindings:
            self._bindings = bindings
            self.refresh_bindings()  # the footer is made anew: only when its words change

    # Position and panes

    def _scrolled(self, _old: float = 0.0, _new: float = 0.0) -> None:
        top = self.article.top_paragraph()
        if top is None:
            return
        if not self._cursor_visible():
            self.model.cursor_at(*top)
        tree = self.query_one(HeadingTree)
        self.section = self.article.section_in_view(top[0], list(tree.nodes_by_section))
        tree.follow(self.section)
        self.percent = self.article.percent
        self.changed()

    def _cursor_visible(self) -> bool:
        cursor = self.model.cursor
        return cursor is not None and self.article.is_visible(cursor.section, cursor.paragraph)

    def _save_position(self) -> None:
        if self.model.record is not None:
            try:
                self.model.save_position()
            except ArticleError as exc:
                self.say("阅读位置未能保存：{}", exc.problem, severity="error")

    def _open_notes(self) -> None:
        if self.model.store is None:
            return
        try:
            lost = self.model.open_notes()
        except ArticleError as exc:
            self.say("笔记不可用：{}", exc.problem, severity="error", timeout=8)
            return
        if lost:
            self.say(
                "文章已改动：{} 条笔记找不到原文（按 m 查看）", lost, severity="warning", timeout=8
            )

    def on_screen_suspend(self) -> None:
        self._focus_before = self.focused

    def on_screen_resume(self) -> None:
        """Give focus back to what had it before a dialog or the palette opened: Textual
        would otherwise focus the first focusable widget, even a hidden tree."""
        wanted = getattr(self, "_focus_before", None)
        self.call_after_refresh(self._give_focus, wanted if wanted and wanted.display else None)

    def _give_focus(self, widget: Widget | None) -> None:
        """Focus ``widget`` unless it has focus: each change makes the footer anew."""
        if self.focused is not widget:
            self.set_focus(widget)

    def on_unmount(self) -> None:
        self._save_position()
        gc.unfreeze()  # what was frozen with this article may be collected now that it goes

    # Jumps and the cursor

    def _show_cursor(self) -> None:
        """Bring the cursor's sentence into view if it is not."""
        cursor, span = self.model.cursor, self.model.cursor_span()
        if cursor and span and not self._cursor_visible():
            self.article.scroll_to_paragraph(cursor.section, cursor.paragraph, span.start)
        self.changed()

    def action_move_cursor(self, step: int) -> None:
        if self.model.move_cursor(step) is not None:
            self._show_cursor()
            self.follow_cursor()

    @on(ArticleView.Clicked)
    def clicked(self, event: ArticleView.Clicked) -> None:
        self.model.cursor_at(event.section, event.paragraph, event.offset)
        self.changed()

    # Search, keywords, and the rest of the keys

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def searched(self, event: Input.Submitted) -> None:
        self.set_focus(None)
        top = self.article.top_paragraph()
        match = self.model.search(event.value, top or (0, 0))
        self._show_match(match)
        if match is None:
            self.say("没有找到“{}”", event.value, severity="warning", timeout=2)

    def action_next_match(self, step: int = 1) -> None:
        self._show_match(self.model.step_match(step))

    def _show_match(self, match: Location | None) -> None:
        if match:
            self.article.scroll_to_paragraph(match.section, match.paragraph, match.start)
        self.changed()

    def action_toggle_keywords(self) -> None:
        self.model.show_keywords = not self.model.show_keywords
        if self.model.show_keywords and self.model.analysis is None:
            self.say("摘要还在计算，稍后关键词会标出", timeout=2)
        self.changed()

    def action_toggle_indent(self) -> None:
        self.settings.indent = not self.settings.indent
        self.set_class(not self.settings.indent, "-spaced")
        self.article.set_indent(self.settings.indent)
        if self.model.store is not None:
            store = self.model.store
            self._write(lambda: self.settings.save(store), "设置未能保存")

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if self.close_dictionary():
            pass
        elif search.display:
            search.display = False
            self.model.clear_search()
            self.changed()
            self.set_focus(None)
        elif self.has_class("-show-nav") or self.has_class("-show-summary"):
            self._close_overlays()
        elif self.focused is not None:  # from the tree or the key sentences back to the text
            self.set_focus(None)
        elif self.from_library:
            self.app.pop_screen()

    def action_scroll_article(self, how: str) -> None:
        getattr(self.article, f"scroll_{how}")(animate=False)

    def action_help(self) -> None:
        rows = [
            (self.app.get_key_display(b), b.tooltip or b.description)
            for b in self.BINDINGS
            if isinstance(b, Binding)
        ]
        self.app.push_screen(HelpScreen(rows + MORE_HELP, self.model.label))
