"""Web addresses: a real HTTP server on 127.0.0.1 serves every case; nothing leaves the machine."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.errors import ArticleError
from reader.ingest import web
from reader.ingest.sources import load_source
from reader.model import Location
from reader.notes.anchors import anchor_for
from reader.notes.store import NoteStore
from tests.conftest import run_cli

# An article written for these tests.
TITLE = "山区小学的新图书室"
PARAGRAPHS = [
    "今年秋天，县里为十二所山区小学建起了图书室，每间图书室配备了三千册图书。",
    "图书室由志愿者管理，孩子们每周可以借阅两本书，老师还组织了读书分享会。",
    "一位四年级学生说，她最喜欢的是关于星空和海洋的书，希望以后能去看看大海。",
    "校长表示，下一步将争取更多捐赠，让每个班级都有自己的图书角。",
]


def article_html(charset_meta: str | None = None, paragraphs: list[str] = PARAGRAPHS) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head>{meta}<title>{TITLE}</title></head>"
        f"<body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    )


class Site:
    """What the test server answers, path by path: (status, headers, body) or a callable."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.hits: dict[str, int] = {}


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route  # type: ignore[misc]
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    """A threading HTTP server on a free port of 127.0.0.1, stopped after the test."""
    routes = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield routes, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


HTML = "text/html"


def test_page_is_fetched_parsed_and_kept(site, tmp_path: Path) -> None:
    routes, base = site
    routes.routes["/a.html"] = (
        200,
        {"Content-Type": f"{HTML}; charset=utf-8"},
        article_html().encode(),
    )
    document = web.load_url(f"{base}/a.html", tmp_path)
    assert document.title == TITLE
    assert document.meta.url == f"{base}/a.html"
    assert PARAGRAPHS[1] in document.body_text
    assert web.kept_urls(tmp_path) == [f"{base}/a.html"]


def test_gbk_page_with_header_without_header_and_with_a_wrong_one(site, tmp_path: Path) -> None:
    routes, base = site
    body = article_html().encode("gbk")
    routes.routes["/header"] = (200, {"Content-Type": f"{HTML}; charset=GBK"}, body)
    routes.routes["/none"] = (200, {"Content-Type": HTML}, body)
    routes.routes["/meta"] = (200, {"Content-Type": HTML}, article_html("gb2312").encode("gbk"))
    routes.routes["/wrong-utf8"] = (200, {"Content-Type": f"{HTML}; charset=utf-8"}, body)
    routes.routes["/wrong-big5"] = (200, {"Content-Type": f"{HTML}; charset=big5"}, body)
    for path in ("/header", "/none", "/meta", "/wrong-utf8", "/wrong-big5"):
        document = web.load_url(base + path, tmp_path / path.strip("/"))
        assert document.title == TITLE, path
        assert PARAGRAPHS[0] in document.body_text, path


def test_big5_page_declared_in_meta(site, tmp_path: Path) -> None:
    routes, base = site
    traditional = ["今年秋天，縣裡為十二所山區小學建起了圖書室，每間圖書室配備了三千冊圖書。"] * 3
    page = article_html("big5", traditional).replace(TITLE, "山區小學的新圖書室")
    routes.routes["/tw"] = (200, {"Content-Type": HTML}, page.encode("big5"))
    document = web.load_url(f"{base}/tw", tmp_path)
    assert traditional[0] in document.body_text


def test_gzip_page(site, tmp_path: Path) -> None:
    routes, base = site
    body = gzip.compress(article_html().encode("utf-8"))
    routes.routes["/gz"] = (
        200,
        {"Content-Type": f"{HTML}; charset=utf-8", "Content-Encoding": "gzip"},
        body,
    )
    assert PARAGRAPHS[2] in web.load_url(f"{base}/gz", tmp_path).body_text


def test_redirect_chain_is_followed_and_a_loop_refused(site, tmp_path: Path) -> None:
    routes, base = site
    routes.routes["/one"] = (301, {"Location": "/two"}, b"")
    routes.routes["/two"] = (302, {"Location": f"{base}/three"}, b"")
    routes.routes["/three"] = (200, {"Content-Type": HTML}, article_html().encode())
    document = web.load_url(f"{base}/one", tmp_path)
    assert document.title == TITLE and document.meta.url == f"{base}/one"
    routes.routes["/loop-a"] = (302, {"Location": "/loop-b"}, b"")
    routes.routes["/loop-b"] = (302, {"Location": "/loop-a"}, b"")
    with pytest.raises(ArticleError, match="redirect loop"):
        web.fetch(f"{base}/loop-a")
    for i in range(10):
        routes.routes[f"/hop{i}"] = (302, {"Location": f"/hop{i + 1}"}, b"")
    with pytest.raises(ArticleError, match="more than 5 redirects"):
        web.fetch(f"{base}/hop0")


def test_http_errors_name_the_status(site) -> None:
    routes, base = site
    routes.routes["/boom"] = (500, {"Content-Type": HTML}, b"<h1>oops</h1>")
    with pytest.raises(ArticleError, match="HTTP 404"):
        web.fetch(f"{base}/missing")
    with pytest.raises(ArticleError, match="HTTP 500"):
        web.fetch(f"{base}/boom")


def test_not_html_names_the_content_type(site) -> None:
    routes, base = site
    routes.routes["/pic"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n")
    with pytest.raises(ArticleError, match="not a web page but image/png"):
        web.fetch(f"{base}/pic")


def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(3)
    handler.send_response(200)
    handler.end_headers()


def _never_finishes(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", HTML)
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(article_html().encode()[:200])
    handler.wfile.flush()
    time.sleep(3)


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", HTML)
    handler.end_headers()
    try:
        for _ in range(30):
            handler.wfile.write(b"<p>\xe5\xad\x97</p>")
            handler.wfile.flush()
            time.sleep(0.2)
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_slow_page_times_out(site) -> None:
    routes, base = site
    routes.routes["/slow"] = _slow
    started = time.monotonic()
    with pytest.raises(ArticleError, match="timed out"):
        web.fetch(f"{base}/slow", read_timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_page_that_never_finishes_times_out(site) -> None:
    routes, base = site
    routes.routes["/stall"] = _never_finishes
    with pytest.raises(ArticleError, match="timed out"):
        web.fetch(f"{base}/stall", read_timeout=0.5)
    routes.routes["/trickle"] = _trickle  # never silent long enough: the total deadline stops it
    started = time.monotonic()
    with pytest.raises(ArticleError, match="timed out"):
        web.fetch(f"{base}/trickle", read_timeout=1, deadline=1.0)
    assert time.monotonic() - started < 2.5


def test_thirty_megabyte_page_is_refused_without_reading_it_all(site) -> None:
    routes, base = site
    sent = {"bytes": 0}

    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.end_headers()  # no Content-Length: only streaming can tell
        chunk = ("<p>" + "字" * 1000 + "</p>").encode()
        try:
            while sent["bytes"] < 30 * 1024 * 1024:
                handler.wfile.write(chunk)
                sent["bytes"] += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    routes.routes["/huge"] = huge
    with pytest.raises(ArticleError, match="over the 1 MB limit"):
        web.fetch(f"{base}/huge", max_size=1024 * 1024)
    time.sleep(0.2)
    assert sent["bytes"] < 30 * 1024 * 1024  # the client stopped reading
    declared_sent = {"bytes": 0}

    def declared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Content-Length", str(30 * 1024 * 1024))
        handler.end_headers()
        chunk = b"<p>" + "字".encode() * 20000 + b"</p>"
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while declared_sent["bytes"] < 30 * 1024 * 1024:
                handler.wfile.write(chunk)
                declared_sent["bytes"] += len(chunk)

    routes.routes["/declared"] = declared  # 30 MB announced: refused at the default 20 MB
    with pytest.raises(ArticleError, match="over the 20 MB limit"):
        web.fetch(f"{base}/declared")
    time.sleep(0.2)
    assert declared_sent["bytes"] < 30 * 1024 * 1024


def test_refused_connection() -> None:
    # A DNS failure is not tested: a lookup could leave the machine.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ArticleError, match="connection refused"):
        web.fetch(f"http://127.0.0.1:{port}/a")


def test_reopen_offline_from_the_kept_copy_and_refresh(site, tmp_path: Path) -> None:
    routes, base = site
    url = f"{base}/news"
    routes.routes["/news"] = (200, {"Content-Type": HTML}, article_html().encode())
    first = load_source(url, data_dir=tmp_path)
    del routes.routes["/news"]  # the page is gone; the copy is read without asking
    again = load_source(url, data_dir=tmp_path)
    assert again.body_text == first.body_text and routes.hits["/news"] == 2 - 1
    heard: list[str] = []
    stale = web.refresh(url, tmp_path, notify=heard.append)  # refresh fails: the copy stands in
    assert stale.body_text == first.body_text
    assert heard and "HTTP 404" in heard[0] and "copy" in heard[0]
    changed = [*PARAGRAPHS[:2], "新增的一段：图书室还将开设周末电影放映。", *PARAGRAPHS[2:]]
    routes.routes["/news"] = (200, {"Content-Type": HTML}, article_html(None, changed).encode())
    fresh = web.refresh(url, tmp_path)
    assert "周末电影放映" in fresh.body_text
    assert "周末电影放映" in load_source(url, data_dir=tmp_path).body_text  # the new copy is kept


def test_notes_attach_by_address_and_survive_a_changed_page(site, tmp_path: Path) -> None:
    routes, base = site
    url = f"{base}/notes"
    routes.routes["/notes"] = (200, {"Content-Type": HTML}, article_html().encode())
    data = tmp_path / "data"
    document = load_source(url, data_dir=data)
    store = NoteStore.open(data)
    record = store.open_article(document, url)
    si, pi, paragraph = next((s, p, q) for s, p, q in document.paragraphs() if "志愿者" in q.text)
    sentence = paragraph.sentences[0]
    store.add_note(record.id, anchor_for(document, Location(si, pi, sentence.start, sentence.end)))
    store.close()
    changed = ["编者按：本文有更新。", *PARAGRAPHS]
    routes.routes["/notes"] = (200, {"Content-Type": HTML}, article_html(None, changed).encode())
    assert "编者按" in web.refresh(url, data).body_text  # the kept copy is now the new page
    result = run_cli("notes", url, "--data-dir", str(data))
    assert result.returncode == 0, result.stderr.decode()
    assert "志愿者管理" in result.stdout.decode() and "找不到原文" not in result.stdout.decode()
    exported = run_cli("export", url, "--data-dir", str(data))
    assert "志愿者管理" in exported.stdout.decode()


def test_cli_errors_are_one_line_exit_2(site, tmp_path: Path) -> None:
    routes, base = site
    routes.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    for path, words in (("/missing", "HTTP 404"), ("/pdf", "application/pdf")):
        result = run_cli("outline", base + path)
        err = result.stderr.decode()
        assert result.returncode == 2 and words in err, err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_outline_of_an_address(site) -> None:
    routes, base = site
    routes.routes["/o"] = (200, {"Content-Type": HTML}, article_html().encode())
    result = run_cli("outline", "--json", f"{base}/o")
    assert result.returncode == 0, result.stderr.decode()
    assert f'"url": "{base}/o"' in result.stdout.decode()


async def test_library_lists_a_kept_page_and_opens_it_offline(site, private_data_dir: Path) -> None:
    from textual.widgets import DataTable

    from reader.tui.app import ReaderApp
    from reader.tui.screens.library import LibraryScreen
    from reader.tui.screens.reader_screen import ReaderScreen

    routes, base = site
    url = f"{base}/lib"
    routes.routes["/lib"] = (200, {"Content-Type": HTML}, article_html().encode())
    document = load_source(url)
    store = NoteStore.open(private_data_dir)
    store.open_article(document, url)
    store.close()
    del routes.routes["/lib"]  # offline from here on
    app = ReaderApp()
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert str(row[0]) == "网页"
        assert TITLE in str(row[-1]) and url in str(row[-1])
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, ReaderScreen):
                break
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.model.original.title == TITLE
        assert app.screen.model.original.meta.url == url
    assert routes.hits["/lib"] == 1


async def test_r_in_the_reader_fetches_the_page_again(site, private_data_dir: Path) -> None:
    from reader.tui.app import ReaderApp
    from reader.tui.screens.reader_screen import ReaderScreen

    routes, base = site
    url = f"{base}/reload"
    routes.routes["/reload"] = (200, {"Content-Type": HTML}, article_html().encode())
    app = ReaderApp(load_source(url), url)
    changed = [*PARAGRAPHS[:2], "新增的一段：图书室还将开设周末电影放映。", *PARAGRAPHS[2:]]
    routes.routes["/reload"] = (200, {"Content-Type": HTML}, article_html(None, changed).encode())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "周末电影放映" not in app.screen.model.original.body_text  # the kept copy
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.05)
            screen = app.screen
            if (
                isinstance(screen, ReaderScreen)
                and "周末电影放映" in screen.model.original.body_text
            ):
                break
        assert isinstance(app.screen, ReaderScreen)
        assert "周末电影放映" in app.screen.model.original.body_text
        assert app.screen.path == url
    assert routes.hits["/reload"] == 2
