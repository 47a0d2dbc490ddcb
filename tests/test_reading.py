"""The reading model's rules, without Textual: scripts, cursor, notes, search, marks, position."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.convert import Variant, converter
from reader.errors import ArticleError
from reader.ingest.loading import load_path
from reader.model import Document, Location
from reader.nlp.analysis import analyze
from reader.notes.anchors import anchor_for
from reader.notes.store import NoteStore
from reader.reading import Cursor, Position, Reading, Toggle, in_chinese

from .conftest import SAMPLES

NEWS = SAMPLES / "01_news_scraped.txt"  # simplified
ESSAY = SAMPLES / "02_essay_traditional.txt"  # traditional


def reading(path: Path, tmp_path: Path | None = None) -> Reading:
    store = NoteStore.open(tmp_path) if tmp_path is not None else None
    model = Reading(load_path(path), str(path), store)
    if store is not None:
        model.open_notes()
    return model


def cycle(model: Reading) -> Variant:
    variant = model.next_variant()
    assert model.show(variant, model.converted(variant))
    return variant


def test_the_first_t_on_a_simplified_article_skips_simplified_and_changes_the_text() -> None:
    model = reading(NEWS)
    assert not model.traditional
    assert cycle(model) is Variant.TRADITIONAL
    assert model.shown.body_text != model.original.body_text
    seen = [cycle(model) for _ in range(3)]
    assert seen == [Variant.TAIWAN, Variant.HONGKONG, Variant.ORIGINAL]
    assert model.shown.body_text == model.original.body_text


def test_a_traditional_article_goes_to_simplified_first_and_never_repeats_what_is_shown() -> None:
    model = reading(ESSAY)
    assert model.traditional
    assert cycle(model) is Variant.SIMPLIFIED
    model = reading(ESSAY)
    shown = [model.shown.body_text]
    for _ in range(4):
        cycle(model)
        assert model.shown.body_text != shown[-1]
        shown.append(model.shown.body_text)
    assert model.variant is not Variant.SIMPLIFIED


def test_t_pressed_again_while_converting_counts_from_the_script_asked_for() -> None:
    model = reading(NEWS)
    first = model.next_variant()
    second = model.next_variant()
    assert (first, second) == (Variant.TRADITIONAL, Variant.TAIWAN)
    assert not model.show(first, model.converted(first))  # too late: the reader moved on
    assert model.show(second, model.converted(second)) and model.variant is Variant.TAIWAN


def test_labels_follow_the_script_shown() -> None:
    model = reading(NEWS)
    assert model.label("关键句") == "关键句"
    cycle(model)  # 繁體
    assert model.label("关键句") == "關鍵句" and model.label("导语") == "導語"
    essay = reading(ESSAY)  # the original of a traditional article is a traditional mode
    assert essay.label("各节要点") == "各節要點"
    cycle(essay)  # 简体
    assert essay.label("各节要点") == "各节要点"


def test_the_metadata_is_converted_with_the_text() -> None:
    model = reading(NEWS)
    cycle(model)
    assert model.shown.meta.source == "東江日報"
    assert model.shown.meta.author == "林曉雯、陳國棟"  # the names, in the script shown


def test_the_cursor_moves_by_sentence_and_stops_at_both_ends() -> None:
    model = reading(NEWS)
    total = sum(len(p.sentences) for _, _, p in model.shown.paragraphs())
    order = [
        Cursor(si, pi, k) for si, pi, p in model.shown.paragraphs() for k in range(len(p.sentences))
    ]
    model.cursor_at(0, 0)
    assert model.move_cursor(1) == order[1] and model.move_cursor(2) == order[3]
    assert model.move_cursor(-1) == order[2]
    last = model.move_cursor(10 * total)
    assert last == order[-1] and model.move_cursor(1) == last
    assert model.move_cursor(-10 * total) == order[0]
    walked = [order[0]] + [model.move_cursor(1) for _ in order[1:]]
    assert walked == order  # every sentence once, across sections and paragraphs
    assert [model.move_cursor(-1) for _ in order[1:]] == order[-2::-1]


def test_the_cursor_at_an_offset_is_on_the_sentence_holding_it() -> None:
    model = reading(NEWS)
    si, pi, paragraph = next(
        (s, p, x) for s, p, x in model.shown.paragraphs() if len(x.sentences) > 1
    )
    second = paragraph.sentences[1]
    assert model.cursor_at(si, pi, second.start + 1) == Cursor(si, pi, 1)
    assert model.cursor_span() == Location(si, pi, second.start, second.end)
    assert model.cursor_span(whole_paragraph=True) == Location(si, pi, 0, len(paragraph.text))
    assert model.position == Position(si, pi, second.start)


def test_highlight_toggles_and_an_annotated_one_stays(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    assert model.toggle_highlight() is Toggle.NO_CURSOR
    model.move_cursor(1)
    assert model.toggle_highlight() is Toggle.ADDED and model.note_count == 1
    assert model.toggle_highlight() is Toggle.REMOVED and model.note_count == 0
    assert model.annotate("  值得一读 ") and model.notes[0].note.annotation == "值得一读"
    assert model.toggle_highlight() is Toggle.ANNOTATED and model.note_count == 1
    assert model.annotate("改过") and model.note_count == 1
    assert model.notes[0].note.annotation == "改过"


def test_notes_survive_reopening_and_are_found_in_another_script(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    cycle(model)  # a note taken while reading in 繁體 anchors to the simplified original
    model.move_cursor(3)
    model.toggle_highlight()
    assert model.toggle_bookmark() is Toggle.ADDED
    quote = model.notes[0].note.anchor.quote
    assert quote in model.original.body_text
    again = reading(NEWS, tmp_path)
    assert {p.note.kind for p in again.notes} == {"highlight", "bookmark"}


def test_next_note_follows_document_order_and_wraps(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    for step in (2, 3, 4):
        model.move_cursor(step)
        model.toggle_highlight()
    starts = [(p.note.anchor.section, p.note.anchor.paragraph) for p in model.notes]
    assert starts == sorted(starts)
    model.cursor = None  # from the top: the first note
    assert model.next_note(1) is model.notes[0]
    model.go_to_note(model.notes[0])
    assert model.next_note(1) is model.notes[1]
    assert model.next_note(-1) is model.notes[-1]  # before the first: wraps to the last
    model.go_to_note(model.notes[-1])
    assert model.next_note(1) is model.notes[0]


def test_no_store_is_a_reason_not_a_crash() -> None:
    model = Reading(load_path(NEWS), None, None, "磁盘已满")
    model.move_cursor(1)
    with pytest.raises(ArticleError, match="磁盘已满"):
        model.toggle_highlight()
    assert model.next_note(1) is None


def test_search_is_script_blind_starts_at_the_reader_and_wraps() -> None:
    model = reading(ESSAY)
    first = model.search("书店")  # simplified query, traditional text
    assert first is not None and len(model.matches) >= 2
    later = model.matches[-1]
    assert model.search("书店", (later.section, later.paragraph)) == later
    assert model.step_match(1) == model.matches[0]
    assert model.step_match(-1) == later
    assert model.search("没有这个词") is None and model.matches == []
    model.search("书店")
    model.clear_search()
    assert model.matches == [] and model.match_index == -1


def test_marks_gather_notes_search_keywords_and_cursor_per_paragraph(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    model.move_cursor(1)
    model.toggle_highlight()
    model.toggle_bookmark()
    at = (model.cursor.section, model.cursor.paragraph)  # type: ignore[union-attr]
    marks = model.marks()
    assert marks[at].note and marks[at].bookmark and marks[at].cursor == marks[at].note
    model.search("开发区")
    current = model.matches[model.match_index]
    here = model.marks()[(current.section, current.paragraph)]
    assert here.current_match == [(current.start, current.end)]
    assert (current.start, current.end) in here.match
    assert not any(m.keyword for m in model.marks().values())
    model.show_keywords = True
    assert not any(m.keyword for m in model.marks().values())  # no analysis yet: nothing
    model.analysis = analyze(model.original)
    spans = [s for m in model.marks().values() for s in m.keyword]
    assert spans
    cycle(model)  # the marks follow the script shown
    si, pi = next(k for k, m in model.marks().items() if m.keyword)
    start, end = model.marks()[(si, pi)].keyword[0]
    word = model.shown.sections[si].paragraphs[pi].text[start:end]
    assert word in {model.out(k.word) for k in model.analysis.keywords}


def test_the_sentence_jumped_to_from_the_summary_is_marked_where_it_stands() -> None:
    model = reading(NEWS)
    key = analyze(model.original).sentences[1]
    model.focus = key
    assert model.marks()[key.paragraph_key].focus == [(key.start, key.end)]
    paragraph = model.paragraph(key.section, key.paragraph).text
    assert paragraph[key.start : key.end] == key.text


def test_a_match_a_key_sentence_and_the_cursor_are_places_a_note_can_be_anchored_to(
    tmp_path: Path,
) -> None:
    model = reading(NEWS, tmp_path)
    match = model.search("开发区")
    key = analyze(model.original).sentences[0]
    assert match is not None
    for place in (match, key):
        anchor = anchor_for(model.original, place)
        text = model.paragraph(place.section, place.paragraph).text
        assert anchor.paragraph_key == place.paragraph_key
        assert anchor.quote == text[place.start : place.end] != ""
    model.cursor_at(key.section, key.paragraph, key.start)
    assert model.cursor_span() == Location(key.section, key.paragraph, key.start, key.end)


def test_the_position_is_saved_to_the_sentence_and_restored(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    assert model.saved_position() is None
    model.move_cursor(5)
    where = model.position
    assert where is not None and model.cursor is not None
    span = model.sentence_span(model.cursor)
    assert span is not None and where.offset == span[0]
    model.save_position()
    again = reading(NEWS, tmp_path)
    saved = again.saved_position()
    assert saved == where
    assert again.cursor_at(saved.section, saved.paragraph, saved.offset) == model.cursor  # type: ignore[union-attr]


def test_a_saved_position_past_the_end_of_a_shorter_article_is_ignored(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    assert model.record is not None
    model._store().set_position(model.record.id, 99, 0, 0)
    assert reading(NEWS, tmp_path).saved_position() is None


def test_the_status_line_speaks_the_script_shown(tmp_path: Path) -> None:
    model = reading(NEWS, tmp_path)
    assert model.status(0, 0) == "原文  ·  导语  ·  0%"
    model.move_cursor(1)
    model.toggle_highlight()
    model.search("开发区")
    assert model.status(1, 50).endswith(f"1 条笔记  ·  搜索 1/{len(model.matches)}")
    cycle(model)
    status = model.status(1, 50)
    assert status.startswith("繁體  ·  數字賦能") and "1 條筆記" in status


def test_core_errors_reach_the_reader_in_chinese() -> None:
    assert in_chinese(ArticleError("/x/y.md", "its directory does not exist")) == (
        "/x/y.md：所在的文件夹不存在"
    )
    assert in_chinese(ArticleError("a", "cannot write (Permission denied)")) == (
        "a：无法写入 (Permission denied)"
    )


def test_an_empty_article_has_no_cursor_and_a_status() -> None:
    from reader.model import Meta

    model = Reading(Document(None, Meta(), ()), None)
    assert model.move_cursor(1) is None and model.position is None
    assert model.status(0, 100) == "原文  ·  导语  ·  100%"


def test_problems_with_system_details_keep_the_details() -> None:
    error = ArticleError("/d/notes.db", "cannot use the notes store (file is not a database)")
    assert in_chinese(error) == "/d/notes.db：无法使用笔记库 (file is not a database)"
    assert in_chinese(ArticleError("a.txt", "permission denied")) == "a.txt：没有读取权限"


def test_the_dictionary_word_is_the_focus_and_takes_the_sentence_cursor_with_it() -> None:
    model = reading(NEWS)
    si, pi, paragraph = next(
        (s, p, q) for s, p, q in model.shown.paragraphs() if len(q.sentences) > 1
    )
    second = paragraph.sentences[1]
    model.cursor_at(si, pi, 0)
    cursor = model.focus_word(Location(si, pi, second.start, second.start + 2))
    assert cursor == model.cursor == Cursor(si, pi, 1)
    marks = model.marks()[(si, pi)]
    assert marks.focus == [(second.start, second.start + 2)]
    assert marks.cursor == [(second.start, second.end)]


SENTENCES = [
    "青禾市今年新修绿道四十二公里，沿河步道全线贯通。",
    "园林局把废弃铁路改成了步行道，少占耕地也少砍树。",
    "退休教师每天傍晚沿着步道走一圈，说这里变了样。",
    "下一步将在绿道沿线增设饮水点，并请志愿者维护。",
]


def many_sections(chapters: int, subsections: int) -> Document:
    lines = ["# 青禾绿道志", ""]
    for c in range(1, chapters + 1):
        lines += [f"## 第{c}章 绿道的第{c}段", "", SENTENCES[c % 4] + SENTENCES[(c + 1) % 4], ""]
        for s in range(1, subsections + 1):
            lines += [f"### {c}.{s} 小节", "", SENTENCES[(c + s) % 4] + f"这是第{c}章第{s}节。", ""]
    from reader.ingest.loading import load_text

    return load_text("\n".join(lines), "book.md")


def test_the_digest_of_a_long_book_keeps_its_chapters_and_says_what_it_left_out() -> None:
    from reader.reading import DIGEST_MAX, digest_entries

    book = many_sections(30, 2)  # 90 sections with a sentence each
    entries, left_out = digest_entries(book, analyze(book))
    levels = {book.sections[si].level for si, _ in entries}
    assert len(entries) == 30 and len(levels) == 1  # the chapters only
    assert all(book.sections[si].heading.startswith("第") for si, _ in entries)  # type: ignore[union-attr]
    assert left_out == 60
    flat = many_sections(DIGEST_MAX + 30, 0)
    entries, left_out = digest_entries(flat, analyze(flat))
    assert len(entries) == DIGEST_MAX and left_out == 30
    assert [si for si, _ in entries] == sorted(si for si, _ in entries)  # in reading order
    short = many_sections(5, 1)
    entries, left_out = digest_entries(short, analyze(short))
    assert len(entries) == 10 and left_out == 0  # every section, as before


def test_a_conversion_pauses_every_few_hundred_paragraphs_and_converts_the_same() -> None:
    """A worker converting a book calls its pause now and then (the reader's UI thread
    runs meanwhile); what it makes is the same document."""
    from reader.ingest.loading import load_text
    from reader.model import PAUSE_EVERY

    paragraphs = [f"第{n}段说到开发区的发展。" for n in range(PAUSE_EVERY * 3 + 7)]
    model = Reading(load_text("标题\n\n" + "\n\n".join(paragraphs) + "\n"))
    pauses: list[int] = []
    paused = model.converted(Variant.TRADITIONAL, pause=lambda: pauses.append(1))
    assert len(pauses) == 3
    assert paused == model.converted(Variant.TRADITIONAL)
    assert "開發區" in paused.body_text


def test_scripts_are_told_apart_by_a_difference_past_the_first_piece() -> None:
    """繁體 and 台灣正體 write 线 alike and 里 not (裏, 裡): a difference far into the
    opening still counts, one past SAMPLE_CHARS does not (a book's later chapters)."""
    from reader.ingest.loading import load_text
    from reader.reading import SAMPLE_CHARS, SAMPLE_PIECE

    def article(alike_chars: int) -> Reading:
        alike = "\n\n".join(["这条线很长。"] * (alike_chars // 6))
        return Reading(load_text(f"标题\n\n{alike}\n\n里面有线。\n"))

    near = article(3 * SAMPLE_PIECE)
    assert near.next_variant() is Variant.TRADITIONAL
    assert near.next_variant() is Variant.TAIWAN
    far = article(SAMPLE_CHARS + SAMPLE_PIECE)
    assert far.next_variant() is Variant.TRADITIONAL
    assert far.next_variant() is not Variant.TAIWAN


def test_a_conversion_stops_when_its_pause_says_so_and_the_original_costs_nothing() -> None:
    from reader.ingest.loading import load_text
    from reader.model import PAUSE_EVERY

    paragraphs = [f"第{n}段说到开发区的发展。" for n in range(PAUSE_EVERY * 3)]
    model = Reading(load_text("标题\n\n" + "\n\n".join(paragraphs) + "\n"))
    calls: list[int] = []

    class Stop(Exception):
        pass

    def pause() -> None:
        calls.append(1)
        raise Stop  # the reader asked for another script

    with pytest.raises(Stop):
        model.converted(Variant.TRADITIONAL, pause=pause)
    assert calls == [1]  # stopped at the first pause, not run to the end
    assert model.converted(Variant.ORIGINAL, pause=pause) is model.original


def test_what_the_model_says_follows_the_script_asked_for_before_its_conversion() -> None:
    """The reader shows a new script at once: quotes, labels and the status line follow
    it while the whole article is still being converted."""
    model = reading(NEWS)
    model.cursor_at(0, 0)
    before = model.cursor_quote()
    assert model.next_variant() is Variant.TRADITIONAL  # asked for, not yet shown
    assert model.shown is model.original
    to_traditional = converter(Variant.TRADITIONAL, False)
    assert model.cursor_quote() == to_traditional(before) != before
    assert model.label("关键句") == "關鍵句"
    assert model.status(0, 0).startswith("繁體")


def test_after_prepare_no_key_waits_for_opencc_to_load_a_script() -> None:
    """Loading a script's tables takes OpenCC 30 ms: prepare loads them, not t."""
    from reader.convert import _converter

    _converter.cache_clear()
    model = reading(NEWS)
    model.prepare()
    loaded = _converter.cache_info().currsize
    for _ in range(4):
        cycle(model)
    assert _converter.cache_info().currsize == loaded
