"""Provides the library API: ``reader.load``, ``summarize``, ``outline``, ``convert_script``.

The CLI prints what these functions return (``summary --json``, ``outline --json``,
``summary --batch``), so a script and the command line see one schema. Results are
plain JSON-ready dicts tagged with a versioned ``schema`` name: a consumer checks
``result["schema"] == SUMMARY_SCHEMA`` and the shape is described by the
TypedDicts below (a change of shape means a new version number).

Heavy resources (the segmentation model, OpenCC tables, the lexicon) load on first
use, once per process; every function is a plain module-level function over
immutable values, so it is safe from threads and picklable for process pools.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, cast

from reader.errors import ArticleError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reader.model import Document

SUMMARY_SCHEMA = "zhreader.summary/1"
OUTLINE_SCHEMA = "zhreader.outline/1"

VARIANTS = ("original", "simplified", "traditional", "taiwan", "hongkong")

_URL = re.compile(r"^https?://", re.I)


class MetaJSON(TypedDict):
    """What the article says about itself; null where it does not say."""

    date: str | None
    source: str | None
    author: str | None
    url: str | None


class SectionHeadJSON(TypedDict):
    """A section as the summary lists it: null heading for the lead."""

    heading: str | None
    level: int


class KeywordJSON(TypedDict):
    word: str
    score: float


class SentenceJSON(TypedDict):
    """A key sentence and where it is: ``start``/``end`` index the paragraph text."""

    text: str
    section: int
    paragraph: int
    start: int
    end: int
    score: float


class SummaryJSON(TypedDict):
    """``zhreader summary --json`` and ``reader.summarize``: schema ``zhreader.summary/1``."""

    schema: str
    title: str | None
    meta: MetaJSON
    sections: list[SectionHeadJSON]
    keywords: list[KeywordJSON]
    sentences: list[SentenceJSON]
    section_sentences: list[SentenceJSON | None]


class ParagraphJSON(TypedDict):
    text: str


class SectionJSON(TypedDict):
    heading: str | None
    subtitle: str | None
    level: int
    paragraphs: list[ParagraphJSON]


class OutlineJSON(TypedDict):
    """``zhreader outline --json`` and ``reader.outline``: schema ``zhreader.outline/1``."""

    schema: str
    title: str | None
    subtitle: str | None
    meta: MetaJSON
    sections: list[SectionJSON]


def load(
    source: str | os.PathLike[str] | bytes | Document,
    *,
    name: str | None = None,
    encoding: str | None = None,
    max_size: int | None = None,
) -> Document:
    """An article as an immutable ``Document``.

    A ``Path`` is a file; ``bytes`` are a file's content (encoding detected). A
    ``str`` is, in this order: a URL if it starts with http:// or https:// (when
    the web loader is available in this version, else ArticleError); a file if it
    is one line naming an existing file; else the article text itself (pass a
    ``Path`` to mean a file for sure). A ``Document`` is returned as it is. Bad
    input raises ``ArticleError``.
    """
    from reader.ingest.loading import DEFAULT_MAX_SIZE, load_bytes, load_path, load_text
    from reader.model import Document

    limit = DEFAULT_MAX_SIZE if max_size is None else max_size
    if isinstance(source, Document):
        return source
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "<bytes>"
        if len(data) > limit:
            raise ArticleError(label, "input is over the size limit")
        return load_bytes(data, label, encoding=encoding)
    if isinstance(source, os.PathLike):
        return load_path(Path(source), encoding=encoding, max_size=limit)
    if not isinstance(source, str):
        raise TypeError(f"cannot load a {type(source).__name__}: give str, Path or bytes")
    if _URL.match(source) and "\n" not in source:
        return _load_url(source)
    if "\n" not in source and len(source) < 4096 and _is_file(source):
        return load_path(source, encoding=encoding, max_size=limit)
    return load_text(source, name or "<text>")


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _load_url(url: str) -> Document:
    """Through ``reader.ingest.sources`` once another branch adds it; until then, one clear error."""
    try:
        sources = importlib.import_module("reader.ingest.sources")
    except ImportError:
        sources = None
    loader = getattr(sources, "load_url", None)
    if loader is None:
        raise ArticleError(url, "loading URLs is not available in this version")
    return cast("Document", loader(url))


def prepare() -> None:
    """Load the segmentation model now (else the first ``summarize`` does it)."""
    from reader.nlp.segmodel import load_model

    load_model()


def summary_of(
    document: Document, keywords: int = 10, sentences: int = 5, to: str = "original"
) -> SummaryJSON:
    """The one builder of the summary schema: the CLI, the batch and ``summarize`` call it."""
    from reader.convert import Variant
    from reader.nlp.analysis import analyze, summary_dict

    body = summary_dict(document, analyze(document, keywords, sentences), Variant(to))
    return cast("SummaryJSON", {"schema": SUMMARY_SCHEMA, **body})


def summarize(
    source: str | os.PathLike[str] | bytes | Document,
    *,
    keywords: int = 10,
    sentences: int = 5,
    to: str = "original",
) -> SummaryJSON:
    """Keywords and key sentences of an article, in the script ``to`` (see ``VARIANTS``).

    ``source`` is anything ``load`` takes. The result is what ``zhreader summary
    --json`` prints: a ``SummaryJSON`` tagged ``"schema": "zhreader.summary/1"``.
    """
    _check_variant(to)
    return summary_of(load(source), keywords, sentences, to)


def outline_of(document: Document) -> OutlineJSON:
    """The one builder of the outline schema, shared with ``zhreader outline --json``."""
    return cast("OutlineJSON", {"schema": OUTLINE_SCHEMA, **document.to_dict()})


def outline(source: str | os.PathLike[str] | bytes | Document) -> OutlineJSON:
    """Title, metadata and every section with its heading, level and paragraph texts."""
    return outline_of(load(source))


def convert(text_or_document: str | Document, to: str = "simplified") -> Any:
    """Text (``str``) or a whole ``Document`` in the script ``to``, by OpenCC.

    A str comes back as a str, a Document as a new Document; the source script
    is detected (a document's from all of its text).
    """
    from reader.convert import Variant
    from reader.convert import convert as convert_text
    from reader.model import Document

    _check_variant(to)
    variant = Variant(to)
    if isinstance(text_or_document, Document):
        from reader.convert import converter

        change = converter(variant, text_or_document.traditional)
        return text_or_document.map_text(change)
    if not isinstance(text_or_document, str):
        raise TypeError("convert takes a str or a Document")
    return convert_text(text_or_document, variant)


convert_script = convert  # the name at the package root, where reader.convert is a module


def summarize_batch(
    lines: Iterable[str] | str,
    *,
    keywords: int = 10,
    sentences: int = 5,
    to: str = "original",
    jobs: int | None = None,
    scheduler: Any = None,
    out_dir: str | os.PathLike[str] | None = None,
    text_column: str = "text",
) -> Any:
    """Summaries of JSONL lines (``{"text", "id"?, "title"?}``), in order.

    Without ``scheduler``: ``lines`` is any iterable of lines (an open file works),
    and the result is an iterator of ``SummaryJSON`` plus ``id``, or error objects
    ``{"id", "line", "error"}``; blank lines are skipped but counted; memory stays
    bounded however many lines come in (``jobs`` worker processes).

    With ``scheduler`` (a Dask address such as ``tcp://head:8786``, or a
    ``distributed.Client``): ``lines`` is a glob of JSONL or Parquet files, each
    partition is written to ``out_dir/part-NNNNN.jsonl`` on the cluster, and the
    result is the list of ``PartitionReport`` (needs ``zhreader[dask]``).
    """
    _check_variant(to)
    if scheduler is not None:
        if not isinstance(lines, str) or out_dir is None:
            raise ValueError("with a scheduler, give a glob of input files and out_dir")
        from reader.output.dask_batch import run_dask_batch

        return run_dask_batch(lines, scheduler, out_dir, keywords, sentences, to, text_column)
    if isinstance(lines, str):
        raise TypeError("give an iterable of JSONL lines (a str is one text: use summarize)")
    from reader.output.batch import summarize_lines

    return summarize_lines(enumerate(lines, start=1), keywords, sentences, to, jobs)


def _check_variant(to: str) -> None:
    if to not in VARIANTS:
        raise ValueError(f"unknown script {to!r}: one of {', '.join(VARIANTS)}")


__all__ = [
    "OUTLINE_SCHEMA",
    "SUMMARY_SCHEMA",
    "VARIANTS",
    "OutlineJSON",
    "SummaryJSON",
    "convert",
    "convert_script",
    "load",
    "outline",
    "outline_of",
    "prepare",
    "summarize",
    "summarize_batch",
    "summary_of",
]
