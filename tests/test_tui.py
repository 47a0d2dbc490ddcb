"""The reader under Textual's pilot: every interaction a reader has with it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, ListView, Tree

from reader.convert import Variant, converter
from reader.ingest.loading import load_path
from reader.notes.store import NoteStore
from reader.resources import sample_articles
from reader.tui.app import ReaderApp
from reader.tui.dialogs import ExportPrompt, HelpScreen, NotesScreen, TextPrompt
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.widgets.side_panes import SentenceItem

from .conftest import SAMPLES
from .pilot import settle

NEWS = SAMPLES / "01_news_scraped.txt"


def reader_app(name: str = "01_news_scraped.txt") -> ReaderApp:
    path = SAMPLES / name
    return ReaderApp(load_path(path), str(path.resolve()))


def shown_text(screen: ReaderScreen) -> str:
    return "\n".join(b.text for b in screen.article.blocks if b.kind == "paragraph")


def marked(screen: ReaderScreen, kind: str) -> list[tuple[int, int]]:
    """The paragraphs the article draws ``kind`` marks on."""
    return [k for k in screen.article.paragraphs if screen.article.marks_of(*k).get(kind)]


async def test_tree_lists_headings_and_summary_fills() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one("#nav", Tree)
        assert next(str(n.label) for n in tree.root.children).startswith("数字赋能")
        assert len(screen.query_one("#sentences", ListView).children) == 5
        assert not screen.query_one("#loading").display
        assert "开发区" in str(screen.query_one("#keywords").render())


async def test_heading_jump_scrolls_and_tree_follows_the_reader() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one("#nav", Tree)
        tree.focus()
        last = tree.root.children[-1]
        tree.move_cursor(last)
        await pilot.press("enter")
        await pilot.pause()
        article = screen.article
        # the last heading goes to the top, or as far as the end of the article allows
        assert article.scroll_y == min(article.row_of(3), article.max_scroll_y) > 0
        assert "生态修复" in str(screen.query_one("#status").render())
        # Scrolling back up by hand moves the tree's highlight back with it.
        article.scroll_to(y=article.row_of(1) + 1, animate=False)
        await pilot.pause()
        await pilot.pause()
        assert tree.cursor_node is not None and str(tree.cursor_node.label).startswith("数字赋能")


async def test_key_sentence_jump_marks_the_sentence() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        sentences = screen.query_one("#sentences", ListView)
        sentences.focus()
        sentences.index = 4
        await pilot.press("enter")
        await pilot.pause()
        target = screen.model.analysis.sentences[4]
        key = (target.section, target.paragraph)
        assert screen.article.marks_of(*key)["focus"] == [(target.start, target.end)]
        assert screen.model.cursor is not None and screen.model.cursor.sentence == target.sentence
        assert marked(screen, "focus") == [key]
        article = screen.article
        assert article.scroll_y == min(article.row_of(*key), article.max_scroll_y)


async def test_conversion_cycle_converts_everything_and_keeps_the_place() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        screen.query_one("#article").scroll_to(y=40, animate=False)
        await pilot.pause()
        top = screen.article.top_paragraph()
        # 原文 → 繁體 (简体 would look the same, so it is skipped). The panes change with
        # the key, before the worker has converted the article; the key sentences are
        # the same widgets with their text replaced.
        sentences = list(screen.query_one("#sentences").query(SentenceItem))
        screen.action_cycle_script()
        to_traditional = converter(Variant.TRADITIONAL, False)
        assert screen.sub_title == "繁體" and screen.model.variant.label == "原文"
        assert screen.model.status(1, 0).startswith("繁體  ·  數字賦能")  # the status line too
        assert str(screen.query_one("#nav", Tree).root.children[0].label).startswith("數字賦能")
        assert list(screen.query_one("#sentences").children) == sentences
        analysis = screen.model.analysis
        assert analysis is not None
        first = sentences[0].text
        assert first == to_traditional(analysis.sentences[0].text) != analysis.sentences[0].text
        screen = await settle(app, pilot)
        assert screen.model.variant.label == "繁體" and screen.sub_title == "繁體"
        # the interface follows: byline, pane labels, status
        assert "東江日報" in next(b.text for b in screen.article.blocks if b.kind == "byline")
        assert str(screen.query_one("#sentences-title").render()) == "關鍵句"
        assert "關鍵詞" in str(screen.query_one("#keywords").render())
        assert "開發區" in str(screen.query_one("#keywords").render())
        assert "開發區" in shown_text(screen) and "开发区" not in shown_text(screen)
        assert "繁體" in str(screen.query_one("#status").render())
        assert screen.article.top_paragraph() == top
        await pilot.press("t", "t", "t")  # 台灣正體, 香港繁體, 原文: faster than the worker
        screen = await settle(app, pilot)
        assert screen.model.variant.label == "原文"
        assert shown_text(screen) == "\n".join(p.text for _, _, p in load_path(NEWS).paragraphs())
        assert str(screen.query_one("#nav", Tree).root.children[0].label).startswith("数字赋能")
        assert sentences[0].text == analysis.sentences[0].text


async def test_search_finds_simplified_text_from_a_traditional_query() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and search.has_focus
        search.value = "開發區"
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.model.matches) >= 5
        first = screen.model.matches[screen.model.match_index]
        text = screen.model.paragraph(first.section, first.paragraph).text
        assert text[first.start : first.end] == "开发区"
        marks = screen.article.marks_of(first.section, first.paragraph)
        assert marks["current-match"] == [(first.start, first.end)]
        before = screen.model.match_index
        await pilot.press("n")
        assert screen.model.match_index == before + 1
        await pilot.press("N", "N")
        assert screen.model.match_index == (before - 1) % len(screen.model.matches)
        await pilot.press("escape")
        assert not search.display and screen.model.matches == []
        assert marked(screen, "match") == []


async def test_keywords_are_marked_in_the_text_on_demand() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert marked(screen, "keyword") == []
        await pilot.press("w")
        keyed = marked(screen, "keyword")
        assert len(keyed) > 5
        start, end = screen.article.marks_of(*keyed[0])["keyword"][0]
        words = {k.word for k in screen.model.analysis.keywords}
        assert screen.model.paragraph(*keyed[0]).text[start:end] in words
        await pilot.press("t")  # 繁體: the marks follow the converted text
        screen = await settle(app, pilot)
        key = next(
            k for k in screen.article.paragraphs if "開發區" in screen.model.paragraph(*k).text
        )
        at = screen.model.paragraph(*key).text.index("開發區")
        assert any(a <= at < b for a, b in screen.article.marks_of(*key)["keyword"])
        await pilot.press("w")
        assert marked(screen, "keyword") == []


async def test_panes_toggle_on_a_wide_screen() -> None:
    app = reader_app("03_policy_report.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("left_square_bracket", "right_square_bracket")
        assert not screen.query_one("#nav").display and not screen.query_one("#summary").display
        await pilot.press("left_square_bracket")
        assert screen.query_one("#nav").display


async def test_a_pane_hidden_on_a_wide_screen_still_opens_over_the_text_when_narrow() -> None:
    app = reader_app("03_policy_report.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        summary = screen.query_one("#summary")
        await pilot.press("right_square_bracket")
        assert not summary.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not summary.display  # narrow: the panes wait for a key
        await pilot.press("right_square_bracket")
        assert summary.display and summary.size.width >= 76
        await pilot.press("right_square_bracket")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert summary.display and screen.query_one("#nav").display  # wide again: both beside


async def test_narrow_terminal_gives_the_text_the_whole_width() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(app, pilot)
        assert screen.has_class("-narrow")
        assert not screen.query_one("#nav").display and not screen.query_one("#summary").display
        assert screen.query_one("#article").size.width >= 76
        await pilot.press("right_square_bracket")  # the summary opens over the text
        summary = screen.query_one("#summary")
        assert summary.display and summary.size.width >= 76
        sentences = screen.query_one("#sentences", ListView)
        assert sentences.has_focus
        sentences.index = 2
        await pilot.press("enter")  # jumping closes it again
        await pilot.pause()
        assert not summary.display
        assert marked(screen, "focus")


async def test_highlight_annotate_quit_and_reopen_at_the_same_place(private_data_dir: Path) -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        screen.query_one("#article").scroll_to(y=30, animate=False)
        await pilot.pause()
        await pilot.pause()
        await pilot.press("j", "h")  # second sentence of the top paragraph
        cursor = screen.model.cursor
        assert cursor is not None and len(screen.model.notes) == 1
        await pilot.press("j", "a")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "这句要记住"
        await pilot.press("enter")
        await pilot.pause()
        assert [p.note.annotation for p in screen.model.notes] == ["", "这句要记住"]
        top = screen.article.top_paragraph()
        assert top is not None
        where = top
    # quitting saved the position; a new app on the same store comes back there
    again = reader_app()
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await settle(again, pilot)
        await pilot.pause()
        top = screen.article.top_paragraph()
        assert top is not None and top == where
        assert len(screen.model.notes) == 2
        noted = marked(screen, "note")
        assert noted and noted[0][0] == where[0]
    store = NoteStore.open(private_data_dir)
    [record] = store.articles()
    assert record.note_count == 2


async def test_h_on_a_highlighted_sentence_removes_it_and_notes_list_jumps() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("h")
        assert len(screen.model.notes) == 1
        await pilot.press("h")
        assert screen.model.notes == []
        for _ in range(12):
            await pilot.press("j")
        await pilot.press("h")
        far = screen.model.cursor
        await pilot.press("k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "m")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.model.cursor == far


async def test_notes_list_deletes_after_confirmation() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("h", "m")
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        await pilot.press("x")
        assert isinstance(app.screen, NotesScreen)  # the first x only asks
        await pilot.press("x")
        await pilot.pause()
        assert screen.model.notes == []


async def test_export_from_the_reader_writes_markdown(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "01_news_scraped.txt"  # the export is proposed beside the article
    article.write_bytes(NEWS.read_bytes())
    app = ReaderApp(load_path(article), str(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("h", "e")
        assert isinstance(app.screen, ExportPrompt)
        assert app.screen.query_one(Input).value == str(
            article.with_suffix(".notes.md")
        )  # beside it
        target = tmp_path / "01_news_scraped.notes.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# 东江火炬开发区") and "## 笔记" in text and "\n> 立春刚过" in text
        # a second export to the same file asks before overwriting
        await pilot.press("e")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportPrompt)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportPrompt)


async def test_library_opens_an_article_and_escape_returns() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(sample_articles())  # every bundled sample is listed
        titles = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert "巷口那間舊書店" in titles
        assert str(table.get_row_at(titles.index("巷口那間舊書店"))[1]) == "繁體"
        table.move_cursor(row=titles.index("巷口那間舊書店"))
        await pilot.press("enter")
        screen = await settle(app, pilot)
        assert screen.model.original.title == "巷口那間舊書店"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        # the article just read is now listed first, as recent
        await pilot.pause()
        assert str(app.screen.query_one(DataTable).get_row_at(0)[0]) == "最近"


async def test_opening_a_bad_file_is_a_message_and_the_place_is_kept(tmp_path: Path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        screen.query_one("#article").scroll_to(y=20, animate=False)
        await pilot.pause()
        app.open_path(bad)
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#article").scroll_y == 20
        assert any("binary.txt" in n.message for n in app._notifications)


async def test_help_screen_and_theme_toggle() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help").query_one("Static").render())
        assert "搜索" in text and "t" in text
        await pilot.press("escape")
        assert app.theme == "textual-dark"
        await pilot.press("d")
        assert app.theme == "textual-light"
    again = reader_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.theme == "textual-light"


async def test_every_reader_key_is_in_the_command_palette() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(screen)]
        for label in ("简/繁", "搜索", "划线", "批注", "笔记", "导出", "目录", "摘要", "帮助"):
            assert any(t.startswith(label) for t in titles), label


async def test_a_store_that_cannot_be_opened_leaves_reading_working(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    path = NEWS
    app = ReaderApp(load_path(path), str(path), data_dir=blocker)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert app.store is None and screen.article.paragraphs
        await pilot.press("h")  # says why instead of crashing, in Chinese
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("笔记不可用：") and "不是文件夹" in m for m in messages)
        assert any(m.startswith("未能保存笔记：") and "不是文件夹" in m for m in messages)
        problems = [m.rsplit("：", 1)[-1] for m in messages]  # after the path
        assert problems == ["不是文件夹，数据目录必须是文件夹"] * 2, messages


async def test_clicking_a_sentence_moves_the_reading_cursor_there() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        article = screen.article
        si, pi = article.paragraphs[1]
        # the last line of the paragraph holds its last sentence
        last_row = article.row_of(si, pi) + len(article.drawn(si, pi)) - 1
        x = article.styles.padding.left + article.region.width // 2
        await pilot.click(article, offset=(x, last_row - round(article.scroll_y)))
        await pilot.pause()
        sentences = screen.model.original.sections[si].paragraphs[pi].sentences
        assert screen.model.cursor is not None
        assert (screen.model.cursor.section, screen.model.cursor.paragraph) == (si, pi)
        assert screen.model.cursor.sentence == len(sentences) - 1
        assert article.marks_of(si, pi)["cursor"] == [(sentences[-1].start, sentences[-1].end)]


async def test_blank_line_setting_drops_the_indent() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        article = screen.article
        first = article.paragraphs[0]
        assert article.drawn(*first)[0].startswith("\u3000\u3000")
        await pilot.press("i")
        await pilot.pause()
        assert not article.drawn(*first)[0].startswith("\u3000") and screen.has_class("-spaced")
        # a blank row between paragraphs
        assert (
            article.row_of(*article.paragraphs[1])
            == article.row_of(*first) + len(article.drawn(*first)) + 1
        )
    # the choice is remembered, like the theme
    again = reader_app()
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await settle(again, pilot)
        assert screen.has_class("-spaced") and not screen.article.indent


async def test_file_picker_shows_only_readable_articles_and_opens_one(tmp_path: Path) -> None:
    tmp_path = tmp_path / "articles"
    tmp_path.mkdir()
    (tmp_path / "note.md").write_text("# 小记\n\n今天读了一篇好文章。\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "sub").mkdir()
    app = ReaderApp(load_path(NEWS), str(tmp_path / "01.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        from textual.widgets import DirectoryTree

        tree = app.screen.query_one(DirectoryTree)
        for _ in range(100):  # its loader worker never ends, so poll for the listing
            if tree.root.children:
                break
            await pilot.pause(0.05)
        names = sorted(str(n.label) for n in tree.root.children)
        assert names == ["note.md", "sub"]
        note = next(n for n in tree.root.children if str(n.label) == "note.md")
        tree.move_cursor(note)
        await pilot.press("enter")
        screen = await settle(app, pilot)
        assert screen.model.original.title == "小记"


async def test_piped_article_reads_and_exports_without_a_path(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    from reader.ingest.loading import load_stream

    monkeypatch.chdir(tmp_path)
    document = load_stream(io.BytesIO((SAMPLES / "05_rural_delivery_gb18030.txt").read_bytes()))
    app = ReaderApp(document, None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert screen.model.original.title == "快递进村“最后一公里”是怎样打通的"
        await pilot.press("h", "e")
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        assert Path(prompt.query_one(Input).value).name.startswith("快递进村")


async def test_full_stop_and_comma_step_through_the_notes_in_document_order() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("j", "h")
        first = screen.model.cursor
        for _ in range(6):
            await pilot.press("j")
        await pilot.press("h")
        second = screen.model.cursor
        await pilot.press("k", "k", "k")  # between the two notes
        await pilot.press("full_stop")
        assert screen.model.cursor == second
        await pilot.press("comma")
        assert screen.model.cursor == first
        await pilot.press("comma")  # wraps around to the last note
        assert screen.model.cursor == second


async def test_tab_reaches_the_panes_and_escape_or_a_jump_returns_the_keys_to_the_text() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, Tree)
        await pilot.press("down", "enter")  # jump to the first heading
        await pilot.pause()
        assert app.focused is None
        y = screen.article.scroll_y
        await pilot.press("down")  # scrolls the article, not the tree
        assert screen.article.scroll_y == y + 1
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, ListView)
        await pilot.press("escape")
        assert app.focused is None and app.screen is screen  # not back to a library


async def test_a_locked_store_is_a_message_and_reading_goes_on() -> None:
    import sqlite3

    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert app.store is not None
        app.store._db.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(app.store.path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        await pilot.press("h")
        await pilot.pause()
        assert screen.model.notes == []
        assert any(n.message.startswith("未能保存笔记：无法写入") for n in app._notifications)
        other.execute("ROLLBACK")
        await pilot.press("h")
        assert len(screen.model.notes) == 1


async def test_reopening_returns_to_the_sentence_not_just_the_paragraph(
    private_data_dir: Path,
) -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        si, pi, paragraph = max(screen.model.shown.paragraphs(), key=lambda x: len(x[2].sentences))
        assert len(paragraph.sentences) >= 3
        third = paragraph.sentences[2]
        assert screen.article.has(si, pi)
        screen.model.cursor_at(si, pi, third.start + 1)
        screen.changed()
        await pilot.pause()
    assert NoteStore.open(private_data_dir).articles()[0].position == (si, pi, third.start)
    again = reader_app()
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await settle(again, pilot)
        await pilot.pause()
        assert screen.model.cursor is not None and screen.model.cursor.sentence == 2
        assert screen.article.is_visible(si, pi)
        assert screen.article.marks_of(si, pi)["cursor"] == [(third.start, third.end)]
        assert any(n.message == "已回到上次读到的位置" for n in again._notifications)


async def test_after_opening_from_the_library_o_opens_the_picker_in_that_folder(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from reader.tui.dialogs import FilePicker

    monkeypatch.chdir(tmp_path)
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first row of the library
        screen = await settle(app, pilot)
        assert screen.path is not None and app.path == screen.path
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        assert app.screen.start == Path(screen.path).parent != tmp_path


async def test_the_status_line_follows_scrolling_notes_and_search_on_its_own() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        status = screen.query_one("#status")
        assert str(status.render()).startswith("原文  ·  导语  ·  0%")
        await pilot.press("end")
        await pilot.pause()
        assert "100%" in str(status.render()) and "导语" not in str(status.render())
        await pilot.press("slash")
        screen.query_one("#search", Input).value = "开发区"
        await pilot.press("enter")
        await pilot.pause()
        assert f"搜索 {screen.model.match_index + 1}/{len(screen.model.matches)}" in str(
            status.render()
        )
        await pilot.press("t")
        screen = await settle(app, pilot)
        assert str(status.render()).startswith("繁體  ·  ") and "搜索 " in str(status.render())


async def test_the_digest_of_a_long_book_lists_its_chapters_and_says_how_many_more() -> None:
    from textual.widgets import Static

    from .test_reading import many_sections

    app = ReaderApp(many_sections(30, 2), None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert len(screen.query_one("#digest", ListView).children) == 30
        more = screen.query_one("#digest-more", Static)
        assert more.display and "另有 60 节未列出" in str(more.render())


async def test_an_article_closed_from_the_library_is_freed() -> None:
    import gc
    import weakref

    app = ReaderApp()  # the library
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        refs = []
        for _ in range(3):  # Textual keeps a reference to the screen closed last
            await pilot.press("enter")
            screen = await settle(app, pilot)
            assert screen.model.analysis is not None  # the article was frozen (gc.freeze)
            refs.append(weakref.ref(screen.article))
            del screen
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
        gc.collect()
        await pilot.pause()
        gc.collect()
        assert [ref() is None for ref in refs[:2]] == [True, True]
