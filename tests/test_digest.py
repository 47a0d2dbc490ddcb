"""The per-section digest (各节要点): one sentence under each heading, in the reader and in text."""

from __future__ import annotations

from textual.widgets import ListView

from reader.ingest.loading import load_path, load_text
from reader.nlp.analysis import analyze, summary_dict
from reader.output.summary_text import summary_lines
from reader.tui.app import ReaderApp
from reader.tui.widgets.side_panes import SentenceItem

from .conftest import SAMPLES, run_cli
from .pilot import settle

NEWS = SAMPLES / "01_news_scraped.txt"


async def test_the_summary_pane_shows_each_sections_sentence_under_its_heading() -> None:
    document = load_path(NEWS)
    best = analyze(document).section_best
    app = ReaderApp(document, str(NEWS.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        digest = screen.query_one("#digest", ListView)
        assert digest.display and screen.query_one("#digest-title").display
        entries = [(item.heading, item.text) for item in digest.query(SentenceItem)]
        expected = [
            (section.heading or "导语", sentence.text)
            for section, sentence in zip(document.sections, best, strict=True)
            if sentence is not None
        ]
        assert entries == expected
        assert entries[1][0] == "数字赋能"
        assert any(entries[1][1] in p.text for p in document.sections[1].paragraphs)
        # the heading stands above its sentence, each as the pane shows them
        first = digest.query(SentenceItem)[1]
        drawn = [line.plain for line in first.render().split()]
        assert drawn[0] == "数字赋能" and "".join(drawn[1:]) == entries[1][1]


async def test_choosing_a_digest_sentence_jumps_to_it() -> None:
    app = ReaderApp(load_path(NEWS), str(NEWS.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        digest = screen.query_one("#digest", ListView)
        digest.focus()
        digest.index = len(digest.children) - 1
        await pilot.press("enter")
        await pilot.pause()
        target = digest.children[-1].data  # type: ignore[attr-defined]
        assert screen.model.cursor is not None
        assert (screen.model.cursor.section, screen.model.cursor.paragraph) == (
            target.section,
            target.paragraph,
        )


async def test_a_document_without_sections_shows_no_digest() -> None:
    path = SAMPLES / "07_bike_lanes.txt"
    app = ReaderApp(load_path(path), str(path.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert not screen.query_one("#digest").display
        assert not screen.query_one("#digest-title").display


def test_summary_text_prints_the_digest_by_default_when_there_are_sections() -> None:
    document = load_path(NEWS)
    lines = list(summary_lines(summary_dict(document, analyze(document)), color=False))
    digest = lines[lines.index("各节要点") + 1 :]
    assert [line.split("]")[0] for line in digest] == [
        "  [导语",
        "  [数字赋能",
        "  [人才回流",
        "  [生态修复",
    ]


def test_summary_text_has_no_digest_for_one_section() -> None:
    document = load_text("标题\n\n第一段讲开发区的厂房。第二句讲产业转型。\n", fmt="text")
    lines = list(summary_lines(summary_dict(document, analyze(document)), color=False))
    assert "各节要点" not in lines
    forced = list(summary_lines(summary_dict(document, analyze(document)), False, by_section=True))
    assert "各节要点" in forced


def test_summary_command_prints_the_digest() -> None:
    result = run_cli("summary", str(NEWS))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert "各节要点" in lines
    assert any(line.startswith("  [生态修复] ") for line in lines)


async def test_the_summary_in_another_script_before_its_items_are_mounted() -> None:
    """t pressed as the summary arrives (a browser tab's first keys): the pane is shown
    again in another script before Textual has mounted the items it has just made."""
    from reader.convert import Variant, converter
    from reader.reading import digest_entries
    from reader.tui.widgets.side_panes import SummaryPane

    document = load_path(NEWS)
    analysis = analyze(document)
    entries, _ = digest_entries(document, analysis)
    digest = [(document.sections[si].heading, best) for si, best in entries]
    to_traditional = converter(Variant.TRADITIONAL, False)
    app = ReaderApp(document, str(NEWS.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        pane = screen.query_one(SummaryPane)
        await pane.query_one("#sentences", ListView).clear()
        await pane.query_one("#digest", ListView).clear()
        pane.show(analysis, str, digest)  # new items, not mounted yet
        pane.show(analysis, to_traditional, digest)  # at once, in 繁體
        await pilot.pause()
        texts = [item.text for item in pane.query_one("#sentences").query(SentenceItem)]
        assert texts == [to_traditional(s.text) for s in analysis.sentences]
        headings = [item.heading for item in pane.query_one("#digest").query(SentenceItem)]
        assert headings[1] == to_traditional(document.sections[1].heading or "")


async def test_a_digest_entry_with_a_tab_in_its_heading_shows_all_its_lines() -> None:
    """The line breaker counts a tab as one cell: drawn wider by Textual, the heading's
    lines were wrapped again and pushed the sentence's end out of the entry."""
    from textual.strip import Strip

    text = (
        "# 标题\n\n## 第三章\t推进产业结构调整与高质量发展的若干措施\n\n"
        "第一节的第一句话在这里，写得比较长一些，结尾在此。第二句话。\n\n"
        "## 第二节\n\n第二节的句子在这里。又一句话。\n"
    )
    app = ReaderApp(load_text(text, fmt="markdown"), "tab.md")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        entry = screen.query_one("#digest", ListView).children[0]
        region = entry.region
        rows = app.screen._compositor.render_strips()
        shown = "".join(
            "".join(s.text for s in Strip(list(rows[y])).crop(region.x, region.right)).strip()
            for y in range(region.y, region.bottom)
        )
        assert "结尾在此。" in shown and "\t" not in shown
