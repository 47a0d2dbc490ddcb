"""Provides ``zhreader serve``: the reader in a browser tab, through textual-serve.

textual-serve starts one reader process per browser tab from a command line
(``python -m reader.tui.serve ARTICLE``), which runs the very ``ReaderApp`` of
``zhreader ARTICLE``: the same keys, and notes in the same store. It is not
``python -m reader ARTICLE`` because that one insists on a terminal (a tab's stdin is
textual-serve's pipe, and without an article it would read that pipe as the text).
The server listens on localhost unless told otherwise.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from reader.errors import ArticleError

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_local(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (a loopback name or address)."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def reader_command(
    article: str | None, *, data_dir: Path | None = None, encoding: str | None = None
) -> str:
    """The shell command textual-serve runs for each tab: this Python, this package."""
    parts = [sys.executable, "-m", "reader.tui.serve"]
    if encoding:
        parts += ["--encoding", encoding]
    if data_dir is not None:
        parts += ["--data-dir", str(Path(data_dir).resolve())]
    if article is not None:
        path = Path(article)
        if not path.is_file():
            raise ArticleError(article, "no such file" if not path.exists() else "is not a file")
        parts.append(str(path.resolve()))  # the tab's process may start elsewhere
    return shlex.join(parts)


def serve(command: str, host: str, port: int, title: str) -> None:
    """Serve ``command`` until Ctrl+C; needs the ``serve`` extra (textual-serve)."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ArticleError("serve", "needs textual-serve: pip install 'zhreader[serve]'") from None
    try:
        Server(command, host=host, port=port, title=title).serve()
    except OSError as exc:  # the address is not ours, the port is taken, a privileged port
        reason = exc.strerror or str(exc)
        raise ArticleError(f"{host}:{port}", f"cannot listen on {host}:{port} ({reason})") from None


def run_tab(argv: list[str]) -> None:
    """One browser tab: load the article, then run the reader app on textual-serve's driver."""
    parser = argparse.ArgumentParser(prog="python -m reader.tui.serve")
    parser.add_argument("article", nargs="?")
    parser.add_argument("--encoding")
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args(argv)
    from reader.ingest.loading import load_path

    try:
        document = None if args.article is None else load_path(args.article, encoding=args.encoding)
    except ArticleError as exc:
        from reader.terminal_text import one_line

        sys.stderr.write(f"zhreader: {one_line(str(exc))}\n")
        raise SystemExit(2) from None
    from reader.tui.app import ReaderApp

    path = None if args.article is None else str(Path(args.article).resolve())
    ReaderApp(document=document, path=path, data_dir=args.data_dir).run()


if __name__ == "__main__":
    run_tab(sys.argv[1:])
