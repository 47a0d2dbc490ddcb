"""Provides the Textual application that hosts the reader screens."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from reader.model import Document
from reader.resources import styles_dir


class ReaderApp(App[None]):
    """The zhreader application."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "zhreader"
    BINDINGS = [Binding("q", "quit", "退出 Quit")]

    def __init__(self, document: Document | None = None, path: str | None = None) -> None:
        super().__init__()
        self.document = document
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="article"):
            if self.document is not None:
                yield Static(self.document.title or "", classes="title")
                for section in self.document.sections:
                    if section.heading:
                        yield Static(section.heading, classes="heading")
                    for paragraph in section.paragraphs:
                        yield Static("\u3000\u3000" + paragraph.text, classes="paragraph")
        yield Footer()
