"""What a reader sees: SVG snapshots of the reading screen (update with --snapshot-update)."""

from __future__ import annotations

import pytest

from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp

from .conftest import SAMPLES


async def until_summary_is_ready(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize(
    "name", ["01_news_scraped.txt", "02_essay_traditional.txt"], ids=["simplified", "traditional"]
)
def test_reading_screen(snap_compare, name: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / name
    app = ReaderApp(load_path(path), str(path))
    assert snap_compare(app, terminal_size=size, run_before=until_summary_is_ready)


def test_reading_screen_converted_to_taiwan(snap_compare) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / "01_news_scraped.txt"
    app = ReaderApp(load_path(path), str(path))

    async def convert(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_summary_is_ready(pilot)
        await pilot.press("t", "t")  # 繁體 (简体 looks the same: skipped), 台灣正體
        await until_summary_is_ready(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=convert)


def test_library_screen_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # Once the worker has counted the words above the level of every article.
    assert snap_compare(ReaderApp(), terminal_size=(80, 24), run_before=until_summary_is_ready)


def reader(name: str = "01_news_scraped.txt") -> ReaderApp:
    """The reader on a sample, named without its folder so the snapshots do not depend on
    where the checkout lives (the export dialog proposes a file beside the article)."""
    return ReaderApp(load_path(SAMPLES / name), name)


async def settled(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press ``keys`` once the summary is in, then drop the notifications (they time out)."""
    await until_summary_is_ready(pilot)
    await pilot.press(*keys)
    await until_summary_is_ready(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "question_mark")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)


def test_annotate_dialog_quotes_the_sentence(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "j", "a", *"值得")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)


def test_export_dialog_proposes_a_file_beside_the_article(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "e")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)


def test_notes_list_with_a_highlight_an_annotation_and_a_bookmark(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "j", "h", "j", "j", "a", *"记住这句", "enter", "b")
        await settled(pilot, "m")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)


@pytest.mark.parametrize(
    "key", ["left_square_bracket", "right_square_bracket"], ids=["tree", "summary"]
)
def test_narrow_terminal_opens_a_pane_over_the_text(snap_compare, key: str) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, key)

    assert snap_compare(reader(), terminal_size=(80, 24), run_before=keys)


def test_search_highlights_every_match_and_the_current_one(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "slash", *"开发区", "enter", "n")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)


def test_keyword_marks_in_traditional(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "w")

    assert snap_compare(
        reader("02_essay_traditional.txt"), terminal_size=(120, 40), run_before=keys
    )


def test_dictionary_panel_under_the_text(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def keys(pilot) -> None:  # type: ignore[no-untyped-def]
        await settled(pilot, "j", "l")

    assert snap_compare(reader(), terminal_size=(120, 40), run_before=keys)
