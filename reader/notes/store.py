"""Provides the notes store: highlights, annotations, bookmarks and reading positions in SQLite.

One file (``notes.db``) in the user data directory. WAL mode and one short
transaction per change: a process killed at any moment loses at most the
change it was making, and several zhreader processes can share the file.
The schema carries its version in ``PRAGMA user_version``; opening an older
file migrates it in place, inside a transaction.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from reader.errors import ArticleError
from reader.model import Document
from reader.notes.anchors import Anchor
from reader.notes.kinds import NoteKind

DATA_DIR_ENV = "ZHREADER_DATA_DIR"
DB_NAME = "notes.db"

# Each entry moves the schema from version i to i + 1. Never edit a released entry.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        title TEXT,
        path TEXT,
        chars INTEGER NOT NULL DEFAULT 0,
        opened_at TEXT,
        position_section INTEGER,
        position_paragraph INTEGER
    );
    CREATE INDEX articles_path ON articles (path);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('highlight', 'bookmark')),
        section INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        annotation TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    """
    CREATE INDEX notes_article ON notes (article_id, section, paragraph, start);
    ALTER TABLE articles ADD COLUMN traditional INTEGER NOT NULL DEFAULT 0;
    """,
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # v4: the reading position to the sentence (its start offset in the paragraph).
    """
    ALTER TABLE articles ADD COLUMN position_offset INTEGER NOT NULL DEFAULT 0;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class Note:
    """A highlight (with an optional annotation) or a bookmark, anchored in the text."""

    id: int
    kind: NoteKind
    anchor: Anchor
    annotation: str
    created_at: str


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What the store knows of an article."""

    id: int
    identity: str
    title: str | None
    path: str | None
    opened_at: str | None
    position: tuple[int, int, int] | None  # section, paragraph, offset of the sentence
    note_count: int = 0
    previous_identity: str | None = None  # set when the file changed since last time


def default_data_dir() -> Path:
    """``$ZHREADER_DATA_DIR`` or the platform's user data directory."""
    if override := os.environ.get(DATA_DIR_ENV):
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("zhreader", appauthor=False)


def check_data_dir(folder: Path) -> None:
    """Refuse a data directory that is a file or cannot be created, in one line."""
    if folder.exists():
        if not folder.is_dir():
            raise ArticleError(str(folder), "is not a directory; --data-dir needs a directory")
        return
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ArticleError(
            str(folder), f"cannot create the data directory ({parent} is not a writable directory)"
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class NoteStore:
    """Notes of all articles in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self._setup()
        except sqlite3.DatabaseError as exc:
            raise ArticleError(str(path), f"cannot use the notes store ({exc})") from exc
        except OSError as exc:
            raise ArticleError(
                str(path), f"cannot create the notes store ({exc.strerror})"
            ) from exc

    def _setup(self) -> None:
        """WAL mode and migrations. Switching to WAL can report "locked" without waiting
        while another process does the same, so that step is retried for a while."""
        for attempt in range(50):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    @classmethod
    def open(cls, data_dir: Path | None = None) -> NoteStore:
        folder = data_dir or default_data_dir()
        check_data_dir(folder)
        return cls(folder / DB_NAME)

    @classmethod
    def open_existing(cls, data_dir: Path | None = None) -> NoteStore | None:
        """The store for commands that only read notes: None when there is none yet.

        A store that cannot be written (a read-only directory or file) is opened
        read-only, so the notes can still be listed and exported; an empty
        (0-byte) file is reported, since it is a store that lost its contents.
        """
        folder = data_dir or default_data_dir()
        check_data_dir(folder)
        path = folder / DB_NAME
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ArticleError(str(path), f"cannot read ({exc.strerror or exc})") from exc
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(str(path), "is not a file; it should be the notes store")
        if info.st_size == 0:
            raise ArticleError(
                str(path), "is empty (0 bytes), not a notes store; move it away to start afresh"
            )
        try:
            return cls(path)
        except ArticleError as problem:
            try:
                return cls._read_only(path)
            except ArticleError:
                raise problem from None

    @classmethod
    def _read_only(cls, path: Path) -> NoteStore:
        """Open without writing: read-only with the WAL when SQLite can use it, else
        ``immutable`` (the directory cannot be written, so there is no WAL to miss)."""
        store = cls.__new__(cls)
        store.path = path
        base = f"file:{quote(str(path.resolve()))}?mode=ro"
        problem: sqlite3.Error | None = None
        for uri in (base, base + "&immutable=1"):
            try:
                store._db = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
                version = store.schema_version
            except sqlite3.Error as exc:
                problem = exc
                continue
            if version != SCHEMA_VERSION:  # it would need a migration, which is a write
                store.close()
                raise ArticleError(str(path), f"cannot read schema version {version}")
            return store
        raise ArticleError(str(path), f"cannot read the notes store ({problem})")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; the write lock is taken at the start so readers never block it.

        A database failure (locked for too long, disk full, file gone) becomes an
        ArticleError naming the store, the one error callers handle.
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise ArticleError(str(self.path), f"cannot write ({exc})") from exc
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise ArticleError(str(self.path), f"cannot write ({exc})") from exc
            raise

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple]:
        """Rows of a read; a database failure becomes an ArticleError like a failed write."""
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise ArticleError(str(self.path), f"cannot read ({exc})") from exc

    def _migrate(self) -> None:
        """Apply the missing migrations, one transaction each; safe when two processes start at once."""
        while True:
            with self._write() as db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise sqlite3.DatabaseError(
                        f"schema version {version} is newer than this zhreader ({SCHEMA_VERSION});"
                        " upgrade zhreader"
                    )
                if version == SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # Articles

    def open_article(
        self, document: Document, path: str | None, traditional: bool | None = None
    ) -> ArticleRecord:
        """Record that ``document`` was opened; find it by identity, else by path.

        When only the path matches, the file changed since it was last read: the
        record is moved to the new identity and ``previous_identity`` says so,
        so the caller can re-anchor the notes (``reader.notes.notebook.place_notes``).
        """
        identity = document.identity()
        with self._write() as db:
            row = db.execute(
                "SELECT id, identity FROM articles WHERE identity = ?", (identity,)
            ).fetchone()
            previous = None
            if row is None and path:
                row = db.execute(
                    "SELECT id, identity FROM articles WHERE path = ? ORDER BY opened_at DESC LIMIT 1",
                    (path,),
                ).fetchone()
                previous = row[1] if row else None
            values = (
                identity,
                document.title,
                path,
                document.char_count,
                _now(),
                int(document.traditional if traditional is None else traditional),
            )
            if row is None:
                db.execute(
                    "INSERT INTO articles (identity, title, path, chars, opened_at, traditional)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    values,
                )
            else:
                db.execute(
                    "UPDATE articles SET identity = ?, title = ?, path = COALESCE(?, path), chars = ?,"
                    " opened_at = ?, traditional = ? WHERE id = ?",
                    (*values, row[0]),
                )
        record = self.article(identity)
        assert record is not None
        if previous is not None:
            record = replace(record, previous_identity=previous)
        return record

    def article(self, identity: str) -> ArticleRecord | None:
        rows = self._query(_ARTICLE_QUERY + " WHERE a.identity = ? GROUP BY a.id", (identity,))
        return _article(rows[0]) if rows else None

    def article_by_path(self, path: str) -> ArticleRecord | None:
        rows = self._query(
            _ARTICLE_QUERY + " WHERE a.path = ? GROUP BY a.id ORDER BY a.opened_at DESC LIMIT 1",
            (path,),
        )
        return _article(rows[0]) if rows else None

    def articles(self, with_notes_only: bool = False) -> list[ArticleRecord]:
        """Articles, most recently opened first."""
        having = " HAVING COUNT(n.id) > 0" if with_notes_only else ""
        rows = self._query(
            _ARTICLE_QUERY + " GROUP BY a.id" + having + " ORDER BY a.opened_at DESC"
        )
        return [_article(r) for r in rows]

    def set_position(self, article_id: int, section: int, paragraph: int, offset: int = 0) -> None:
        """Where the reader is: a paragraph and the offset of the sentence read in it."""
        with self._write() as db:
            db.execute(
                "UPDATE articles SET position_section = ?, position_paragraph = ?,"
                " position_offset = ? WHERE id = ?",
                (section, paragraph, offset, article_id),
            )

    # Reader settings (theme, paragraph style)

    def setting(self, key: str, default: str) -> str:
        try:
            rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        except ArticleError:  # a busy store: the default will do for a preference
            return default
        return str(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # Notes

    def add_note(
        self,
        article_id: int,
        anchor: Anchor,
        annotation: str = "",
        kind: NoteKind | str = NoteKind.HIGHLIGHT,
    ) -> Note:
        kind = NoteKind(kind)  # a bad kind fails here, before SQLite's CHECK
        now = _now()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO notes (article_id, kind, section, paragraph, start, end, quote,"
                " annotation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    kind,
                    anchor.section,
                    anchor.paragraph,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    annotation,
                    now,
                    now,
                ),
            )
        return Note(int(cursor.lastrowid or 0), kind, anchor, annotation, now)

    def annotate(self, note_id: int, annotation: str) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE notes SET annotation = ?, updated_at = ? WHERE id = ?",
                (annotation, _now(), note_id),
            )

    def move_note(self, note_id: int, anchor: Anchor) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE notes SET section = ?, paragraph = ?, start = ?, end = ?, quote = ?,"
                " updated_at = ? WHERE id = ?",
                (
                    anchor.section,
                    anchor.paragraph,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    _now(),
                    note_id,
                ),
            )

    def delete_note(self, note_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    def notes(self, article_id: int) -> list[Note]:
        """Notes of an article in document order."""
        rows = self._query(
            "SELECT id, kind, section, paragraph, start, end, quote, annotation, created_at"
            " FROM notes WHERE article_id = ? ORDER BY section, paragraph, start, id",
            (article_id,),
        )
        return [
            Note(r[0], NoteKind(r[1]), Anchor(r[2], r[3], r[4], r[5], r[6]), r[7], r[8])
            for r in rows
        ]


_ARTICLE_QUERY = (
    "SELECT a.id, a.identity, a.title, a.path, a.opened_at, a.position_section,"
    " a.position_paragraph, a.position_offset, COUNT(n.id) FROM articles a LEFT JOIN notes n ON n.article_id = a.id"
)


def _article(row: tuple) -> ArticleRecord:
    position = (row[5], row[6], row[7] or 0) if row[5] is not None else None
    return ArticleRecord(row[0], row[1], row[2], row[3], row[4], position, row[8])
