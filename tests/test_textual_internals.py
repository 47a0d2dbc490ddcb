"""What the reader takes from Textual beyond its public API, held by tests: a Textual
release that changes these makes a test fail here, not the reader slow or wrong."""

from __future__ import annotations

import threading
import time

from textual.app import App, ComposeResult
from textual.widgets import Tree

from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.threads import (
    MOST_WAIT,
    QUIET_AFTER_INPUT,
    note_input,
    wait_for_quiet,
    wait_for_ui,
)
from reader.tui.widgets.side_panes import HeadingTree

from .conftest import SAMPLES
from .pilot import settle


def test_the_tree_still_builds_its_lines_in_the_method_the_heading_tree_overrides() -> None:
    # HeadingTree._build reads the pane's width once a build; Tree._build is private.
    assert "_build" in vars(Tree) and "_build" in vars(HeadingTree)


async def test_relabelled_headings_are_drawn_with_their_new_labels() -> None:
    """HeadingTree.relabel writes TreeNode._label: what is drawn must follow."""
    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one(HeadingTree)

        def drawn() -> str:
            return "".join(
                segment.text for y in range(tree.size.height) for segment in tree.render_line(y)
            )

        assert "数字赋能" in drawn()
        tree.relabel(screen.model.original, lambda text: text.replace("数字赋能", "數字賦能"))
        await pilot.pause()
        assert "數字賦能" in drawn() and "数字赋能" not in drawn()
        # Same widths: only the drawn lines were dropped (Tree._line_cache); other
        # widths: the tree's lines are built again.
        tree.relabel(screen.model.original, lambda text: text.replace("数字赋能", "數位化賦能"))
        await pilot.pause()
        assert "數位化賦能" in drawn() and "數字賦能" not in drawn()


async def test_a_heading_tree_given_another_height_only_is_not_built_again() -> None:
    """Textual's Tree._on_resize builds every line again on any resize (a book's 2,800
    headings when the search bar opens); HeadingTree keeps the lines for a new height."""
    assert "_on_resize" in vars(Tree)
    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        tree = screen.query_one(HeadingTree)
        lines = tree._tree_lines_cached
        assert lines is not None
        await pilot.resize_terminal(120, 30)
        screen = await settle(app, pilot)
        assert tree.size.height < 35 and tree._tree_lines_cached is lines
        drawn = "".join(s.text for y in range(tree.size.height) for s in tree.render_line(y))
        assert "数字赋能" in drawn
        await pilot.resize_terminal(90, 30)  # a narrower pane: labels are cut anew
        screen = await settle(app, pilot)
        assert tree._tree_lines_cached is not lines


class Idle(App[None]):
    def compose(self) -> ComposeResult:
        return iter(())


async def test_a_worker_waits_for_the_ui_thread_and_is_told_when_no_app_runs() -> None:
    answers: list[bool] = []

    def ask(app: App[None]) -> threading.Thread:
        thread = threading.Thread(target=lambda: answers.append(wait_for_ui(app)))
        thread.start()
        return thread

    ask(Idle()).join(5)  # an app that is not running: no UI thread to wait for
    app = Idle()
    async with app.run_test() as pilot:
        thread = ask(app)
        while thread.is_alive():  # the app's loop must turn for the worker to go on
            await pilot.pause(0.01)
    assert answers == [False, True]


async def test_a_worker_waiting_for_quiet_goes_on_once_keys_stop() -> None:
    """Work no key waits for gives the interpreter to the keys while they come."""
    app = Idle()
    async with app.run_test() as pilot:
        went_on: list[float] = []
        note_input(app)
        thread = threading.Thread(
            target=lambda: wait_for_quiet(app) and went_on.append(time.perf_counter())
        )
        thread.start()
        last_key = time.perf_counter()
        for _ in range(4):  # keys 0.1 s apart: the worker keeps waiting
            await pilot.pause(0.1)
            assert not went_on
            note_input(app)
            last_key = time.perf_counter()
        while thread.is_alive():
            await pilot.pause(0.01)
    assert went_on and went_on[0] - last_key >= QUIET_AFTER_INPUT


async def test_a_held_key_holds_background_work_back_for_a_second_at_most() -> None:
    app = Idle()
    async with app.run_test() as pilot:
        went_on: list[float] = []
        note_input(app)
        started = time.perf_counter()
        thread = threading.Thread(
            target=lambda: wait_for_quiet(app) and went_on.append(time.perf_counter())
        )
        thread.start()
        while thread.is_alive() and time.perf_counter() - started < 3:
            note_input(app)  # key repeat: a key every 50 ms
            await pilot.pause(0.05)
    assert went_on and MOST_WAIT <= went_on[0] - started < MOST_WAIT + 0.5


async def test_the_readers_keys_hold_background_work_back() -> None:
    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        pressed = time.perf_counter()  # before the key: it is noted after this
        await pilot.press("j")
        went_on: list[float] = []
        thread = threading.Thread(
            target=lambda: wait_for_quiet(app) and went_on.append(time.perf_counter())
        )
        thread.start()
        while thread.is_alive():
            await pilot.pause(0.01)
    assert went_on and went_on[0] - pressed >= QUIET_AFTER_INPUT


async def test_the_footer_is_made_anew_only_when_its_keys_change() -> None:
    """Textual asks the footer to rebuild on every change of focus; ours keeps its key
    widgets while they would show the same, and rebuilds when their words change."""
    from textual.widgets._footer import FooterKey

    from reader.tui.widgets.key_footer import KeyFooter

    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        footer = screen.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        assert keys
        screen.refresh_bindings()  # as Textual does on each change of focus
        screen = await settle(app, pilot)
        assert list(footer.query(FooterKey)) == keys  # the same widgets
        await pilot.press("t")  # 繁體: the descriptions change
        screen = await settle(app, pilot)
        labels = " ".join(str(k.render()) for k in footer.query(FooterKey))
        assert list(footer.query(FooterKey)) != keys and "筆記" in labels
