"""The notes store on real SQLite files: durable, shared, migrated, anchored."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.convert import Variant, convert
from reader.errors import ArticleError
from reader.ingest.loading import load_path, load_text
from reader.model import Location
from reader.notes.anchors import Placement, anchor_for, locate
from reader.notes.notebook import place_notes
from reader.notes.store import MIGRATIONS, SCHEMA_VERSION, NoteStore

from .conftest import SAMPLES

ESSAY = SAMPLES / "02_essay_traditional.txt"


def first_sentence_anchor(document, section=1, paragraph=0):  # type: ignore[no-untyped-def]
    s = document.sections[section].paragraphs[paragraph].sentences[0]
    return anchor_for(document, Location(section, paragraph, s.start, s.end))


def test_notes_survive_reopening_and_the_file_is_wal(tmp_path: Path) -> None:
    document = load_path(ESSAY)
    store = NoteStore.open(tmp_path)
    record = store.open_article(document, str(ESSAY))
    anchor = first_sentence_anchor(document)
    note = store.add_note(record.id, anchor, "想起外婆家的書櫃")
    store.set_position(record.id, 2, 1)
    store.close()

    again = NoteStore.open(tmp_path)
    assert again._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    found = again.open_article(document, str(ESSAY))
    assert found.id == record.id and found.position == (2, 1, 0) and found.note_count == 1
    [stored] = again.notes(found.id)
    assert (
        stored.id == note.id and stored.anchor == anchor and stored.annotation == "想起外婆家的書櫃"
    )
    again.annotate(note.id, "改过的批注")
    again.delete_note(note.id)
    assert again.notes(found.id) == []


def test_an_old_store_is_migrated_with_its_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO articles (id, identity, title) VALUES (1, 'abc', '旧文章')")
    db.execute(
        "INSERT INTO notes (article_id, kind, section, paragraph, start, end, quote, created_at,"
        " updated_at) VALUES (1, 'highlight', 0, 0, 0, 2, '旧的', 'x', 'x')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()

    store = NoteStore(path)
    assert store.schema_version == SCHEMA_VERSION == 4
    [note] = store.notes(1)
    assert note.anchor.quote == "旧的"
    columns = {row[1] for row in store._db.execute("PRAGMA table_info(articles)")}
    assert "traditional" in columns
    assert store.setting("theme", "none") == "none"  # v3 added the settings table
    store.set_setting("theme", "textual-light")
    store.set_setting("theme", "textual-dark")
    assert NoteStore(path).setting("theme", "none") == "textual-dark"


def test_a_v3_store_keeps_its_positions_and_gains_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:3]:
        db.executescript(migration)
    db.execute(
        "INSERT INTO articles (id, identity, title, position_section, position_paragraph)"
        " VALUES (1, 'abc', '旧文章', 2, 5)"
    )
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()

    store = NoteStore(path)
    assert store.schema_version == SCHEMA_VERSION == 4
    record = store.article("abc")
    assert record is not None and record.position == (2, 5, 0)  # the paragraph's start
    store.set_position(1, 3, 1, 42)
    again = NoteStore(path).article("abc")
    assert again is not None and again.position == (3, 1, 42)


def test_a_store_from_a_newer_zhreader_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ArticleError, match="newer than this zhreader"):
        NoteStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArticleError, match="cannot use the notes store"):
        NoteStore.open(tmp_path)


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.notes.anchors import Anchor
    from reader.notes.store import NoteStore
    from reader.ingest.loading import load_text

    store = NoteStore.open(Path(sys.argv[1]))
    record = store.open_article(load_text("标题\\n\\n正文第一段。\\n"), None)
    for i in range(100000):
        note = store.add_note(record.id, Anchor(0, 0, 0, 2, f"摘录{i}"), f"批注{i}")
        print(note.id, i, flush=True)
    """
)


def test_killing_a_writer_never_loses_a_committed_note(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    committed: dict[int, int] = {}
    for line in process.stdout:
        note_id, index = map(int, line.split())
        committed[note_id] = index
        if len(committed) == 300:
            process.kill()  # SIGKILL, in the middle of the next write
            break
    process.wait()
    store = NoteStore.open(tmp_path)
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [record] = store.articles()
    stored = {n.id: n for n in store.notes(record.id)}
    for note_id, index in committed.items():
        assert stored[note_id].anchor.quote == f"摘录{index}"
        assert stored[note_id].annotation == f"批注{index}"
    assert len(stored) >= len(committed)  # at most the note being written is extra


def test_two_processes_writing_at_once_do_not_corrupt_the_store(tmp_path: Path) -> None:
    script = WRITER.replace("range(100000)", "range(150)")
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.DEVNULL)
        for _ in range(2)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store = NoteStore.open(tmp_path)
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [record] = store.articles()
    assert len(store.notes(record.id)) == 300


def test_a_note_taken_in_traditional_display_anchors_to_the_simplified_original() -> None:
    original = load_path(SAMPLES / "01_news_scraped.txt")
    shown = original.map_text(lambda t: convert(t, Variant.TAIWAN))
    anchor = first_sentence_anchor(shown)
    assert anchor.quote != first_sentence_anchor(original).quote  # really converted
    placed = locate(original, anchor)
    assert placed.placement is Placement.EXACT
    # and back: a note on the original is found in the converted display
    assert locate(shown, first_sentence_anchor(original)).placement is Placement.EXACT


def test_a_changed_article_moves_what_it_can_and_reports_the_rest(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(
        "标题\n\n第一段讲开发区的转型。还有一句。\n\n第二段讲河道治理。\n", encoding="utf-8"
    )
    store = NoteStore.open(tmp_path)
    before = load_path(file)
    record = store.open_article(before, str(file))
    kept = store.add_note(record.id, anchor_for(before, Location(0, 1, 0, 9)), "河道")
    gone = store.add_note(record.id, anchor_for(before, Location(0, 0, 11, 16)), "会被删掉")
    file.write_text(
        "标题\n\n新加的一段在最前面。\n\n第一段讲开发区的转型。\n\n第二段讲河道治理。\n",
        encoding="utf-8",
    )
    after = load_path(file)
    reopened = store.open_article(after, str(file))
    assert reopened.id == record.id and reopened.previous_identity == record.identity
    placed = {p.note.id: p for p in place_notes(store, reopened, after)}
    assert placed[kept.id].placement is Placement.MOVED
    assert placed[kept.id].note.anchor.paragraph == 2
    assert placed[gone.id].placement is Placement.LOST  # reported, still stored
    assert {n.id for n in store.notes(record.id)} == {kept.id, gone.id}
    # the move was saved: next time the note is exactly where it says
    assert place_notes(store, reopened, after)[0].placement is Placement.EXACT


def test_open_article_by_identity_ignores_where_the_file_lives(tmp_path: Path) -> None:
    document = load_text("标题\n\n正文。\n")
    store = NoteStore.open(tmp_path)
    a = store.open_article(document, "/old/place.txt")
    b = store.open_article(document, "/new/place.txt")
    assert a.id == b.id and b.path == "/new/place.txt" and b.previous_identity is None


def test_a_store_locked_by_another_process_is_a_clear_error_and_nothing_half_written(
    tmp_path: Path,
) -> None:
    document = load_path(ESSAY)
    store = NoteStore.open(tmp_path)
    record = store.open_article(document, str(ESSAY))
    store._db.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(tmp_path / "notes.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(ArticleError, match="cannot write"):
        store.add_note(record.id, first_sentence_anchor(document), "写不进去")
    other.execute("ROLLBACK")
    assert store.notes(record.id) == []
    store.add_note(record.id, first_sentence_anchor(document), "现在可以了")
    assert [n.annotation for n in store.notes(record.id)] == ["现在可以了"]


def test_note_kinds_come_back_as_the_enum_and_a_bad_kind_is_refused(tmp_path: Path) -> None:
    from reader.notes.kinds import NoteKind

    document = load_path(ESSAY)
    store = NoteStore.open(tmp_path)
    record = store.open_article(document, str(ESSAY))
    anchor = first_sentence_anchor(document)
    store.add_note(record.id, anchor, kind=NoteKind.BOOKMARK)
    store.add_note(record.id, anchor, "划线", kind="highlight")
    with pytest.raises(ValueError):
        store.add_note(record.id, anchor, kind="underline")
    kinds = sorted(n.kind for n in store.notes(record.id))
    assert kinds == [NoteKind.BOOKMARK, NoteKind.HIGHLIGHT]
    assert all(isinstance(k, NoteKind) for k in kinds)
    lines = [p.line(document.sections[1].heading) for p in place_notes(store, record, document)]
    assert lines[0].startswith("🔖 [") and lines[1].startswith("▌ [")
    assert lines[0].endswith(anchor.quote)


def test_the_stored_script_is_the_documents_own(tmp_path: Path) -> None:
    essay, news = load_path(ESSAY), load_path(SAMPLES / "01_news_scraped.txt")
    assert essay.traditional and not news.traditional
    store = NoteStore.open(tmp_path)
    store.open_article(essay, str(ESSAY))
    store.open_article(news, "news.txt")
    rows = dict(store._db.execute("SELECT path, traditional FROM articles").fetchall())
    assert rows == {str(ESSAY): 1, "news.txt": 0}
