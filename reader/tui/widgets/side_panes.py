"""Provides the two side panes: the heading tree and the summary (keywords, key sentences, digest)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import MouseMove, Resize
from textual.geometry import Size
from textual.widgets import Label, ListItem, ListView, LoadingIndicator, Static, Tree
from textual.widgets.tree import TreeNode

from reader.model import LEAD, NO_TITLE, Document, Section
from reader.nlp.analysis import Analysis, KeySentence
from reader.terminal_text import one_line
from reader.tui.literal import literal_text
from reader.tui.widgets.article_view import heading_label
from reader.tui.widgets.paragraph import SetLines


class HeadingTree(Tree[int | None]):
    """Section headings by level, the title at the root; node data is the section index.

    A heading wider than the pane ends in an ellipsis (hover shows it whole): no
    horizontal scrollbar, whose thumb end was the stray ``▊`` under the tree. A
    heading with no subheadings is a leaf: no expander, and Enter only jumps.
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__("目录", id=id)
        self.nodes_by_section: dict[int, TreeNode[int | None]] = {}
        self._labels_width = 0  # the width the labels were last cut to
        self._measuring_width: int | None = None  # the pane's width while the tree is built

    def process_label(self, label: str | Text) -> Text:
        """Labels are headings from the article: literal text, never markup, on one line
        (so Textual's first-line cut has nothing to do: a book relabels 2,800 at a time)."""
        return literal_text(label) if isinstance(label, str) else super().process_label(label)

    def _room(self, node: TreeNode[int | None]) -> int:
        """The cells left for a node's label beside its guides, one per ancestor."""
        depth = 0
        parent = node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        width = self._measuring_width
        if width is None:
            width = self.scrollable_content_region.width
        return width - depth * self.guide_depth

    def render_label(self, node: TreeNode[int | None], base_style: Style, style: Style) -> Text:
        """The label cut with an ellipsis to the cells left beside its guides."""
        label = super().render_label(node, base_style, style)
        room = self._room(node)
        if room > 0 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        return label

    def get_label_width(self, node: TreeNode[int | None]) -> int:
        """What ``render_label`` gives, measured without drawing it: the tree asks it of
        every node when it is restyled (0.2 s for a book's 2,800 headings)."""
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        label = node.label
        width = (cell_len(icon) if node.allow_expand else 0) + cell_len(str(label))
        room = self._room(node)
        return min(width, room) if room > 0 else width

    def _build(self) -> None:
        """Textual measures every line when it builds the tree (on each restyle): the
        pane's width is read once for all of them, not once a heading."""
        self._measuring_width = self.scrollable_content_region.width
        try:
            super()._build()
        finally:
            self._measuring_width = None

    def on_resize(self, event: Resize) -> None:
        """Labels are cut to the width: a new width cuts them anew. A new height, as when
        the search bar opens or closes, changes none of them: Textual's own handler,
        which builds the whole tree again (a book's 2,800 headings), is not run."""
        event.prevent_default()
        self._line_cache.grow(event.size.height)
        width = self.scrollable_content_region.width
        if width != self._labels_width:
            self._labels_width = width
            self._refresh_labels()
        else:
            self.refresh()

    def _refresh_labels(self) -> None:
        self._clear_line_cache()
        self._invalidate()
        self.refresh()

    def on_mouse_move(self, event: MouseMove) -> None:
        """Hovering a cut heading shows it whole as a tooltip."""
        node = self.get_node_at_line(event.y + self.scroll_offset.y)
        tip = None
        if node is not None:
            full = str(node.label)
            tip = full if self.get_label_width(node) < cell_len(full) else None
        if self.tooltip != tip:
            self.tooltip = tip

    def show(self, document: Document) -> None:
        self.clear()
        self.root.set_label(document.title or NO_TITLE)
        self.root.data = None
        self.nodes_by_section = {}
        parents: dict[int, TreeNode[int | None]] = {0: self.root}
        for si, section in enumerate(document.sections):
            if not section.heading:
                continue
            parent = parents.get(section.level - 1, self.root)
            node = parent.add(_tree_label(section), data=si, expand=True)
            parents[section.level] = node
            self.nodes_by_section[si] = node
        for node in self.nodes_by_section.values():
            node.allow_expand = bool(node.children)  # a leaf shows no ▼ and Enter keeps it
        self.root.expand()

    def relabel(self, document: Document, convert: Callable[[str], str]) -> None:
        """The headings of ``document`` (shown already) in another script, in place. Not
        ``set_label``: it posts a message per heading, and a book has thousands."""
        labels = [document.title or NO_TITLE] + [
            _tree_label(document.sections[si]) for si in self.nodes_by_section
        ]
        converted = convert("\n".join(labels)).split("\n")  # one call, not thousands
        if len(converted) != len(labels):  # a label with a line break in it
            converted = [convert(label) for label in labels]
        nodes = [self.root, *self.nodes_by_section.values()]
        widths_kept = True
        for node, label in zip(nodes, converted, strict=True):
            text = self.process_label(label)
            widths_kept &= text.cell_len == node._label.cell_len
            node._label = text
        if widths_kept:  # the tree's lines stand as they were: only their drawings go
            self._line_cache.clear()
            self.refresh()
        else:  # a book's tree is built again in a tenth of a second
            self._refresh_labels()

    def follow(self, section: int) -> None:
        """Put the cursor on the nearest heading at or before ``section`` (no jump)."""
        node: TreeNode[int | None] = self.root
        for si in sorted(self.nodes_by_section):
            if si <= section:
                node = self.nodes_by_section[si]
        self.move_cursor(node, animate=False)


def _tree_label(section: Section) -> str:
    """A heading as the tree shows it: its subtitle after it on the same line."""
    return heading_label(section.heading or "", section.subtitle, " ")


class SummaryPane(VerticalScroll, can_focus=False):
    """Keywords with weight bars, the key sentences, and one sentence under each heading.

    The digest (各节要点) is shown when at least two sections have a sentence:
    the key sentences favour what matters most, the digest walks the whole
    article in order, so a reader sees what each part says before going there.
    Not focusable itself: Tab goes straight to the list of key sentences."""

    def compose(self) -> ComposeResult:
        yield LoadingIndicator(id="loading")
        yield Static("", id="keywords")
        yield Label("关键句", id="sentences-title", classes="pane-title")
        yield ListView(id="sentences")
        yield Label("各节要点", id="digest-title", classes="pane-title")
        yield ListView(id="digest")
        yield Static("", id="digest-more", markup=False)

    def preparing(self) -> None:
        """Under the spinner, say why a first run is slow (the segmentation model is built)."""
        note = Static("首次运行：正在准备分词模型（约 10 秒）…", id="first-run", markup=False)
        self.mount(note, after="#loading")

    def show(
        self,
        analysis: Analysis,
        out: Callable[[str], str],
        digest: Sequence[tuple[str | None, KeySentence]] = (),
        label: Callable[[str], str] = str,
        left_out: int = 0,
    ) -> None:
        """Fill the pane, every text passed through ``out`` (the script shown).

        ``digest`` is each section's heading and best sentence, as
        ``reader.reading.digest_entries`` chose them, ``left_out`` how many it left
        out; ``label`` puts the pane's own words in the script shown.
        """
        self.query_one("#loading").display = False
        self.query("#first-run").remove()
        words = "\n".join(
            f"{one_line(out(k.word))}  {'▮' * max(1, round(k.score * 8))}"
            for k in analysis.keywords
        )
        # Built as Content, not markup: a keyword is article text.
        keywords = (
            Content.assemble((label("关键词"), "bold"), "\n", words) if words else Content("")
        )
        _replace(self.query_one("#keywords", Static), keywords)
        _replace(self.query_one("#sentences-title", Label), label("关键句"))
        _replace(self.query_one("#digest-title", Label), label("各节要点"))
        sentences = self.query_one("#sentences", ListView)
        if _items_of(sentences) == list(analysis.sentences):  # another script: texts only
            for item, s in zip(_sentence_items(sentences), analysis.sentences, strict=True):
                item.retext(out(s.text))
        else:
            sentences.clear()
            # One mount for all: each mount lays the screen out again.
            sentences.extend(SentenceItem(s, out(s.text)) for s in analysis.sentences)
        self._show_digest(digest, out, label(LEAD))
        more = label(f"另有 {left_out} 节未列出，见目录") if left_out and len(digest) >= 2 else ""
        _replace(self.query_one("#digest-more", Static), more)
        self.query_one("#digest-more").display = bool(more)

    def _show_digest(
        self,
        entries: Sequence[tuple[str | None, KeySentence]],
        out: Callable[[str], str],
        lead: str,
    ) -> None:
        digest = self.query_one("#digest", ListView)
        shown = len(entries) >= 2
        if shown and _items_of(digest) == [best for _, best in entries]:
            for item, (heading, best) in zip(_sentence_items(digest), entries, strict=True):
                item.retext(out(best.text), one_line(out(heading)) if heading else lead)
            return
        digest.clear()
        digest.display = self.query_one("#digest-title").display = shown
        if not shown:
            return
        digest.extend(
            SentenceItem(best, out(best.text), one_line(out(heading)) if heading else lead)
            for heading, best in entries
        )


class SentenceItem(ListItem):
    """A key sentence (or a digest entry: a heading over its best sentence) in a list;
    Enter jumps to ``data``. One widget that draws its own lines: a book's digest is
    forty entries, and three widgets each made every layout of the screen slower. The
    texts can be replaced even before Textual has mounted the item."""

    COMPONENT_CLASSES = {"sentence-item--heading"}

    def __init__(self, sentence: KeySentence, text: str, heading: str | None = None) -> None:
        self.data = sentence
        self._text = SetLines(text)
        self._heading = SetLines(heading) if heading is not None else None
        classes = "key-sentence" + (" digest-entry" if heading is not None else "")
        super().__init__(classes=classes)

    @property
    def text(self) -> str:
        return self._text.text

    @property
    def heading(self) -> str | None:
        return None if self._heading is None else self._heading.text

    def retext(self, text: str, heading: str | None = None) -> None:
        """The same entry in another script: laid out again only if it takes other lines."""
        same = self._text.line_count_kept(text)
        self._text = SetLines(text)
        if self._heading is not None and heading is not None:
            same &= self._heading.line_count_kept(heading)
            self._heading = SetLines(heading)
        self.refresh(layout=not same)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        parts = [self._text] if self._heading is None else [self._heading, self._text]
        return sum(len(part.starts(width)) for part in parts)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        lines = self._text.lines(width)
        if self._heading is not None:
            style = self.get_component_rich_style("sentence-item--heading")
            heading = self._heading.lines(width)
            for line in heading:
                line.stylize(style)
            lines = heading + lines
        return Text("\n", no_wrap=True, end="").join(lines)


def _sentence_items(view: ListView) -> list[SentenceItem]:
    return [item for item in view.children if isinstance(item, SentenceItem)]


def _items_of(view: ListView) -> list[object]:
    """What each item of a list shows: mounting a hundred items anew is a tenth of a
    second, so a list that shows the same sentences is retexted instead."""
    return [item.data for item in _sentence_items(view)]


def _replace(widget: Static, content: str | Content) -> None:
    """New content, laid out again only if its lines take other widths: the same words
    in another script take the same, and a layout of a long summary is costly."""

    def widths(value: object) -> list[int]:
        return [cell_len(line) for line in str(value).split("\n")]

    widget.update(content, layout=widths(widget.content) != widths(content))
