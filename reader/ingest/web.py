"""Provides articles from web addresses: fetched once, kept in the data directory, reopened offline.

A page is fetched with urllib3 (timeouts, a total deadline, a few redirects, a
size limit checked while streaming, gzip/deflate), decoded with the charset the
header or the page declares unless the bytes say otherwise, and parsed by the
HTML path every saved page takes. The raw page is kept under ``pages/`` in the
data directory so that reopening needs no network and notes find their text.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)

from reader.errors import ArticleError
from reader.ingest.decoding import decode_bytes
from reader.ingest.loading import DEFAULT_MAX_SIZE, Format, load_text
from reader.ingest.sources import Notify
from reader.model import Document

CONNECT_TIMEOUT = 10.0  # seconds to open the connection
READ_TIMEOUT = 20.0  # seconds of silence while reading
DEADLINE = 60.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_USER_AGENT = "zhreader/0.1 (terminal reader; +https://example.invalid/zhreader)"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes (decompressed) and what the server said about them."""

    url: str  # what the user asked for
    final_url: str  # after redirects
    data: bytes
    content_type: str  # e.g. text/html, lower case, no parameters
    charset: str | None  # from the Content-Type header
    fetched_at: str


def fetch(
    url: str,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    deadline: float = DEADLINE,
) -> Page:
    """Fetch ``url``, or raise ArticleError naming the one thing that went wrong."""
    http = urllib3.PoolManager(
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        }
    )
    started = time.monotonic()
    seen: list[str] = []
    current = url
    try:
        while True:
            if current in seen:
                raise ArticleError(url, f"redirect loop (back to {current})")
            if len(seen) > MAX_REDIRECTS:
                raise ArticleError(url, f"more than {MAX_REDIRECTS} redirects")
            seen.append(current)
            left = deadline - (time.monotonic() - started)
            if left <= 0:
                raise ArticleError(url, f"timed out (no page after {deadline:g} s)")
            response = http.request(
                "GET",
                current,
                preload_content=False,
                redirect=False,
                retries=False,
                timeout=urllib3.Timeout(
                    connect=min(connect_timeout, left), read=min(read_timeout, left)
                ),
            )
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                response.release_conn()
                if not location:
                    raise ArticleError(url, f"HTTP {response.status} redirect without a Location")
                current = urljoin(current, location)
                if urlsplit(current).scheme not in ("http", "https"):
                    raise ArticleError(url, "redirected to something that is not a web page")
                continue
            try:
                return _read_page(url, current, response, max_size, started, deadline)
            finally:
                response.release_conn()
    except NameResolutionError:
        raise ArticleError(url, f"cannot find the host {urlsplit(current).hostname}") from None
    except NewConnectionError as exc:
        reason = "connection refused" if "refused" in str(exc).lower() else "cannot connect"
        raise ArticleError(url, f"{reason} ({urlsplit(current).netloc})") from None
    except ConnectTimeoutError:
        raise ArticleError(url, f"timed out connecting to {urlsplit(current).netloc}") from None
    except ReadTimeoutError:
        raise ArticleError(
            url, f"timed out: the server stopped sending ({read_timeout:g} s)"
        ) from None
    except DecodeError:
        raise ArticleError(url, "the page's compressed data is broken") from None
    except ProtocolError as exc:
        if isinstance(exc.__context__, TimeoutError) or "timed out" in str(exc):
            raise ArticleError(url, "timed out: the server stopped sending") from None
        raise ArticleError(url, "the connection broke off while reading the page") from None
    except (HTTPError, OSError) as exc:
        raise ArticleError(url, f"cannot fetch the page ({type(exc).__name__})") from None
    finally:
        http.clear()


def _read_page(
    url: str,
    final_url: str,
    response: urllib3.BaseHTTPResponse,
    max_size: int,
    started: float,
    deadline: float,
) -> Page:
    """The body of a final (non-redirect) response, streamed up to ``max_size`` bytes."""
    if response.status >= 400:
        reason = f" {response.reason}" if response.reason else ""
        raise ArticleError(url, f"the server answered HTTP {response.status}{reason}")
    if response.status != 200:
        raise ArticleError(url, f"the server answered HTTP {response.status}, not a page")
    content_type, charset = _content_type(response.headers.get("Content-Type", ""))
    if content_type and content_type not in _HTML_TYPES | _TEXT_TYPES:
        raise ArticleError(url, f"not a web page but {content_type}")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_size:
        raise ArticleError(url, _too_large(max_size))
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK, decode_content=True):  # one socket read at a time
        size += len(chunk)
        if size > max_size:  # decompressed size: a gzip bomb stops here too
            raise ArticleError(url, _too_large(max_size))
        if time.monotonic() - started > deadline:
            raise ArticleError(url, f"timed out: the page took over {deadline:g} s")
        chunks.append(chunk)
    return Page(
        url=url,
        final_url=final_url,
        data=b"".join(chunks),
        content_type=content_type or "text/html",
        charset=charset,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _too_large(max_size: int) -> str:
    return f"the page is over the {max_size / 1024 / 1024:g} MB limit (raise it with --max-size)"


def _content_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=GBK`` → ("text/html", "GBK")."""
    parts = [p.strip() for p in header.split(";")]
    kind = parts[0].lower()
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind, charset


def decode_page(data: bytes, name: str, header_charset: str | None) -> str:
    """The page's text: the header's charset, else the ``<meta>``'s, else detection.

    A declaration is a hint, not the truth: when the bytes do not decode under it,
    or detection (``reader.ingest.decoding``) reads them as another encoding,
    the bytes win; a declaration only decides when detection has no answer.
    """
    declared = header_charset or _meta_charset(data)
    detected: str | None = None
    detection_error: ArticleError | None = None
    try:
        detected = decode_bytes(data, name)
    except ArticleError as exc:
        detection_error = exc
    codec = _codec(declared) if declared else None
    if codec is not None:
        try:
            text = decode_bytes(data, name, codec)
        except ArticleError:
            text = None
        if text is not None and (detected is None or detected == text):
            return text
    if detected is not None:
        return detected
    assert detection_error is not None
    raise detection_error


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match[1].decode("ascii") if match else None


def _codec(charset: str) -> str | None:
    """A Python codec for a declared charset; GB2312 and GBK are read as their superset."""
    name = charset.strip().lower()
    if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def page_document(page: Page, *, encoding: str | None = None) -> Document:
    """Parse a page's bytes as an article whose ``meta.url`` is its address."""
    name = page.url
    text = (
        decode_bytes(page.data, name, encoding)
        if encoding
        else decode_page(page.data, name, page.charset)
    )
    fmt: Format = "text" if page.content_type in _TEXT_TYPES else "html"
    document = load_text(text, name, fmt=fmt)
    return replace(document, meta=replace(document.meta, url=page.url))


# --- the kept copies -----------------------------------------------------------------


def pages_dir(data_dir: Path) -> Path:
    return data_dir / "pages"


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def keep(page: Page, data_dir: Path) -> None:
    """Write the page and what it came with, atomically, so a crash leaves the old copy."""
    folder = pages_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(page.url)
    info = {
        "url": page.url,
        "final_url": page.final_url,
        "fetched_at": page.fetched_at,
        "content_type": page.content_type,
        "charset": page.charset,
    }
    _write_atomic(folder / f"{key}.body", page.data)
    _write_atomic(folder / f"{key}.json", json.dumps(info, ensure_ascii=False).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def kept(url: str, data_dir: Path) -> Page | None:
    """The copy of ``url`` kept by an earlier fetch, or None."""
    folder = pages_dir(data_dir)
    key = _key(url)
    try:
        info = json.loads((folder / f"{key}.json").read_text("utf-8"))
        data = (folder / f"{key}.body").read_bytes()
    except (OSError, ValueError):
        return None
    if info.get("url") != url:
        return None
    return Page(
        url=url,
        final_url=str(info.get("final_url") or url),
        data=data,
        content_type=str(info.get("content_type") or "text/html"),
        charset=info.get("charset"),
        fetched_at=str(info.get("fetched_at") or ""),
    )


def kept_urls(data_dir: Path) -> list[str]:
    """Addresses of every kept page, newest fetch first."""
    folder = pages_dir(data_dir)
    found: list[tuple[str, str]] = []
    for path in folder.glob("*.json") if folder.is_dir() else []:
        try:
            info = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(info, dict) and isinstance(info.get("url"), str):
            found.append((str(info.get("fetched_at") or ""), info["url"]))
    return [url for _, url in sorted(found, reverse=True)]


def load_url(
    url: str,
    data_dir: Path,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    refresh: bool = False,
    notify: Notify | None = None,
    **fetch_options: float,
) -> Document:
    """The article at ``url``: the kept copy when there is one, else fetched and kept.

    With ``refresh`` the page is fetched again; when that fails and a copy is
    kept, the copy is read and ``notify`` is told why.
    """
    copy = kept(url, data_dir)
    if copy is not None and not refresh:
        return page_document(copy, encoding=encoding)
    try:
        page = fetch(url, max_size=max_size, **fetch_options)
    except ArticleError as exc:
        if copy is None:
            raise
        if notify is not None:
            notify(f"{exc.problem}; reading the copy kept on {copy.fetched_at[:16]}")
        return page_document(copy, encoding=encoding)
    document = page_document(page, encoding=encoding)  # keep only what can be read
    try:
        keep(page, data_dir)
    except OSError as exc:
        if notify is not None:
            notify(f"{url}: could not keep a copy for offline reading ({exc.strerror or exc})")
    return document


def refresh(
    url: str,
    data_dir: Path,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    notify: Notify | None = None,
) -> Document:
    """Fetch ``url`` again (the reader's reload); the kept copy if the network fails."""
    return load_url(
        url, data_dir, encoding=encoding, max_size=max_size, refresh=True, notify=notify
    )
