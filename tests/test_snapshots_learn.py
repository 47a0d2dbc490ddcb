"""The learners' widgets on their own: the dictionary panel and a paragraph in pinyin
and zhuyin mode (SVG snapshots; update with --snapshot-update), and their text literal."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.learn.dictionary import Entry, Sense, load_dictionary
from reader.learn.pinyin import ReadingStyle
from reader.tui.widgets.dictionary_panel import DictionaryPanel, entry_lines
from reader.tui.widgets.interlinear import InterlinearParagraph

PARAGRAPH = "他说：“我们明天去长城。”大家都很高兴，觉得在银行工作的朋友也会来重庆。"
TRADITIONAL = "銀行的行長長大以後，覺得音樂讓他快樂。"


class LearnApp(App[None]):
    """A bare app holding the widgets as the reading screen will."""

    CSS = """
    InterlinearParagraph { height: auto; margin-bottom: 1; }
    DictionaryPanel { border: round $accent; height: auto; }
    """

    def __init__(self, word: str | None = None) -> None:
        super().__init__()
        self.word = word

    def compose(self) -> ComposeResult:
        if self.word is None:
            yield InterlinearParagraph(PARAGRAPH, id="pinyin")
            yield InterlinearParagraph(TRADITIONAL, ReadingStyle.ZHUYIN, id="zhuyin")
        else:
            yield DictionaryPanel(id="dictionary")

    def on_mount(self) -> None:
        if self.word is not None:
            panel = self.query_one(DictionaryPanel)
            panel.show_entry(load_dictionary().lookup(self.word), self.word)


def test_pinyin_and_zhuyin_mode(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(LearnApp(), terminal_size=(60, 24))


def test_dictionary_panel(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(LearnApp("圖書館"), terminal_size=(70, 24))


async def test_interlinear_widget_follows_its_width_and_style() -> None:
    app = LearnApp()
    async with app.run_test(size=(60, 24)) as pilot:
        widget = app.query_one("#pinyin", InterlinearParagraph)
        rows = widget.rows(widget.content_region.width)
        assert widget.size.height == 2 * len(rows)
        assert "chángchéng" in widget.render().plain
        widget.set_style(ReadingStyle.ZHUYIN)
        await pilot.pause()
        assert "ㄔㄤˊ ㄔㄥˊ" in widget.render().plain
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        assert len(widget.rows(widget.content_region.width)) > len(rows)


async def test_dictionary_panel_text_is_literal() -> None:
    app = LearnApp("银行")
    async with app.run_test(size=(70, 24)) as pilot:
        panel = app.query_one(DictionaryPanel)
        # CC-CEDICT's brackets (CL:家[jia1]) are shown, not read as markup.
        assert "CL:家[jia1]" in panel.render().plain
        hostile = Entry("[bold]词", "[@click=app.quit]詞", (Sense("cí", ("\x1b[31mred",)),))
        panel.show_entry(hostile)
        await pilot.pause()
        shown = panel.render().plain
        assert "[bold]词" in shown and "[@click=app.quit]詞" in shown and "\x1b" not in shown
        panel.show_entry(None, "锐能")
        await pilot.pause()
        assert "锐能：词典里没有这个词" in panel.render().plain


def test_entry_lines_show_both_scripts_readings_and_parts() -> None:
    entry = load_dictionary().lookup("圖書館")
    assert entry is not None
    lines = entry_lines(entry)
    assert lines[0] == "图书馆 〔圖書館〕"
    assert "tú shū guǎn" in lines
    assert "词的组成：" in lines and any(line.startswith("  图书 tú shū") for line in lines)
