"""Provides the one entry point for what the user named: stdin, a web address, a book or a file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from reader.errors import ArticleError
from reader.ingest.loading import DEFAULT_MAX_SIZE, load_path
from reader.model import Document

Notify = Callable[[str], None]
_URL = re.compile(r"(?i)^https?://[^/\s]")


def is_url(arg: str) -> bool:
    """Whether the user named a web address rather than a file (urllib3 loads only then)."""
    return _URL.match(arg) is not None


def load_source(
    arg: str,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    data_dir: Path | None = None,
    refresh: bool = False,
    offline: bool = False,
    notify: Notify | None = None,
) -> Document:
    """Load ``arg``: ``-`` (stdin), an http(s) address, an EPUB book, else an article file.

    A web page is kept in ``data_dir`` (default: the notes store's directory) and
    read from there next time unless ``refresh``; ``offline`` never fetches (a
    page without a kept copy is an error); ``notify`` hears when a kept copy
    stands in for a page the network could not give.
    """
    if is_url(arg):
        from reader.ingest.web import load_url
        from reader.notes.store import check_data_dir, default_data_dir

        folder = data_dir or default_data_dir()
        check_data_dir(folder)
        if offline:
            from reader.ingest.web import kept, page_document

            page = kept(arg, folder)
            if page is None:
                raise ArticleError(arg, "no copy of this page is kept; open it once online")
            return page_document(page, encoding=encoding)
        return load_url(
            arg, folder, encoding=encoding, max_size=max_size, refresh=refresh, notify=notify
        )
    if arg != "-" and (path := Path(arg)).is_file() and is_epub(path):
        from reader.ingest.epub import load_epub  # lxml: only books need it

        return load_epub(path, max_size=max_size)
    return load_path(arg, encoding=encoding, max_size=max_size)


def source_label(arg: str) -> str | None:
    """What notes remember the source by: the address, the absolute path, None for stdin."""
    if arg == "-":
        return None
    return arg if is_url(arg) else str(Path(arg).resolve())


EPUB_MIMETYPE = b"application/epub+zip"


def is_epub(path: Path) -> bool:
    """A ``.epub`` name, or a zip whose first member says it is an EPUB."""
    if path.suffix.lower() == ".epub":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.startswith(b"PK\x03\x04") and EPUB_MIMETYPE in head
