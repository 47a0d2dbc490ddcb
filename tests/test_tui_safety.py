"""The reader with hostile text: markup is text, control sequences never reach the terminal."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, Tree

from reader.ingest.loading import load_path
from reader.model import Location
from reader.notes.anchors import anchor_for
from reader.notes.store import NoteStore
from reader.tui.app import ReaderApp
from reader.tui.dialogs import FilePicker, NotesScreen, ReadableTree
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader_screen import ReaderScreen

from .pilot import settle
from .terminal import read_until, start_in_terminal
from .test_terminal_safety import ARTICLE, PAYLOAD, assert_safe

MARKUP_HEADINGS = {
    "evil.txt": "标题[/]\n\n一、[@click=app.quit]小节[/]\n\n{body}\n\n二、\\[/]第二节[bold red]红[/]\n\n{body}\n",
    "evil.md": "# 标题[/]\n\n## [@click=app.quit]小节[/]\n\n{body}\n\n## \\\\[/]第二节[bold red]红[/]\n\n{body}\n",
    "evil.html": "<html><head><title>标题[/]</title></head><body><article><h1>标题[/]</h1>"
    "<h2>一、[@click=app.quit]小节[/]</h2><p>{body}</p><h2>二、\\[/]第二节[bold red]红[/]</h2>"
    "<p>{body}</p></article></body></html>",
}
BODY = "经济发展很重要。城市经济发展的步伐很快，工厂订单排到了明年。" * 3


@pytest.mark.parametrize("name", sorted(MARKUP_HEADINGS))
async def test_markup_in_title_and_headings_is_literal_text(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(MARKUP_HEADINGS[name].format(body=BODY), encoding="utf-8")
    document = load_path(path)
    app = ReaderApp(document, str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one("#nav", Tree)
        labels = [node.label for node in tree.root.children]
        assert [label.plain for label in labels] == [
            s.heading for s in document.sections if s.heading
        ]
        assert tree.root.label.plain == document.title
        for label in [tree.root.label, *labels]:
            assert not label.spans  # [bold red] is not applied
            assert all(not (span.style and str(span.style)) for span in label.spans)
        assert any("[@click=app.quit]" in label.plain for label in labels)
        assert any("\\[/]" in label.plain for label in labels)  # the backslash is kept
        title = screen.article.blocks[0]
        assert title.kind == "title" and "[/]" in title.text
        # the would-be click action is inert: clicking the heading does not quit
        tree.focus()
        tree.move_cursor(tree.root.children[0])
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReaderScreen)


async def test_control_characters_are_drawn_as_visible_characters(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        shown = [str(w.render()) for w in screen.query(Static)]
        shown += [node.label.plain for node in screen.query_one(Tree).root.children]
        article = screen.article
        shown += [b.text for b in article.blocks]
        shown += ["".join(article.drawn(*k)) for k in article.paragraphs]
        for text in shown:
            assert_safe(text.encode("utf-8"))
        assert any("␛]52;c;" in text for text in shown)


async def test_library_shows_a_stored_markup_title_as_text(
    tmp_path: Path, private_data_dir: Path
) -> None:
    path = tmp_path / "stored.txt"
    path.write_text(f"库[/]标题[bold]粗[/]\n\n{BODY}\n", encoding="utf-8")
    store = NoteStore.open(private_data_dir)
    store.open_article(load_path(path), str(path.resolve()))
    store.close()
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        titles = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert "库[/]标题[bold]粗[/]" in titles


async def test_search_and_notes_with_markup_are_messages_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_path(path)
    app = ReaderApp(document, str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("slash")
        screen.query_one("#search", Input).value = "[/][@click=app.quit]无此词"
        await pilot.press("enter")
        await pilot.pause()
        assert any("[/][@click=app.quit]无此词" in n.message for n in app._notifications)
        assert app.is_running
        # A note whose quote and annotation carry the payload, in the notes list.
        assert app.store is not None and screen.model.record is not None
        s = document.sections[1].paragraphs[0].sentences[0]
        app.store.add_note(
            screen.model.record.id, anchor_for(document, Location(1, 0, s.start, s.end)), PAYLOAD
        )
        screen.model.reload_notes()
        screen.changed()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        for item in app.screen.query(".note-text"):
            assert_safe(item.render().plain.replace("\n", " ").encode())


async def test_a_failed_save_is_never_reported_as_done(private_data_dir: Path) -> None:
    path = Path(__file__).parent.parent / "sample_articles" / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        writable = screen.model.store  # the store handed to the screen
        assert writable is not None and writable is app.store
        screen.model.store = NoteStore._read_only(writable.path)  # every write now fails
        for key in ("h", "H", "b"):
            await pilot.press(key)
            await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("未能保存笔记") for m in messages)
        assert not {"已划线", "已给整段划线", "已加书签"} & set(messages), messages
        assert screen.model.notes == []
        screen.model.store.close()
        screen.model.store = writable


async def test_file_picker_lists_names_with_markup_and_escapes(tmp_path: Path) -> None:
    for name in ("[@click=app.quit]q.txt", "[b]粗.txt", "esc\x1b]0;x\x07.txt"):
        (tmp_path / name).write_text(f"标题\n\n{BODY}\n", encoding="utf-8")
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(FilePicker(tmp_path))
        await pilot.pause()
        tree = app.screen.query_one(ReadableTree)
        for _ in range(20):
            await pilot.pause()
            if len(tree.root.children) == 3:
                break
        labels = sorted(node.label.plain for node in tree.root.children)
        assert "[@click=app.quit]q.txt" in labels and "[b]粗.txt" in labels
        for label in labels:
            assert_safe(label.encode())


# The real reader in a real terminal: every byte it writes is checked.

OWN_SEQUENCES = re.compile(rb"\x1b\]22;[^\x07\x1b]*\x07")  # Textual's pointer shape (OSC 22)


def run_in_terminal(args: list[str], keys: list[bytes], seconds: float = 40) -> bytes:
    process, master = start_in_terminal(args)
    seen = b""
    try:
        seen += read_until(master, "关键句".encode(), seconds)
        seen += read_until(master, None, 1.5)  # the summary fills in
        for key in keys:
            os.write(master, key)
            seen += read_until(master, None, 0.4)
        os.write(master, b"q")
        process.wait(timeout=30)
        seen += read_until(master, None, 0.5)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_the_reader_writes_no_control_sequence_of_the_article(
    tmp_path: Path, private_data_dir: Path
) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_path(path)
    store = NoteStore.open(private_data_dir)
    record = store.open_article(document, str(path.resolve()))
    s = document.sections[1].paragraphs[0].sentences[0]
    store.add_note(
        record.id, anchor_for(document, Location(1, 0, s.start, s.end)), f"批注{PAYLOAD}"
    )
    store.close()
    keys = [b"j", b"h", b"w", b"m", b"\x1b", b"\t", b"\r", b"t", b"/", "无此".encode(), b"\r"]
    output = run_in_terminal([str(path)], keys)
    assert "关键句".encode() in output
    assert b"\x1b]52" not in output and b"\x1b]0;" not in output and b"\x1b[2J" not in output
    rest = OWN_SEQUENCES.sub(b"", output)
    assert b"\x1b]" not in rest and b"\x07" not in rest
    # C1, bidi and zero-width characters as UTF-8
    assert not re.search(rb"\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]", rest)
