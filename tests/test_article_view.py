"""The article view drawn row by row: what is at the top after a jump, clicks on wide
characters, marks on the right cells, re-wrapping on resize, readings with marks, and a
long article reachable to its last paragraph (real Textual, ``App.run_test``)."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from reader.convert import Variant, converter
from reader.ingest.loading import load_path, load_text
from reader.learn.pinyin import ReadingStyle
from reader.linebreak import text_width
from reader.model import Document
from reader.reading import Marks
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_blocks import Heights, blocks_of, gaps, wrap, wrap_words
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.interlinear import InterlinearParagraph

from .pilot import settle

FILLER = "城市的绿道全线贯通以后，市民散步、骑车的去处多了，周末的河岸比往年热闹许多。"


def long_document(paragraphs: int, headings_every: int = 0) -> str:
    """An article of numbered paragraphs, with a heading every so often."""
    lines = ["长文测试", ""]
    for n in range(paragraphs):
        if headings_every and n % headings_every == 0:
            lines += [f"第{n // headings_every + 1}部分", ""]
        lines += [f"第{n}段。" + FILLER * (1 + n % 3), ""]
    return "\n".join(lines)


class ViewApp(App[None]):
    """The article view alone, with the reader's stylesheet."""

    CSS_PATH = ReaderApp.CSS_PATH

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.clicks: list[ArticleView.Clicked] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")

    async def on_mount(self) -> None:
        await self.query_one(ArticleView).show(self.document, True)

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        self.clicks.append(message)


def text_of(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


def screen_rows(view: ArticleView) -> list[str]:
    """The rows drawn on screen, without the column's left margin."""
    return [text_of(view.render_line(y)).strip() for y in range(view.size.height)]


def column_left(view: ArticleView) -> int:
    """Where the text column starts in the pane: centred, at most 80 cells wide."""
    width = view.scrollable_content_region.width
    return (width - min(80, width)) // 2


def test_heights_map_rows_to_blocks_and_back() -> None:
    heights = Heights([2, 3, 1])
    assert heights.total == 6
    assert [heights.locate(y) for y in range(6)] == [
        (0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 0),
    ]  # fmt: skip
    assert heights.set(1, 5) and not heights.set(1, 5)
    assert heights.top(2) == 7 and heights.locate(100) == (2, 93)


def test_margins_collapse_between_blocks() -> None:
    document = load_text("标题\n\n一、第一部分\n\n第一段。\n\n第二段。\n")
    indented, spaced = blocks_of(document, spaced=False), blocks_of(document, spaced=True)
    assert [b.kind for b in indented] == ["title", "heading", "paragraph", "paragraph"]
    assert gaps(indented) == [1, 1, 1, 0]  # the title's margin, the heading's, none between
    assert gaps(spaced) == [1, 1, 1, 1]  # a blank row after each paragraph


def test_a_centred_line_breaks_between_words() -> None:
    text = "东江日报 · 2023-02-17 10:06:00 · 东江日报记者 林晓雯 通讯员 陈国栋"
    starts = wrap_words(text, 48)
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert lines == ["东江日报 · 2023-02-17 10:06:00 · 东江日报记者", "林晓雯 通讯员 陈国栋"]
    assert all(text_width(line) <= 48 for line in lines)


def test_a_word_wider_than_a_centred_line_leaves_the_next_word_room() -> None:
    text = "一" * 27 + " " + "a" * 20
    starts = wrap_words(text, 25)
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert all(text_width(line) <= 25 for line in lines), lines
    assert "".join(lines) == text.replace(" ", "")


def test_tabs_are_drawn_as_one_cell() -> None:
    document = load_text("标\t题\n\n第一段\t有制表符\t在这里。\n")
    blocks = blocks_of(document, spaced=False)
    assert [b.text for b in blocks] == ["标 题", "第一段 有制表符 在这里。"]  # same lengths


async def test_scrolling_to_a_paragraph_or_heading_puts_it_at_the_top() -> None:
    app = ViewApp(load_text(long_document(600, headings_every=50)))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        key = next(
            k for k in view.paragraphs if view.drawn(*k)[0].startswith("\u3000\u3000第400段")
        )
        view.scroll_to_paragraph(*key)
        await pilot.pause()
        assert screen_rows(view)[0].startswith("第400段")  # the indent is stripped by strip()
        assert view.top_paragraph() == key and view.is_visible(*key)
        view.scroll_to_heading(9)  # 第10部分: before 第450段
        await pilot.pause()
        assert screen_rows(view)[0] == "第10部分"
        assert screen_rows(view)[2].startswith("第450段")


async def test_estimates_become_exact_without_moving_what_is_read() -> None:
    app = ViewApp(load_text(long_document(3000)))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        key = view.paragraphs[2000]
        view.scroll_to_paragraph(*key)  # before the background layout is through
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.laid_out_at is not None
        assert screen_rows(view)[0].startswith("第2000段")
        assert view.heights.total == sum(view.heights.sizes)
        # the article's height changed without a layout of the screen: the scrollbar knows
        assert view.virtual_size.height == view.heights.total
        assert view.vertical_scrollbar.window_virtual_size == view.heights.total
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y == view.heights.total - view.size.height


async def test_a_click_on_a_wide_character_gives_its_offset() -> None:
    text = "ab中文cd，再来一句。"
    app = ViewApp(load_text(f"标题\n\n{text}\n"))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ArticleView)
        row = view.row_of(0, 0)
        assert row is not None
        left = view.styles.padding.left + column_left(view)
        # Indent (4 cells), a, b, then 中 covers cells 6-7 and 文 8-9.
        for cell, offset in [(4, 0), (5, 1), (6, 2), (7, 2), (8, 3), (10, 4)]:
            await pilot.click(view, offset=(left + cell, row))
            await pilot.pause()
            assert app.clicks[-1].offset == offset, cell
            assert (app.clicks[-1].section, app.clicks[-1].paragraph) == (0, 0)


async def test_marks_are_drawn_on_their_characters() -> None:
    text = "第一句话在这里。第二句话在那里。"
    app = ViewApp(load_text(f"标题\n\n{text}\n"))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ArticleView)
        view.show_marks({(0, 0): Marks(note=[(8, 12)], cursor=[(0, 8)])})
        await pilot.pause()
        note = view.get_component_rich_style("paragraph--note", partial=True)
        row = view.render_line(view.row_of(0, 0) or 0)
        styled = [(s.text, s.style or Style()) for s in row if s.text.strip()]
        noted = "".join(t for t, style in styled if style.bgcolor == note.bgcolor)
        underlined = "".join(t for t, style in styled if style.underline)
        assert noted == text[8:12] and underlined == text[0:8]
        view.show_marks({})
        await pilot.pause()
        row = view.render_line(view.row_of(0, 0) or 0)
        assert not any(s.style and s.style.bgcolor == note.bgcolor for s in row)


async def test_a_bookmark_draws_a_bar_and_narrows_the_paragraph() -> None:
    app = ViewApp(load_text("标题\n\n" + FILLER * 3 + "\n"))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ArticleView)
        plain = view.drawn(0, 0)
        view.show_marks({(0, 0): Marks(bookmark=True)})
        await pilot.pause()
        marked = view.drawn(0, 0)
        assert all(line.startswith("▌") for line in marked)
        assert [line[1:] for line in marked] != plain  # set one cell narrower


async def test_resizing_rewraps_and_keeps_the_paragraph_at_the_top() -> None:
    app = ViewApp(load_text(long_document(300)))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        key = view.paragraphs[150]
        view.scroll_to_paragraph(*key)
        await pilot.pause()
        wide = view.drawn(*key)
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        narrow = view.drawn(*key)
        assert len(narrow) > len(wide)
        assert max(len(line) for line in narrow) < max(len(line) for line in wide)
        assert view.top_paragraph() == key


async def test_back_at_the_width_before_nothing_is_set_again() -> None:
    """A side pane hidden and shown again: the article is as it was at that width, laid
    out already; a bookmark set meanwhile is drawn narrower there too."""
    paragraphs = [f"第{n}段。{FILLER}{'多' * (n % 40)}。" for n in range(600)]
    app = ViewApp(load_text("长文测试\n\n" + "\n\n".join(paragraphs) + "\n"))
    async with app.run_test(size=(70, 24)) as pilot:
        view = app.query_one(ArticleView)
        await app.workers.wait_for_complete()
        column = view._column()[1]

        def lines(key: tuple[int, int], width: int) -> int:
            paragraph = app.document.sections[key[0]].paragraphs[key[1]].text
            return len(wrap("\u3000\u3000" + paragraph, width))

        # a paragraph a bookmark's cell pushes onto one more line
        key = next(k for k in view.paragraphs[300:] if lines(k, column - 1) > lines(k, column))
        view.scroll_to_paragraph(*key)
        await pilot.pause()
        heights = view.heights
        await pilot.resize_terminal(40, 24)
        await app.workers.wait_for_complete()
        await pilot.pause()
        view.show_marks({key: Marks(bookmark=True)})  # at the narrow width
        await pilot.pause()
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert view.heights is heights  # the layout kept, not made again
        assert len(view._exact) == len(view.blocks)  # every block exact: no layout to run
        assert view.top_paragraph() == key
        marked = view.drawn(*key)
        assert all(line.startswith("▌") for line in marked)
        assert len(marked) == lines(key, column - 1)
        block = view.blocks.index(next(b for b in view.blocks if b.key == key))
        assert view.heights.sizes[block] == len(marked)  # its height follows the bookmark
        rows = view.row_of(*view.paragraphs[-1])
        assert rows is not None and rows < view.heights.total


async def test_a_preview_shows_another_script_at_once_from_the_text_as_loaded() -> None:
    """t on a book: the blocks are converted as they are drawn, the place kept, until the
    whole converted document arrives; a second preview starts from the loaded text."""
    paragraphs = [f"第{n}段。{FILLER}新的软件上线了，大家都在用。" for n in range(400)]
    document = load_text("长文测试\n\n" + "\n\n".join(paragraphs) + "\n")
    app = ViewApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await app.workers.wait_for_complete()
        key = view.paragraphs[200]
        view.scroll_to_paragraph(*key)
        await pilot.pause()

        def shown(k: tuple[int, int]) -> str:
            return "".join(view.drawn(*k)).lstrip("\u3000")

        def loaded(k: tuple[int, int]) -> str:
            return document.sections[k[0]].paragraphs[k[1]].text

        heights = list(view.heights.sizes)
        to_traditional = converter(Variant.TRADITIONAL, False)
        view.preview(to_traditional)
        await pilot.pause()
        assert "綠道" in screen_rows(view)[0] and view.top_paragraph() == key
        far = view.paragraphs[5]
        assert shown(far) == to_traditional(loaded(far))  # set when it is drawn
        assert view.heights.sizes == heights
        to_taiwan = converter(Variant.TAIWAN, False)
        view.preview(to_taiwan)  # pressed again before the conversion came back
        assert shown(far) == to_taiwan(loaded(far)) != to_traditional(loaded(far))
        view.retext(document.map_text(to_taiwan))
        await pilot.pause()
        assert shown(key) == to_taiwan(loaded(key)) and view.top_paragraph() == key
        view.preview(lambda text: text)  # back to the original: from the text as loaded
        assert shown(far) == loaded(far) and shown(key) == loaded(key)


async def test_readings_are_two_rows_a_line_with_marks_on_the_characters() -> None:
    text = "我们明天去长城。大家都很高兴。"
    app = ViewApp(load_text(f"标题\n\n{text}\n\n{FILLER}\n"))
    async with app.run_test(size=(100, 16)) as pilot:
        view = app.query_one(ArticleView)
        view.set_readings(lambda t: InterlinearParagraph(t, ReadingStyle.PINYIN))
        view.show_marks({(0, 0): Marks(cursor=[(0, 7)], match=[(5, 7)])})
        await pilot.pause()
        rows = view.drawn(0, 0)
        assert len(rows) == 2 and "chángchéng" in rows[0] and rows[1].startswith("我们")
        reading = view.render_line(view.row_of(0, 0) or 0)
        assert not any(s.style and s.style.underline for s in reading)  # no marks on readings
        characters = view.render_line((view.row_of(0, 0) or 0) + 1)
        underlined = "".join(s.text for s in characters if s.style and s.style.underline)
        match = view.get_component_rich_style("paragraph--match", partial=True)
        matched = "".join(
            s.text for s in characters if s.style and s.style.bgcolor == match.bgcolor
        )
        assert underlined.replace(" ", "") == text[:7] and matched == "长城"
        # A click on 城 (the character row) gives its offset.
        left = view.styles.padding.left + column_left(view)
        cells = text_width(rows[1][: rows[1].index("城")])
        await pilot.click(view, offset=(left + cells, (view.row_of(0, 0) or 0) + 1))
        await pilot.pause()
        assert app.clicks[-1].offset == text.index("城")


async def test_end_reaches_the_last_paragraph_of_a_long_article(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_document(3000), encoding="utf-8")
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("end")
        await pilot.pause()
        article = screen.article
        assert article.scroll_y == article.max_scroll_y > 0
        rows = [row for row in screen_rows(article) if row]
        last = article.drawn(*article.paragraphs[-1])
        assert rows[-1] == last[-1].strip() and last[0].strip().startswith("第2999段")
        assert article.percent == 100
        await pilot.press("home")
        await pilot.pause()
        assert screen_rows(article)[1] == "长文测试"
