"""The learners' widgets on their own: the dictionary panel and the article in pinyin
and zhuyin mode (SVG snapshots; update with --snapshot-update), and their text literal."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.ingest.loading import load_text
from reader.learn.dictionary import Entry, Sense, load_dictionary
from reader.learn.pinyin import ReadingStyle
from reader.reading import Marks
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.dictionary_panel import DictionaryPanel, entry_lines
from reader.tui.widgets.interlinear import InterlinearParagraph

PARAGRAPH = "他说：“我们明天去长城。”大家都很高兴，觉得在银行工作的朋友也会来重庆。"
TRADITIONAL = "銀行的行長長大以後，覺得音樂讓他快樂。"


class ReadingsApp(App[None]):
    """The article view alone, with the reader's stylesheet, in interlinear mode."""

    CSS_PATH = ReaderApp.CSS_PATH

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")

    async def on_mount(self) -> None:
        # The first paragraph in pinyin, the second (traditional) in zhuyin.
        article = self.query_one(ArticleView)
        await article.show(load_text(f"标题\n\n{PARAGRAPH}\n\n{TRADITIONAL}\n"), True)
        article.set_readings(
            lambda text: InterlinearParagraph(
                text, ReadingStyle.ZHUYIN if text == TRADITIONAL else ReadingStyle.PINYIN
            )
        )
        # The cursor on a sentence and a note: drawn on the character rows.
        article.show_marks({(0, 0): Marks(cursor=[(0, 10)], note=[(10, 12)])})


class LearnApp(App[None]):
    """A bare app holding the dictionary panel as the reading screen does."""

    CSS = """
    DictionaryPanel { border: round $accent; height: auto; }
    """

    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def compose(self) -> ComposeResult:
        yield DictionaryPanel(id="dictionary")

    def on_mount(self) -> None:
        panel = self.query_one(DictionaryPanel)
        panel.show_entry(load_dictionary().lookup(self.word), self.word)


def test_pinyin_and_zhuyin_mode(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReadingsApp(), terminal_size=(60, 24))


def test_dictionary_panel(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(LearnApp("圖書館"), terminal_size=(70, 24))


async def test_interlinear_rows_follow_the_width_and_style() -> None:
    app = ReadingsApp()
    async with app.run_test(size=(60, 24)) as pilot:
        article = app.query_one(ArticleView)
        rows = article.drawn(0, 0)
        assert "chángchéng" in "".join(rows) and len(rows) % 2 == 0
        assert "ㄔㄤˊ" not in "".join(rows)
        article.set_readings(lambda text: InterlinearParagraph(text, ReadingStyle.ZHUYIN))
        await pilot.pause()
        assert "ㄔㄤˊ ㄔㄥˊ" in "".join(article.drawn(0, 0))
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        assert len(article.drawn(0, 0)) > len(rows)


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
