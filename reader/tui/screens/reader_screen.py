"""Provides the reading screen: heading tree, typeset article, summary, notes and search.

Everything shown comes from the core: the Document, its Analysis (computed in
a thread worker), script conversion (also in a worker), search matches and
the notes store. This module only decides what goes where on screen.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ListView, Static, Tree

from reader.convert import Variant, converter
from reader.errors import ArticleError
from reader.model import Document
from reader.nlp.analysis import Analysis, analyze, document_is_traditional
from reader.notes.anchors import anchor_for
from reader.notes.notebook import PlacedNote, place_notes
from reader.notes.store import ArticleRecord
from reader.search import Match, find_all, spans_in
from reader.terminal_text import one_line
from reader.tui.dialogs import ExportPrompt, HelpScreen, NotesScreen, TextPrompt
from reader.tui.literal import literal
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.paragraph import ParagraphView
from reader.tui.widgets.side_panes import HeadingTree, SummaryPane

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

CYCLE = (
    Variant.ORIGINAL,
    Variant.SIMPLIFIED,
    Variant.TRADITIONAL,
    Variant.TAIWAN,
    Variant.HONGKONG,
)
MOUNT_ANYWAY = 5.0  # seconds after which the article is completed even without a summary
NARROW_WIDTH = 110  # below this the side panes leave the text alone and open over it


@dataclass
class AnalysisReady(Message):
    """Posted by the worker when the summary of the document is ready."""

    analysis: Analysis


@dataclass
class Converted(Message):
    """Posted by the worker when the document has been converted to another script."""

    variant: Variant
    document: Document


@dataclass(frozen=True, slots=True)
class Cursor:
    """The sentence the reader is on: what h, a and b act upon."""

    section: int
    paragraph: int
    sentence: int


class ReaderScreen(Screen[None]):
    """Reads one article: headings on the left, text in the middle, summary on the right."""

    AUTO_FOCUS = None  # keys go to the screen, which scrolls the article
    BINDINGS = [
        Binding("down", "scroll_article('down')", "下", show=False, tooltip="向下滚动一行"),
        Binding("up", "scroll_article('up')", "上", show=False, tooltip="向上滚动一行"),
        Binding(
            "pagedown,space",
            "scroll_article('page_down')",
            "下一页",
            show=False,
            key_display="PgDn/Space",
            tooltip="下一页（空格键也可以）",
        ),
        Binding("pageup", "scroll_article('page_up')", "上一页", show=False, tooltip="上一页"),
        Binding("home", "scroll_article('home')", "开头", show=False, tooltip="回到开头"),
        Binding("end", "scroll_article('end')", "结尾", show=False, tooltip="跳到结尾"),
        Binding("q", "app.quit", "退出", tooltip="退出（阅读位置和笔记已自动保存）"),
        Binding(
            "escape", "back", "返回", show=False, tooltip="关闭搜索或面板，回到正文；再按回到文章库"
        ),
        Binding(
            "t",
            "cycle_script",
            "简/繁",
            tooltip="切换字形：原文 → 简体 → 繁體 → 台灣正體 → 香港繁體",
        ),
        Binding(
            "slash", "search", "搜索", tooltip="在文中搜索（简繁通搜：搜「開發」也能找到「开发」）"
        ),
        Binding("n", "next_match", "下一个", show=False, tooltip="下一个搜索结果"),
        Binding("N", "previous_match", "上一个", show=False, tooltip="上一个搜索结果"),
        Binding("j", "move_cursor(1)", "下一句", show=False, tooltip="阅读光标移到下一句"),
        Binding("k", "move_cursor(-1)", "上一句", show=False, tooltip="阅读光标移到上一句"),
        Binding("h", "highlight", "划线", tooltip="给光标所在的句子划线（再按一次取消）"),
        Binding("H", "highlight_paragraph", "划整段", show=False, tooltip="给光标所在的整段划线"),
        Binding("a", "annotate", "批注", tooltip="给光标所在的句子写批注"),
        Binding("b", "bookmark", "书签", show=False, tooltip="给光标所在的段落加书签"),
        Binding("m", "notes", "笔记", tooltip="笔记列表：跳转、删除"),
        Binding("full_stop", "next_note(1)", "下一条笔记", show=False, tooltip="跳到下一条笔记"),
        Binding("comma", "next_note(-1)", "上一条笔记", show=False, tooltip="跳到上一条笔记"),
        Binding("e", "export", "导出", tooltip="把摘要和笔记导出为 Markdown"),
        Binding("w", "toggle_keywords", "关键词", show=False, tooltip="在正文中标出关键词"),
        Binding("left_square_bracket", "toggle_pane('nav')", "目录", tooltip="显示/隐藏目录"),
        Binding("right_square_bracket", "toggle_pane('summary')", "摘要", tooltip="显示/隐藏摘要"),
        Binding("i", "toggle_indent", "缩进/空行", show=False, tooltip="段落首行缩进 ⇄ 段间空行"),
        Binding("o", "app.open_file", "打开", show=False, tooltip="打开其他文件"),
        Binding("d", "app.toggle_dark", "明/暗", show=False, tooltip="明亮/暗色主题"),
        Binding("question_mark", "help", "帮助", tooltip="本帮助"),
    ]

    def __init__(
        self,
        document: Document,
        path: str | None,
        from_library: bool = False,
    ) -> None:
        super().__init__()
        self.original = document
        self.shown = document
        self.path = path
        self.from_library = from_library
        self.variant = Variant.ORIGINAL
        self.target_variant = Variant.ORIGINAL
        self.traditional = document_is_traditional(document)
        self.analysis: Analysis | None = None
        self.record: ArticleRecord | None = None
        self.notes: list[PlacedNote] = []
        self.cursor: Cursor | None = None
        self.matches: list[Match] = []
        self.match_index = -1
        self.show_keywords = False
        self._keyword_cache: tuple[Variant, dict[tuple[int, int], list[tuple[int, int]]]] | None = (
            None
        )
        self.indent = True
        self.current_section = 0
        self.position: tuple[int, int] | None = None  # section, paragraph at the top
        self._save_timer: Timer | None = None
        self.summary_at: float | None = None  # perf_counter, for benchmarks/tui_timing.py
        self._narrow: bool | None = None

    # Building the screen

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield HeadingTree(id="nav")
            yield ArticleView(id="article")
            yield SummaryPane(id="summary")
        yield Input(placeholder="搜索（简繁通用），Enter 确定，Esc 关闭", id="search")
        yield Static("", id="status")
        yield Footer(
            compact=True, show_command_palette=False
        )  # ? lists Ctrl+P; 80 columns fit every key

    async def on_mount(self) -> None:
        self.indent = self.reader_app.setting("paragraphs", "indent") == "indent"
        self.set_class(not self.indent, "-spaced")
        self.query_one("#search", Input).display = False
        self.query_one(HeadingTree).show(self.shown)
        self.sub_title = self.variant.label
        await self.article.show(self.shown, self.indent)
        self._open_notes()
        # After the first paint: the analysis holds the GIL for a while. The rest of
        # the article is mounted when it is done (or after a few seconds in any case).
        self.call_after_refresh(self.run_analysis)
        self.set_timer(MOUNT_ANYWAY, self.article.continue_mounting)
        self.watch(self.article, "scroll_y", self._scrolled, init=False)

    @property
    def reader_app(self) -> ReaderApp:
        from reader.tui.app import ReaderApp  # the app module imports this one

        assert isinstance(self.app, ReaderApp)
        return self.app

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def views(self) -> list[ParagraphView]:
        return self.article.views

    def on_article_view_ready(self, _message: ArticleView.Ready) -> None:
        """The whole article is mounted: mark it and go back to where the reader was."""
        self._keyword_cache = None
        self._refresh_marks()
        self._restore_position()

    # Analysis and conversion in workers

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Analysis can take a second on long texts; the text is readable meanwhile."""
        from reader.nlp.segmodel import load_model

        # A first run builds the segmentation model (~10 s): the pane says so.
        pane = self.query_one(SummaryPane)
        load_model(on_build=lambda: self.app.call_from_thread(pane.preparing))
        self.post_message(AnalysisReady(analyze(self.original)))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.analysis = message.analysis
        self.article.continue_mounting()
        self._render_summary()
        self._refresh_marks()
        self.call_after_refresh(lambda: setattr(self, "summary_at", time.perf_counter()))

    def _render_summary(self) -> None:
        if self.analysis is not None:
            self.query_one(SummaryPane).show(
                self.analysis,
                converter(self.variant, self.traditional),
                [section.heading for section in self.original.sections],
            )

    def action_cycle_script(self) -> None:
        """原文 → 简体 → 繁體 → 台灣正體 → 香港繁體, keeping the reading position."""
        # Count from the variant asked for last, so that t t t goes three steps
        # even while the worker is still converting.
        variant = CYCLE[(CYCLE.index(self.target_variant) + 1) % len(CYCLE)]
        self.target_variant = variant
        self.convert_to(variant)

    @work(thread=True, exclusive=True, group="convert")
    def convert_to(self, variant: Variant) -> None:
        """OpenCC over a long article takes a moment; the screen stays live meanwhile."""
        to_variant = converter(variant, self.traditional)
        self.post_message(Converted(variant, self.original.map_text(to_variant)))

    def on_converted(self, message: Converted) -> None:
        if message.variant is not self.target_variant:
            return  # the reader has already asked for another script
        if not self.article.fully_mounted:  # the tail of a long article is still being mounted
            self.set_timer(0.05, lambda: self.on_converted(message))
            return
        here = None if self.article.scroll_y == 0 else self.article.top_paragraph()
        self.variant = message.variant
        self.shown = message.document
        self._keyword_cache = None
        self.sub_title = self.variant.label
        self.article.retext(self.shown)
        self.query_one(HeadingTree).show(self.shown)
        self._render_summary()
        self._refresh_marks()
        if here is not None:
            self.call_after_refresh(self.article.scroll_to_paragraph, here)
        self._update_status()

    # Position, tree and status

    def _scrolled(self, _old: float = 0.0, _new: float = 0.0) -> None:
        top = self.article.top_paragraph()
        if top is None:
            return
        self.position = (top.section, top.paragraph)
        if self.cursor is None or not self._cursor_visible():
            self._set_cursor(Cursor(top.section, top.paragraph, 0), scroll=False)
        tree = self.query_one(HeadingTree)
        section = self.article.section_in_view(top.section, list(tree.nodes_by_section))
        if section != self.current_section:
            self.current_section = section
            tree.follow(section)
        self._update_status()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self._save_position)

    def _cursor_visible(self) -> bool:
        if self.cursor is None:
            return False
        view = self.article.view(self.cursor.section, self.cursor.paragraph)
        return view is not None and self.article.is_visible(view)

    def _update_status(self) -> None:
        heading = None
        for si in range(self.current_section, -1, -1):
            heading = self.shown.sections[si].heading if si < len(self.shown.sections) else None
            if heading:
                break
        parts = [self.variant.label, heading or "导语", f"{self.article.percent}%"]
        if self.notes:
            parts.append(f"{sum(not p.lost for p in self.notes)} 条笔记")
        if self.matches:
            parts.append(f"搜索 {self.match_index + 1}/{len(self.matches)}")
        self.query_one("#status", Static).update(literal("  ·  ".join(parts), False))

    def _save_position(self) -> None:
        """Save where the reader is (kept in ``position`` as they scroll, so this works on exit)."""
        record, position = self.record, self.position
        if record is None or position is None:
            return
        self.reader_app.save(
            lambda store: store.set_position(record.id, *position), "阅读位置未能保存"
        )

    def _restore_position(self) -> None:
        if self.record is None or self.record.position is None:
            if self.views:
                first = self.views[0]
                self._set_cursor(Cursor(first.section, first.paragraph, 0), scroll=False)
                self.position = (first.section, first.paragraph)
            self._update_status()
            return
        view = self.article.view(*self.record.position)
        if view is not None:
            self.article.scroll_to_paragraph(view)
            self._set_cursor(Cursor(view.section, view.paragraph, 0), scroll=False)
            self.notify("已回到上次读到的位置", timeout=2)
        self._update_status()

    def on_screen_suspend(self) -> None:
        self._focus_before = self.focused

    def on_screen_resume(self) -> None:
        """Give focus back to what had it before a dialog or the palette opened: Textual
        would otherwise focus the first focusable widget, even a hidden tree."""
        wanted = getattr(self, "_focus_before", None)
        self.call_after_refresh(self.set_focus, wanted if wanted and wanted.display else None)

    def on_unmount(self) -> None:
        self._save_position()

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            self.set_class(narrow, "-narrow")
            self.remove_class("-show-nav", "-show-summary", "-hide-nav", "-hide-summary")

    def action_toggle_pane(self, pane: str) -> None:
        """Wide: hide or show the pane. Narrow: open it over the text, or close it."""
        if self.has_class("-narrow"):
            other = "summary" if pane == "nav" else "nav"
            self.remove_class(f"-show-{other}")
            self.toggle_class(f"-show-{pane}")
            if self.has_class(f"-show-{pane}"):
                self.query_one("#nav" if pane == "nav" else "#sentences").focus()
            else:
                self.set_focus(None)
        else:
            self.toggle_class(f"-hide-{pane}")

    def _close_overlays(self) -> None:
        """After a jump the reader reads: overlays close and the keys scroll the text again."""
        if self.has_class("-narrow"):
            self.remove_class("-show-nav", "-show-summary")
        self.set_focus(None)

    # Jumps

    @on(Tree.NodeSelected, "#nav")
    def jump_to_heading(self, event: Tree.NodeSelected[int | None]) -> None:
        si = event.node.data
        if si is None:
            self.article.scroll_home(animate=False)
        elif not self.article.scroll_to_heading(si):
            self.notify("文章还在排版，请稍候", timeout=1.5)
            return
        self._close_overlays()

    @on(ListView.Selected, "#sentences, #digest")
    def jump_to_sentence(self, event: ListView.Selected) -> None:
        sentence = getattr(event.item, "data", None)
        if sentence is None:
            return
        view = self.article.view(sentence.section, sentence.paragraph)
        if view is None:
            return
        for other in self.views:
            other.set_marks("focus", [])
        view.set_marks("focus", [(sentence.start, sentence.end)])
        self._set_cursor(
            Cursor(sentence.section, sentence.paragraph, sentence.sentence), scroll=False
        )
        self.article.scroll_to_paragraph(view)
        self._close_overlays()

    # The reading cursor

    def _set_cursor(self, cursor: Cursor, scroll: bool = True) -> None:
        if self.cursor is not None:
            old = self.article.view(self.cursor.section, self.cursor.paragraph)
            if old is not None:
                old.set_marks("cursor", [])
        self.cursor = cursor
        view = self.article.view(cursor.section, cursor.paragraph)
        if view is None:
            return
        sentences = self.shown.sections[cursor.section].paragraphs[cursor.paragraph].sentences
        if sentences:
            s = sentences[min(cursor.sentence, len(sentences) - 1)]
            view.set_marks("cursor", [(s.start, s.end)])
        if scroll and not self._cursor_visible():
            self.article.scroll_to_paragraph(view)

    def action_move_cursor(self, step: int) -> None:
        order = [
            Cursor(si, pi, k)
            for si, pi, p in self.shown.paragraphs()
            for k in range(len(p.sentences))
        ]
        if not order:
            return
        index = order.index(self.cursor) if self.cursor in order else 0
        self._set_cursor(order[max(0, min(len(order) - 1, index + step))])

    @on(ParagraphView.Clicked)
    def clicked(self, event: ParagraphView.Clicked) -> None:
        view = event.view
        paragraph = self.shown.sections[view.section].paragraphs[view.paragraph]
        index = paragraph.sentence_at(event.offset)
        self._set_cursor(Cursor(view.section, view.paragraph, index), scroll=False)

    def _cursor_span(self, whole_paragraph: bool = False) -> tuple[int, int, int, int] | None:
        if self.cursor is None:
            return None
        c = self.cursor
        paragraph = self.original.sections[c.section].paragraphs[c.paragraph]
        if whole_paragraph or not paragraph.sentences:
            return c.section, c.paragraph, 0, len(paragraph.text)
        s = paragraph.sentences[min(c.sentence, len(paragraph.sentences) - 1)]
        return c.section, c.paragraph, s.start, s.end

    # Notes

    def _open_notes(self) -> None:
        store = self.reader_app.store
        if store is None:
            return
        try:
            self.record = store.open_article(self.original, self.path, self.traditional)
        except ArticleError as exc:
            self.notify(f"笔记不可用：{exc.problem}", severity="error", timeout=8)
            return
        self._place_notes()
        lost = sum(p.lost for p in self.notes)
        if lost:
            self.notify(
                f"文章已改动：{lost} 条笔记找不到原文（按 m 查看）", severity="warning", timeout=8
            )
        self._refresh_marks()

    def _place_notes(self) -> None:
        """Read the article's notes again and find each in the text (moves are saved)."""
        store = self.reader_app.store
        if store is None or self.record is None:
            return
        try:
            self.notes = place_notes(store, self.record, self.original)
        except ArticleError as exc:
            self.notify(f"笔记未能读取：{exc.problem}", severity="error")

    def _reload_notes(self) -> None:
        self._place_notes()
        self._refresh_marks()
        self._update_status()

    def _refresh_marks(self) -> None:
        notes: dict[tuple[int, int], list[tuple[int, int]]] = {}
        bookmarked: set[tuple[int, int]] = set()
        for placed in self.notes:
            if placed.lost:
                continue
            a = placed.note.anchor
            if placed.note.kind == "bookmark":
                bookmarked.add((a.section, a.paragraph))
            else:
                notes.setdefault((a.section, a.paragraph), []).append((a.start, a.end))
        keyword_spans = self._keyword_spans() if self.show_keywords else {}

        matches: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for m in self.matches:
            matches.setdefault((m.section, m.paragraph), []).append((m.start, m.end))
        current = (
            self.matches[self.match_index] if 0 <= self.match_index < len(self.matches) else None
        )
        for view in self.views:
            key = (view.section, view.paragraph)
            view.set_marks("note", sorted(notes.get(key, [])))
            view.set_class(key in bookmarked, "-bookmark")
            view.set_marks("keyword", keyword_spans.get(key, []))
            view.set_marks("match", matches.get(key, []))
            here = current is not None and (current.section, current.paragraph) == key
            view.set_marks(
                "current-match", [(current.start, current.end)] if here and current else []
            )

    def _keyword_spans(self) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """Where the keywords stand in each paragraph; computed once per script shown."""
        if self.analysis is None:
            return {}
        if self._keyword_cache is None or self._keyword_cache[0] is not self.variant:
            to_variant = converter(self.variant, self.traditional)
            words = [to_variant(k.word) for k in self.analysis.keywords]
            spans = {(v.section, v.paragraph): spans_in(v.text, words) for v in self.views}
            self._keyword_cache = (self.variant, spans)
        return self._keyword_cache[1]

    def _note_at_cursor(self, kind: str = "highlight") -> PlacedNote | None:
        span = self._cursor_span()
        if span is None:
            return None
        si, pi, start, end = span
        for placed in self.notes:
            a = placed.note.anchor
            if placed.lost or placed.note.kind != kind or (a.section, a.paragraph) != (si, pi):
                continue
            if kind == "bookmark" or (a.start < end and start < a.end):
                return placed
        return None

    def _save_note(
        self, whole_paragraph: bool, annotation: str = "", kind: str = "highlight"
    ) -> bool:
        """Save a note at the cursor; False (and the reason shown) if nothing was saved,
        so the caller never reports a success that did not happen."""
        span = self._cursor_span(whole_paragraph)
        if span is None:
            self.notify("先用 j/k 或鼠标选中一句", timeout=2)
            return False
        record = self.record
        if record is None:
            self.reader_app.no_store("未能保存笔记")
            return False
        anchor = anchor_for(self.original, *span)
        if not self.reader_app.save(
            lambda store: store.add_note(record.id, anchor, annotation, kind), "未能保存笔记"
        ):
            return False
        self._reload_notes()
        return True

    def action_highlight(self) -> None:
        existing = self._note_at_cursor()
        if existing is not None and not existing.note.annotation:
            if self._delete_note(existing):
                self.notify("已取消划线", timeout=1.5)
            return
        if existing is not None:
            self.notify("这句有批注，要删除请在笔记列表（m）里按 x", timeout=3)
            return
        if self._save_note(whole_paragraph=False):
            self.notify("已划线", timeout=1.5)

    def action_highlight_paragraph(self) -> None:
        if self._save_note(whole_paragraph=True):
            self.notify("已给整段划线", timeout=1.5)

    def action_bookmark(self) -> None:
        existing = self._note_at_cursor("bookmark")
        if existing is not None:
            if self._delete_note(existing):
                self.notify("已移除书签", timeout=1.5)
        elif self._save_note(whole_paragraph=True, kind="bookmark"):
            self.notify("已加书签", timeout=1.5)

    def action_annotate(self) -> None:
        if self.cursor is None:
            self.notify("先用 j/k 或鼠标选中一句", timeout=2)
            return
        existing = self._note_at_cursor()
        span = self._cursor_span()
        assert span is not None
        quote = self.shown.sections[span[0]].paragraphs[span[1]].text[span[2] : span[3]]
        prompt = TextPrompt(
            "批注：" + (quote if len(quote) <= 40 else quote[:39] + "…"),
            # shown in an Input, drawn as it is: controls made visible (and saved so if kept)
            one_line(existing.note.annotation) if existing else "",
            "Enter 保存，Esc 取消",
            id="annotate",
        )

        def done(text: str | None) -> None:
            if text is None:
                return
            if existing is not None:
                note_id = existing.note.id
                if not self.reader_app.save(
                    lambda store: store.annotate(note_id, text.strip()), "未能保存批注"
                ):
                    return
                self._reload_notes()
            elif not self._save_note(whole_paragraph=False, annotation=text.strip()):
                return
            self.notify("批注已保存", timeout=1.5)

        self.app.push_screen(prompt, done)

    def _delete_note(self, placed: PlacedNote) -> bool:
        if not self.reader_app.save(
            lambda store: store.delete_note(placed.note.id), "未能删除笔记"
        ):
            return False
        self._reload_notes()
        return True

    def action_notes(self) -> None:
        headings = [s.heading for s in self.shown.sections]

        def done(result: tuple[str, PlacedNote] | None) -> None:
            if result is None:
                return
            what, placed = result
            if what == "delete":
                if self._delete_note(placed):
                    self.notify("已删除笔记", timeout=1.5)
                return
            self._go_to_note(placed)

        self.app.push_screen(NotesScreen(self.notes, headings), done)

    def action_next_note(self, step: int) -> None:
        """Jump to the next (or previous) note after the reading cursor, in document order."""
        placed = [p for p in self.notes if not p.lost]
        if not placed:
            self.notify("还没有笔记", timeout=1.5)
            return
        here = self._cursor_span() or (0, 0, 0, 0)
        spots = [
            (p.note.anchor.section, p.note.anchor.paragraph, p.note.anchor.start) for p in placed
        ]
        if step > 0:
            later = [i for i, spot in enumerate(spots) if spot > here[:3]]
            target = placed[later[0] if later else 0]
        else:
            earlier = [i for i, spot in enumerate(spots) if spot < here[:3]]
            target = placed[earlier[-1] if earlier else -1]
        self._go_to_note(target)

    def _go_to_note(self, placed: PlacedNote) -> None:
        a = placed.note.anchor
        view = self.article.view(a.section, a.paragraph)
        if view is None:
            return
        k = self.shown.sections[a.section].paragraphs[a.paragraph].sentence_at(a.start)
        self._set_cursor(Cursor(a.section, a.paragraph, k), scroll=False)
        if not self.article.is_visible(view):
            self.article.scroll_to_paragraph(view)

    def action_export(self) -> None:
        stem = Path(self.path).stem if self.path else (self.original.title or "article")[:30]
        # A suggestion shown in the input: nothing a terminal obeys, no folder from a slash.
        stem = one_line(stem).replace("/", "_") or "article"
        prompt = ExportPrompt(Path.cwd() / f"{stem}.notes.md")

        def done(target: str | None) -> None:
            if target is None:
                return
            from reader.output.export import export_markdown, write_atomic

            analysis = self.analysis or analyze(self.original)
            text = export_markdown(self.original, analysis, self.notes, self.variant, self.path)
            try:
                write_atomic(os.path.expanduser(target), text, force=True)
            except ArticleError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.notify(f"已导出到 {target}", timeout=4)

        self.app.push_screen(prompt, done)

    # Search and keywords

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def searched(self, event: Input.Submitted) -> None:
        self.matches = find_all(self.original, event.value)
        self.match_index = -1
        self.set_focus(None)
        if not self.matches:
            self._refresh_marks()
            self.notify(f"没有找到“{event.value}”", severity="warning", timeout=2)
            self._update_status()
            return
        top = self.article.top_paragraph()
        here = (top.section, top.paragraph) if top else (0, 0)
        self.match_index = (
            next((i for i, m in enumerate(self.matches) if (m.section, m.paragraph) >= here), 0) - 1
        )
        self.action_next_match()

    def action_next_match(self, step: int = 1) -> None:
        if not self.matches:
            return
        self.match_index = (self.match_index + step) % len(self.matches)
        match = self.matches[self.match_index]
        self._refresh_marks()
        view = self.article.view(match.section, match.paragraph)
        if view is not None:
            self.article.scroll_to_paragraph(view)
        self._update_status()

    def action_previous_match(self) -> None:
        self.action_next_match(-1)

    def action_toggle_keywords(self) -> None:
        self.show_keywords = not self.show_keywords
        if self.show_keywords and self.analysis is None:
            self.notify("摘要还在计算，稍后关键词会标出", timeout=2)
        self._refresh_marks()

    def action_toggle_indent(self) -> None:
        self.indent = not self.indent
        self.set_class(not self.indent, "-spaced")
        self.reader_app.save_setting("paragraphs", "indent" if self.indent else "spaced")
        self.article.set_indent(self.indent)

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.matches, self.match_index = [], -1
            self._refresh_marks()
            self._update_status()
            self.set_focus(None)
        elif self.has_class("-show-nav") or self.has_class("-show-summary"):
            self._close_overlays()
        elif self.focused is not None:  # from the tree or the key sentences back to the text
            self.set_focus(None)
        elif self.from_library:
            self.app.pop_screen()

    def action_scroll_article(self, how: str) -> None:
        article = self.article
        {
            "down": article.scroll_down,
            "up": article.scroll_up,
            "page_down": article.scroll_page_down,
            "page_up": article.scroll_page_up,
            "home": article.scroll_home,
            "end": article.scroll_end,
        }[how](animate=False)

    def action_help(self) -> None:
        rows = []
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            key = self.app.get_key_display(binding)
            rows.append((key, binding.tooltip or binding.description))
        rows += [
            ("Enter", "在目录/关键句上：跳转到该处"),
            ("Ctrl+P", "命令面板"),
            ("鼠标", "点标题、关键句跳转；点句子移动阅读光标"),
        ]
        self.app.push_screen(HelpScreen(rows))
