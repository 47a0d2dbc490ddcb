"""Provides the note keys of the reading screen: highlight, bookmark, annotate, list, export.

Each key asks the reading model to act and says, in the script shown, what
happened; the dialogs are in ``reader.tui.dialogs``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen

from reader.errors import ArticleError
from reader.nlp.analysis import analyze
from reader.notes.notebook import PlacedNote
from reader.reading import Reading, Toggle, in_chinese
from reader.settings import Settings
from reader.terminal_text import one_line
from reader.tui.dialogs import ExportPrompt, NotesScreen, TextPrompt
from reader.tui.widgets.article_view import ArticleView

NO_CURSOR = "先用 j/k 或鼠标选中一句"


class ScreenParts(Screen[None]):
    """What the reading screen provides to its parts: the model, notices, writes, the article."""

    model: Reading
    settings: Settings

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def changed(self) -> None:
        raise NotImplementedError

    def say(self, template: str, *values: object, **options: object) -> None:
        raise NotImplementedError

    def _write(self, change: Callable[[], object], failure: str) -> bool:
        raise NotImplementedError

    def _show_cursor(self) -> None:
        raise NotImplementedError


class NoteKeys(ScreenParts):
    """Notes at the reading cursor, the notes list and export."""

    def action_highlight(self) -> None:
        outcome: list[Toggle] = []
        if self._write(lambda: outcome.append(self.model.toggle_highlight()), "未能保存笔记"):
            self.say(_TOLD[outcome[0]], timeout=2)

    def action_highlight_paragraph(self) -> None:
        done: list[bool] = []
        if self._write(lambda: done.append(self.model.add_note(True)), "未能保存笔记"):
            self.say("已给整段划线" if done[0] else NO_CURSOR, timeout=1.5)

    def action_bookmark(self) -> None:
        outcome: list[Toggle] = []
        if self._write(lambda: outcome.append(self.model.toggle_bookmark()), "未能保存笔记"):
            told = {Toggle.ADDED: "已加书签", Toggle.REMOVED: "已移除书签"}
            self.say(told.get(outcome[0], NO_CURSOR), timeout=1.5)

    def action_annotate(self) -> None:
        if self.model.cursor is None:
            self.say(NO_CURSOR, timeout=2)
            return
        existing = self.model.note_at_cursor()
        # shown in an Input, drawn as it is: controls made visible (and saved so if kept)
        value = one_line(existing.note.annotation) if existing else ""
        title = self.model.label("批注：") + self.model.cursor_quote()
        prompt = TextPrompt(title, value, self.model.label("Enter 保存，Esc 取消"), id="annotate")

        def done(text: str | None) -> None:
            if text is not None and self._write(lambda: self.model.annotate(text), "未能保存批注"):
                self.say("批注已保存", timeout=1.5)

        self.app.push_screen(prompt, done)

    def action_notes(self) -> None:
        out = self.model.out
        headings = [out(s.heading) if s.heading else None for s in self.model.original.sections]

        def done(result: tuple[str, PlacedNote] | None) -> None:
            if result is None:
                return
            what, placed = result
            if what == "delete":
                if self._write(lambda: self.model.delete_note(placed), "未能删除笔记"):
                    self.say("已删除笔记", timeout=1.5)
                return
            self._go_to_note(placed)

        self.app.push_screen(NotesScreen(self.model.notes, headings, self.model.label), done)

    def action_next_note(self, step: int) -> None:
        """Jump to the next (or previous) note after the reading cursor, in document order."""
        placed = self.model.next_note(step)
        if placed is None:
            self.say("还没有笔记", timeout=1.5)
        else:
            self._go_to_note(placed)

    def _go_to_note(self, placed: PlacedNote) -> None:
        self.model.go_to_note(placed)
        self._show_cursor()

    def action_export(self) -> None:
        model = self.model
        stem = (
            Path(self.model.path).stem
            if self.model.path
            else (model.original.title or "article")[:30]
        )
        # A suggestion shown in the input: nothing a terminal obeys, no folder from a slash.
        stem = one_line(stem).replace("/", "_") or "article"
        folder = (
            Path(self.model.path).parent if self.model.path else Path.cwd()
        )  # beside the article

        def done(target: str | None) -> None:
            if target is None:
                return
            from reader.output.export import export_markdown, write_atomic

            analysis = model.analysis or analyze(model.original)
            text = export_markdown(
                model.original, analysis, model.notes, model.variant, self.model.path
            )
            try:
                write_atomic(os.path.expanduser(target), text, force=True)
            except ArticleError as exc:
                self.say("未能导出：{}", in_chinese(exc), severity="error", timeout=8)
                return
            self.say("已导出到 {}", target, timeout=4)

        self.app.push_screen(ExportPrompt(folder / f"{stem}.notes.md", self.model.label), done)


_TOLD = {
    Toggle.ADDED: "已划线",
    Toggle.REMOVED: "已取消划线",
    Toggle.ANNOTATED: "这句有批注，要删除请在笔记列表（m）里按 x",
    Toggle.NO_CURSOR: NO_CURSOR,
}
