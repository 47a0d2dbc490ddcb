"""Provides the ``zhreader`` command line: a click group whose default opens the reader.

Subcommands import what they need lazily so that ``zhreader outline`` and
``zhreader summary`` start without loading Textual.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from reader import __version__
from reader.errors import ArticleError
from reader.terminal_text import json_dumps, one_line

F = TypeVar("F", bound=Callable[..., Any])

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class SizeType(click.ParamType):
    """A byte size such as 20MB, 500k or 1048576."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        if not match:
            self.fail(f"{value!r} is not a size like 20MB, 500k or 1048576", param, ctx)
        return int(float(match[1]) * _UNITS[match[2].lower()])


class DefaultGroup(click.Group):
    """A group that runs ``read`` when the first argument is not a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["read", *args]
        return super().parse_args(ctx, args)


def input_options(func: F) -> F:
    """The options every command that reads an article shares."""
    func = click.option(
        "--encoding",
        metavar="NAME",
        help="Decode the input with this encoding instead of detecting it "
        "(utf-8, gb18030, big5 …).",
    )(func)
    func = click.option(
        "--max-size",
        type=SizeType(),
        default="20MB",
        show_default=True,
        help="Refuse inputs larger than this.",
    )(func)
    return func


def data_dir_option(func: F) -> F:
    """Where notes are kept; the environment variable lets tests and scripts point elsewhere.

    Checked by the store (``reader.notes.store.check_data_dir``), not by click, so that a wrong
    directory is one line like every other user error."""
    return click.option(
        "--data-dir",
        type=click.Path(path_type=Path),
        envvar="ZHREADER_DATA_DIR",
        show_envvar=True,
        help="Directory of the notes store (default: the user data directory).",
    )(func)


def _article_label(article: str) -> str | None:
    """The path notes remember an article by: absolute, the address, or None for stdin."""
    from reader.ingest.sources import source_label

    return source_label(article)


def _load(
    article: str,
    encoding: str | None,
    max_size: int,
    data_dir: Path | None = None,
    refresh: bool = False,
) -> Any:
    """The Document for what the user named (file, -, web address, EPUB book)."""
    from reader.ingest.sources import load_source

    return load_source(
        article,
        encoding=encoding,
        max_size=max_size,
        data_dir=data_dir,
        refresh=refresh,
        notify=lambda message: click.echo(f"zhreader: {one_line(message)}", err=True),
    )


def user_errors(func: F) -> F:
    """Turn the core's ArticleError into one line on stderr and exit code 2.

    Output that cannot be written (a full disk, a closed descriptor) is one line
    and exit code 1; a reader that went away (a closed pipe) is silence.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()
            return result
        except ArticleError as exc:
            click.echo(f"zhreader: {one_line(str(exc))}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)
        except KeyboardInterrupt:
            sys.exit(130)
        except OSError as exc:
            if not _output_failure(exc):
                raise
            _silence_stdout()
            if exc.errno == errno.EPIPE:
                sys.exit(0)
            reason = exc.strerror or str(exc)
            click.echo(f"zhreader: cannot write to standard output ({reason})", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG}


def _output_failure(exc: OSError) -> bool:
    """Whether ``exc`` is a failed write to standard output: the core reports its own
    file errors as ArticleError, and an error opening a file carries its name."""
    return exc.filename is None and exc.errno in _OUTPUT_ERRNOS


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so that the final flush at exit cannot fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115


def _hold_closed_stdout() -> None:
    """Started with fd 1 closed (``>&-``): Python sets ``sys.stdout`` to None, and the
    next file opened (the notes store, an export) would get fd 1. Hold fd 1 with a
    read-only /dev/null instead, so any write to it fails as EBADF and is reported."""
    if sys.stdout is not None:
        return
    held = os.open(os.devnull, os.O_RDONLY)
    if held != 1:
        os.dup2(held, 1)
        os.close(held)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhreader")
def cli() -> None:
    """Read and summarize Chinese articles in the terminal.

    \b
    zhreader ARTICLE              open the reader (zhreader alone: the library)
    cat a.txt | zhreader          read piped text in the reader
    zhreader outline ARTICLE      title, metadata and section tree
    zhreader summary ARTICLE      keywords and key sentences (--json for scripts)
    zhreader summary --batch F    one JSON summary per JSONL line
    zhreader export ARTICLE       summary and your notes as Markdown
    zhreader notes [ARTICLE]      what you have highlighted and annotated
    zhreader vocab ARTICLE        words above your HSK level (--anki FILE for Anki)
    zhreader serve [ARTICLE]      the reader in a web browser (localhost)
    zhreader convert ARTICLE --to taiwan   the article in another script

    ARTICLE is a .txt, .md or .html file in UTF-8, GB18030/GBK or Big5
    (detected), an .epub book, an http(s) web address (kept for offline
    reading; --refresh fetches it again), or - for standard input.
    """


@cli.command()
@click.argument("article", required=False)
@click.option("--refresh", is_flag=True, help="Fetch a web address again instead of its kept copy.")
@input_options
@data_dir_option
@user_errors
def read(
    article: str | None,
    refresh: bool,
    encoding: str | None,
    max_size: int,
    data_dir: Path | None,
) -> None:
    """Open ARTICLE in the reader; with no ARTICLE, open the library of samples.

    \b
    Keys: Enter on a heading or key sentence jumps to it, t cycles the script
    (原文 → 简体 → 繁體 → 台灣正體 → 香港繁體), / searches, h highlights, a annotates,
    e exports notes, ? shows all keys, q quits. Notes and the reading position
    are saved as you go.
    """
    from reader.tui.launch import launch

    launch(article, encoding=encoding, max_size=max_size, data_dir=data_dir, refresh=refresh)


@cli.command()
@click.argument("article", default="-")
@click.option(
    "--to",
    "variant",
    type=click.Choice(["simplified", "traditional", "taiwan", "hongkong"]),
    required=True,
    help="Script to print the article in (OpenCC, as the reader's t).",
)
@click.option("--markdown", is_flag=True, help="Markdown: # title, metadata, headings by level.")
@input_options
@data_dir_option
@user_errors
def convert(
    article: str,
    variant: str,
    markdown: bool,
    encoding: str | None,
    max_size: int,
    data_dir: Path | None,
) -> None:
    """Print ARTICLE (a file, a web address, a book or - for stdin) in another script.

    \b
    Examples:
      zhreader convert news.txt --to traditional
      curl -s URL | zhreader convert - --to taiwan --markdown > news.md
    """
    from reader.convert import Variant
    from reader.output.convert_text import converted, markdown_lines, plain_lines

    _refuse_terminal_stdin(article)
    document = converted(_load(article, encoding, max_size, data_dir), Variant(variant))
    for line in (markdown_lines if markdown else plain_lines)(document):
        click.echo(line)


@cli.command()
@click.argument("article", default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the whole document as JSON.")
@input_options
@user_errors
def outline(article: str, as_json: bool, encoding: str | None, max_size: int) -> None:
    """Print the title, metadata and section tree of ARTICLE (- or nothing: stdin).

    \b
    Examples:
      zhreader outline news.txt
      curl -s URL | zhreader outline --json - | jq '.sections[].heading'
    """
    _refuse_terminal_stdin(article)
    document = _load(article, encoding, max_size)
    if as_json:
        from reader.api import outline_of

        click.echo(json_dumps(outline_of(document), indent=2))
        return
    from reader.output.outline_text import outline_lines

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for line in outline_lines(document, width):
        click.echo(line)


VARIANT_CHOICE = click.Choice(["original", "simplified", "traditional", "taiwan", "hongkong"])


def summary_options(func: F) -> F:
    """How many keywords and sentences, and in which script: shared by summary and export."""
    func = click.option(
        "--to",
        "variant",
        type=VARIANT_CHOICE,
        default="original",
        show_default=True,
        help="Script of the output (OpenCC).",
    )(func)
    func = click.option(
        "-n",
        "--sentences",
        "sentence_limit",
        type=click.IntRange(0, 100),
        default=5,
        show_default=True,
        help="How many key sentences.",
    )(func)
    return click.option(
        "-k",
        "--keywords",
        "keyword_limit",
        type=click.IntRange(0, 100),
        default=10,
        show_default=True,
        help="How many keywords.",
    )(func)


@cli.command()
@click.argument("article", default="-")
@summary_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option(
    "--by-section",
    is_flag=True,
    help="Also print the best sentence of each section (always in --json as section_sentences).",
)
@click.option(
    "--batch",
    is_flag=True,
    help='Read JSONL (one {"text", "id"?, "title"?} per line), write JSONL in order.',
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes for --batch (default: all cores).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run --batch on this Dask cluster (tcp://host:8786); ARTICLE is then a glob of "
    "JSONL or Parquet files. Needs: pip install 'zhreader[dask]'.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --scheduler: where part-NNNNN.jsonl (one per partition) and manifest.json go.",
)
@click.option(
    "--text-column",
    default="text",
    show_default=True,
    help="With --scheduler: the Parquet column holding the text.",
)
@input_options
@user_errors
def summary(
    article: str,
    keyword_limit: int,
    sentence_limit: int,
    variant: str,
    as_json: bool,
    by_section: bool,
    batch: bool,
    jobs: int | None,
    scheduler: str | None,
    out_dir: Path | None,
    text_column: str,
    encoding: str | None,
    max_size: int,
) -> None:
    """Print the keywords and key sentences of ARTICLE (- or nothing: stdin).

    \b
    Examples:
      zhreader summary news.txt
      cat news.txt | zhreader summary -k 5 -n 3 --to taiwan
      zhreader summary --json news.html | jq '.keywords[].word'
      zhreader summary --batch articles.jsonl > summaries.jsonl
      zhreader summary --batch 'archive/*.jsonl' --scheduler tcp://head:8786 --out-dir out/
    """
    from reader.convert import Variant

    chosen = Variant(variant)
    if scheduler is not None:
        _run_on_dask(
            article, batch, scheduler, out_dir, keyword_limit, sentence_limit, variant, text_column
        )
        return
    _refuse_terminal_stdin(article)
    if batch:
        from reader.output.batch import run_batch

        _prepare_model()  # once here, not once per worker process
        run_batch(article, keyword_limit, sentence_limit, chosen, jobs)
        return
    from reader.api import summary_of

    document = _load(article, encoding, max_size)
    _prepare_model()
    result = summary_of(document, keyword_limit, sentence_limit, chosen.value)
    if as_json:
        click.echo(json_dumps(result, indent=2))
        return
    from reader.output.summary_text import summary_lines

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for line in summary_lines(result, _color_wanted(), by_section, width):
        click.echo(line)


def _run_on_dask(
    pattern: str,
    batch: bool,
    scheduler: str,
    out_dir: Path | None,
    keyword_limit: int,
    sentence_limit: int,
    variant: str,
    text_column: str,
) -> None:
    """``summary --batch GLOB --scheduler ADDRESS --out-dir DIR``: Dask is imported only here."""
    if not batch or out_dir is None or pattern == "-":
        raise ArticleError("--scheduler", "needs --batch, a file glob (not -) and --out-dir DIR")
    import time

    from reader.output.dask_batch import progress_printer, run_dask_batch

    show = progress_printer(time.monotonic()) if sys.stderr.isatty() else None
    reports = run_dask_batch(
        pattern, scheduler, out_dir, keyword_limit, sentence_limit, variant, text_column, show
    )
    items = sum(r.items for r in reports)
    errors = sum(r.errors for r in reports)
    click.echo(
        f"wrote {len(reports)} partition file(s), {items} item(s), {errors} error(s) "
        f"to {one_line(str(out_dir))}",
        err=True,
    )


@cli.command()
@click.argument("article", default="-")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to this file instead of stdout (not a directory, device or dangling link).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite FILE if it exists (a link to a file: the file it points to).",
)
@summary_options
@input_options
@data_dir_option
@user_errors
def export(
    article: str,
    output: str | None,
    force: bool,
    variant: str,
    keyword_limit: int,
    sentence_limit: int,
    encoding: str | None,
    max_size: int,
    data_dir: Path | None,
) -> None:
    """Export ARTICLE's summary and your notes on it as Markdown.

    Title, metadata, keywords, key sentences, then your highlights under their
    section headings, each quoted with its annotation. Works without notes too.
    The file is written atomically and never overwritten without --force.

    \b
    Examples:
      zhreader export news.txt -o news-notes.md
      zhreader export essay.txt --to simplified > essay.md
    """
    from reader.convert import Variant
    from reader.nlp.analysis import analyze
    from reader.output.export import export_markdown, write_atomic

    _refuse_terminal_stdin(article)
    document = _load(article, encoding, max_size, data_dir)
    placed = _stored_notes(document, _article_label(article), data_dir)
    _prepare_model()
    text = export_markdown(
        document,
        analyze(document, keyword_limit, sentence_limit),
        placed,
        Variant(variant),
        file_label=None if article == "-" else article,
    )
    lost = sum(p.lost for p in placed)
    if lost:
        click.echo(
            f"zhreader: {lost} note(s) no longer match the text; listed at the end", err=True
        )
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomic(output, text, force=force)
    click.echo(f"wrote {one_line(output)} ({len(placed)} notes)", err=True)


@cli.command()
@click.argument("article", required=False)
@input_options
@data_dir_option
@user_errors
def notes(article: str | None, encoding: str | None, max_size: int, data_dir: Path | None) -> None:
    """List the articles you have notes on, or print the notes on ARTICLE.

    \b
    Examples:
      zhreader notes               title, path, number of notes, last read
      zhreader notes news.txt      each highlight with its section and annotation
    """
    from reader.model import NO_TITLE
    from reader.notes.store import NoteStore

    if article is None:
        store = NoteStore.open_existing(data_dir)
        rows = store.articles(with_notes_only=True) if store is not None else []
        if not rows:
            click.echo("no notes yet", err=True)
        for record in rows:
            when = _local_time(record.opened_at)
            title = one_line(record.title or NO_TITLE)
            path = one_line(record.path or "<stdin>")
            click.echo(f"{title}\t{path}\t{record.note_count} 条\t{when}")
        return
    _refuse_terminal_stdin(article)
    document = _load(article, encoding, max_size, data_dir)
    placed = _stored_notes(document, _article_label(article), data_dir)
    if not placed:
        click.echo("no notes on this article", err=True)
        return
    for p in placed:
        heading = document.sections[p.note.anchor.section].heading if not p.lost else None
        click.echo(p.line(heading))
        if p.note.annotation:
            click.echo(f"    {one_line(p.note.annotation)}")


@cli.command()
@click.argument("article", default="-")
@click.option(
    "--level",
    type=click.IntRange(1, 9),
    help="Your HSK level (1-9; 7-9 are one band); remembered for next time (default 4).",
)
@click.option(
    "--known",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Words you know: one a line, or the first column of a tab-separated file.",
)
@click.option(
    "-n",
    "limit",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="At most N words.",
)
@click.option("--anki", metavar="FILE", help="Write the list as a file Anki imports (TSV).")
@click.option("--force", is_flag=True, help="Overwrite the --anki FILE if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@input_options
@data_dir_option
@user_errors
def vocab(
    article: str,
    level: int | None,
    known: Path | None,
    limit: int,
    anki: str | None,
    force: bool,
    as_json: bool,
    encoding: str | None,
    max_size: int,
    data_dir: Path | None,
) -> None:
    """List ARTICLE's words above your HSK level that you do not know.

    The article's keywords come first, then the words that are frequent here and
    rare elsewhere; each with pinyin in context, a short CC-CEDICT definition and
    the sentence it first stands in. --level is remembered in the notes store.

    \b
    Examples:
      zhreader vocab news.txt --level 4 -n 20
      zhreader vocab news.txt --known known.txt --anki news.tsv
    """
    from reader.ingest.loading import load_path
    from reader.learn import levels
    from reader.learn.dictionary import FIRST_RUN_NOTICE, load_dictionary
    from reader.learn.vocab import read_known, vocabulary
    from reader.notes.store import NoteStore

    _refuse_terminal_stdin(article)
    if level is not None:
        levels.remember_level(NoteStore.open(data_dir), min(level, levels.TOP))
    reader_level = levels.chosen_level(NoteStore.open_existing(data_dir))
    known_words: frozenset[str] = frozenset()
    if known is not None:
        try:
            known_words = read_known(known.read_text(encoding="utf-8-sig").splitlines())
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise ArticleError(str(known), f"cannot read the known words ({reason})") from None
    document = load_path(article, encoding=encoding, max_size=max_size)
    _prepare_model()
    load_dictionary(on_build=lambda: click.echo(f"zhreader: {FIRST_RUN_NOTICE}", err=True))
    items = vocabulary(document, reader_level, known_words, limit)
    if anki is not None:
        from reader.learn.anki import write_anki

        write_anki(anki, items, force=force)
        click.echo(f"wrote {one_line(anki)} ({len(items)} words)", err=True)
        return
    if as_json:
        click.echo(json_dumps([item.to_dict() for item in items], indent=2))
        return
    if not items:
        click.echo(f"no words above {levels.label(reader_level)} in this article", err=True)
    for item in items:
        fields = (item.word, item.pinyin, item.level_label, item.definition, item.sentence)
        click.echo("\t".join(one_line(f) for f in fields))


@cli.command()
@click.argument("article", required=False)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (another than localhost lets other machines in).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--encoding", metavar="NAME", help="Decode ARTICLE with this encoding.")
@data_dir_option
@user_errors
def serve(
    article: str | None, host: str, port: int, encoding: str | None, data_dir: Path | None
) -> None:
    """Serve the reader in a web browser (needs: pip install 'zhreader[serve]').

    Each browser tab runs the reader on ARTICLE (or the library) with the same
    keys and the same notes store as in the terminal.

    \b
    Examples:
      zhreader serve news.txt                 then open http://127.0.0.1:8000
      zhreader serve --port 9000 essay.md
    """
    from reader.tui.serve import is_local, reader_command
    from reader.tui.serve import serve as run_server

    command = reader_command(article, data_dir=data_dir, encoding=encoding)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"zhreader: serving the reader on http://{one_line(shown)}:{port}", err=True)
    if is_local(host):
        click.echo("zhreader: listening on localhost only (--host to change)", err=True)
    else:
        click.echo(
            f"zhreader: warning: {one_line(host)} is not a local address; anyone who can "
            "reach it can read these articles and change your notes (no password)",
            err=True,
        )
    title = "zhreader" if article is None else f"zhreader · {Path(article).name}"
    run_server(command, host, port, title)


def _stored_notes(document: Any, path: str | None, data_dir: Path | None) -> list[Any]:
    """The notes on ``document`` placed in its current text; none if there is no store yet."""
    from reader.notes.notebook import place_notes
    from reader.notes.store import NoteStore

    store = NoteStore.open_existing(data_dir)
    if store is None:
        return []
    record = store.article(document.identity()) or (store.article_by_path(path) if path else None)
    return place_notes(store, record, document) if record else []


def _local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    from datetime import datetime

    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _prepare_model() -> None:
    """Load the segmentation model, saying so on stderr when it must be built:
    a first run would otherwise spend ~10 s in silence."""
    from reader.nlp.segmodel import FIRST_RUN_NOTICE, load_model

    load_model(on_build=lambda: click.echo(f"zhreader: {FIRST_RUN_NOTICE}", err=True))


def _refuse_terminal_stdin(article: str) -> None:
    """Reading '-' from a terminal would hang silently; say what to do instead."""
    if article == "-" and sys.stdin.isatty():
        raise ArticleError("<stdin>", "no input piped in; give a file name or pipe text in")


def _color_wanted() -> bool:
    """Bold on a terminal, unless NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def main() -> None:
    """Console-script entry point."""
    _hold_closed_stdout()
    cli(prog_name="zhreader")
