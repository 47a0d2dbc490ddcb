"""Provides the Textual application: navigation tree, article, and summary side by side.

The screen holds no parsing or NLP: it shows a Document, asks the core for
its Analysis in a thread worker, and converts scripts through reader.convert.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Footer,
    Header,
    Label,
    ListItem,
    ListView,
    LoadingIndicator,
    Static,
    Tree,
)

from reader.analysis import Analysis, analyze
from reader.convert import Variant, convert
from reader.model import Document
from reader.resources import sample_articles, styles_dir

CYCLE = (
    Variant.ORIGINAL,
    Variant.SIMPLIFIED,
    Variant.TRADITIONAL,
    Variant.TAIWAN,
    Variant.HONGKONG,
)


@dataclass
class AnalysisReady(Message):
    """Posted by the worker when the summary of the document is ready."""

    analysis: Analysis


class ReaderApp(App[None]):
    """Reads one article: headings on the left, text in the middle, summary on the right."""

    CSS_PATH = [str(styles_dir() / "app.tcss")]
    TITLE = "zhreader"
    BINDINGS = [
        Binding("q", "quit", "退出"),
        Binding("t", "cycle_script", "简/繁"),
        Binding("n", "toggle('#nav')", "目录"),
        Binding("s", "toggle('#summary')", "摘要"),
    ]

    def __init__(self, document: Document | None = None, path: str | None = None) -> None:
        super().__init__()
        if document is None:
            from reader.loading import load_path

            samples = sample_articles()
            document = load_path(samples[0]) if samples else None
            path = str(samples[0]) if samples else None
        self.original = document
        self.document = document
        self.path = path
        self.variant = Variant.ORIGINAL
        self.analysis: Analysis | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Tree("目录", id="nav")
            yield VerticalScroll(id="article")
            with VerticalScroll(id="summary"):
                yield LoadingIndicator(id="loading")
                yield Static("", id="keywords")
                yield ListView(id="sentences")
        yield Footer()

    async def on_mount(self) -> None:
        await self.render_document()
        self.run_analysis()

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Analysis can take a second on long texts; the text is readable meanwhile."""
        if self.original is not None:
            self.post_message(AnalysisReady(analyze(self.original)))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.analysis = message.analysis
        self.query_one("#loading").display = False
        self.render_summary()

    async def render_document(self) -> None:
        """Fill the tree and the article from the current (converted) document."""
        doc = self.document
        article = self.query_one("#article", VerticalScroll)
        await article.remove_children()
        tree = self.query_one("#nav", Tree)
        tree.clear()
        if doc is None:
            await article.mount(Static("没有可显示的文章。", classes="paragraph"))
            return
        tree.root.set_label(doc.title or "(无标题)")
        self.sub_title = f"{self.variant.label}"
        widgets: list[Static] = [Static(doc.title or "", classes="title")]
        parents = {0: tree.root}
        for si, section in enumerate(doc.sections):
            if section.heading:
                label = section.heading + (f" {section.subtitle}" if section.subtitle else "")
                parent = parents.get(section.level - 1, tree.root)
                node = parent.add(label, data=si, expand=True)
                parents[section.level] = node
                widgets.append(Static(label, classes="heading", id=f"s{si}"))
            for pi, paragraph in enumerate(section.paragraphs):
                widgets.append(
                    Static("\u3000\u3000" + paragraph.text, classes="paragraph", id=f"p{si}-{pi}")
                )
        tree.root.expand()
        await article.mount_all(widgets)

    def render_summary(self) -> None:
        if self.analysis is None:
            return
        words = "  ".join(
            f"{convert(k.word, self.variant)}{'▮' * max(1, round(k.score * 5))}"
            for k in self.analysis.keywords
        )
        self.query_one("#keywords", Static).update(f"关键词\n{words}")
        sentences = self.query_one("#sentences", ListView)
        sentences.clear()
        for s in self.analysis.sentences:
            item = ListItem(Label(convert(s.text, self.variant)), classes="key-sentence")
            item.data = s  # type: ignore[attr-defined]
            sentences.append(item)

    @on(Tree.NodeSelected, "#nav")
    def jump_to_heading(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self.query_one(f"#s{event.node.data}").scroll_visible(top=True, animate=False)

    @on(ListView.Selected, "#sentences")
    def jump_to_sentence(self, event: ListView.Selected) -> None:
        sentence = getattr(event.item, "data", None)
        if sentence is None:
            return
        for widget in self.query(".highlight"):
            widget.remove_class("highlight")
        target = self.query_one(f"#p{sentence.section}-{sentence.paragraph}")
        target.add_class("highlight")
        target.scroll_visible(top=True, animate=False)

    async def action_cycle_script(self) -> None:
        """原文 → 简体 → 繁體 → 台灣正體 → 香港繁體, keeping the reading position."""
        if self.original is None:
            return
        self.variant = CYCLE[(CYCLE.index(self.variant) + 1) % len(CYCLE)]
        article = self.query_one("#article", VerticalScroll)
        position = article.scroll_y
        self.document = self.original.map_text(lambda text: convert(text, self.variant))
        await self.render_document()
        self.render_summary()
        self.call_after_refresh(article.scroll_to, y=position, animate=False)
        self.notify(self.variant.label, timeout=1.5)

    def action_toggle(self, selector: str) -> None:
        widget = self.query_one(selector)
        widget.display = not widget.display
