"""Provides EPUB books as documents: chapters from the spine, headings from the table of contents.

Only the standard library's zipfile and lxml (both already in the dependency
tree; ebooklib is AGPL) are used. The zip directory is checked before anything
is inflated (a zip bomb is refused by its declared sizes and ratio, and reading
stops past the cap whatever the directory claims), DRM-encrypted books are
refused, and ruby annotations are dropped so that 漢(hàn) does not leak into
the text. Vertical writing is a matter of CSS, which is not read: the text
comes out horizontal.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag

from lxml import etree

from reader.errors import ArticleError
from reader.ingest.decoding import decode_bytes
from reader.ingest.loading import DEFAULT_MAX_SIZE, with_script
from reader.ingest.structure import Block, build
from reader.model import Document, Meta

MAX_RATIO = 100  # uncompressed / compressed for any member over a megabyte
MAX_BOOK = 500 * 1024 * 1024  # all members unpacked, pictures included
MAX_MEMBERS = 10_000

_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
}
_XML_DECL_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCK_TAGS = {"p", "div", "li", "blockquote", "dd", "dt", "td", "th", "pre", "figcaption"}
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_SKIP_TAGS = {"rt", "rp", "script", "style", "head", "title", "nav"}
_SPACE = re.compile(r"\s+")


@dataclass
class _TocEntry:
    """One entry of the navigation: a title, the file it points into, and its children."""

    title: str
    href: str  # a path inside the zip, fragment removed
    fragment: str
    children: list[_TocEntry] = field(default_factory=list)


class _Book:
    """The zip, checked, with the reads the parser needs.

    Pictures make real books large, so the whole zip may unpack to ``MAX_BOOK``;
    the text actually read (package, navigation, chapters) is held to ``max_size``.
    """

    def __init__(self, path: Path, max_size: int) -> None:
        self.name = str(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise ArticleError(self.name, "no such file") from None
        except zipfile.BadZipFile:
            raise ArticleError(self.name, "not an EPUB book (not a zip archive)") from None
        except OSError as exc:
            raise ArticleError(self.name, f"cannot be read ({exc.strerror or exc})") from None
        self.max_size = max_size
        self.read_total = 0
        self._check_directory()

    def _check_directory(self) -> None:
        """Refuse a zip bomb from its directory, before inflating a byte."""
        members = self.zip.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArticleError(self.name, f"too many files in the book ({len(members)})")
        total = sum(m.file_size for m in members)
        if total > max(MAX_BOOK, self.max_size):
            raise ArticleError(
                self.name, f"unpacks to {total / 1024 / 1024:.0f} MB: refused as a zip bomb"
            )
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(
                member.compress_size, 1
            ):
                raise ArticleError(
                    self.name,
                    f"{member.filename} inflates {member.file_size // max(member.compress_size, 1)}"
                    " times: refused as a zip bomb",
                )

    def read(self, member: str) -> bytes:
        """A member's bytes, never more than the directory declared nor past the total cap."""
        try:
            info = self.zip.getinfo(member)
        except KeyError:
            raise ArticleError(self.name, f"the book lacks {member}") from None
        try:
            with self.zip.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise ArticleError(self.name, f"{member} is damaged ({exc})") from None
        if len(data) > info.file_size:
            raise ArticleError(self.name, f"{member} is larger than the zip says: refused")
        self.read_total += len(data)
        if self.read_total > self.max_size:
            raise ArticleError(self.name, "unpacks past the size limit (raise it with --max-size)")
        return data

    def has(self, member: str) -> bool:
        try:
            self.zip.getinfo(member)
        except KeyError:
            return False
        return True

    def xml(self, member: str) -> etree._Element:
        data = self.read(member)
        try:
            return etree.fromstring(data, parser=_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise ArticleError(self.name, f"{member} is not well-formed XML ({exc})") from None


def _xml_parser() -> etree.XMLParser:
    """No network, no entity expansion: a book is untrusted input."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, recover=False, huge_tree=False, load_dtd=False
    )


def load_epub(path: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Read an EPUB book: title and metadata, one level-1 section per chapter."""
    path = Path(path)
    book = _Book(path, max_size)
    with book.zip:
        return _parse(book)


def _parse(book: _Book) -> Document:
    _refuse_drm(book)
    opf_path = _package_path(book)
    package = book.xml(opf_path)
    base = posixpath.dirname(opf_path)
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iterfind("opf:manifest/opf:item", _NS):
        href = _join(base, item.get("href", ""))
        manifest[item.get("id", "")] = (
            href,
            item.get("media-type", ""),
            item.get("properties", ""),
        )
    spine = [
        manifest[ref.get("idref", "")][0]
        for ref in package.iterfind("opf:spine/opf:itemref", _NS)
        if ref.get("idref", "") in manifest and ref.get("linear", "yes") != "no"
    ]
    if not spine:
        raise ArticleError(book.name, "the book's spine lists no chapters")
    toc = _navigation(book, package, manifest)
    title, meta = _metadata(package)
    blocks = _blocks(book, spine, toc)
    if not blocks:
        raise ArticleError(book.name, "no text found in the book")
    parsed = build(blocks, detect_headings=False, plain_headings=False, title=title, meta=meta)
    if not any(s.paragraphs for s in parsed.document.sections):
        raise ArticleError(book.name, "no text found in the book")
    return with_script(parsed.document)


def _refuse_drm(book: _Book) -> None:
    """Encrypted content files cannot be read; fonts obfuscated by the IDPF scheme can."""
    if not book.has("META-INF/encryption.xml"):
        return
    root = book.xml("META-INF/encryption.xml")
    for data in root.iterfind(".//enc:EncryptedData", _NS):
        method = data.find("enc:EncryptionMethod", _NS)
        algorithm = method.get("Algorithm", "") if method is not None else ""
        ref = data.find(".//enc:CipherReference", _NS)
        uri = ref.get("URI", "") if ref is not None else ""
        font_obfuscation = algorithm in (
            "http://www.idpf.org/2008/embedding",
            "http://ns.adobe.com/pdf/enc#RC",
        )
        if not font_obfuscation or not uri.lower().endswith((".ttf", ".otf", ".woff", ".woff2")):
            raise ArticleError(book.name, "the book is DRM-protected (encrypted content)")


def _package_path(book: _Book) -> str:
    if not book.has("META-INF/container.xml"):
        raise ArticleError(book.name, "not an EPUB book (no META-INF/container.xml)")
    container = book.xml("META-INF/container.xml")
    rootfile = container.find(".//c:rootfile", _NS)
    full_path = rootfile.get("full-path") if rootfile is not None else None
    if not full_path:
        raise ArticleError(book.name, "the container names no package document")
    if not book.has(full_path):
        raise ArticleError(book.name, f"the package document {full_path} is missing")
    return full_path


def _metadata(package: etree._Element) -> tuple[str | None, Meta]:
    def first(tag: str) -> str | None:
        node = package.find(f"opf:metadata/dc:{tag}", _NS)
        text = _SPACE.sub(" ", "".join(node.itertext())).strip() if node is not None else ""
        return text or None

    creators = [
        _SPACE.sub(" ", "".join(n.itertext())).strip()
        for n in package.iterfind("opf:metadata/dc:creator", _NS)
    ]
    author = "、".join(c for c in creators if c) or None
    date = first("date")
    source = first("publisher")
    return first("title"), Meta(date=date[:10] if date else None, source=source, author=author)


def _join(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href)))


def _navigation(
    book: _Book, package: etree._Element, manifest: dict[str, tuple[str, str, str]]
) -> list[_TocEntry]:
    """The EPUB 3 navigation document's toc, else the EPUB 2 NCX, else nothing."""
    for href, _media, properties in manifest.values():
        if "nav" in properties.split() and book.has(href):
            entries = _nav_entries(book, href)
            if entries:
                return entries
    spine = package.find("opf:spine", _NS)
    ncx_id = spine.get("toc") if spine is not None else None
    ncx_href = manifest[ncx_id][0] if ncx_id in manifest else None
    if ncx_href is None:
        ncx_href = next(
            (h for h, m, _ in manifest.values() if m == "application/x-dtbncx+xml"), None
        )
    if ncx_href and book.has(ncx_href):
        root = book.xml(ncx_href)
        base = posixpath.dirname(ncx_href)
        nav_map = root.find("ncx:navMap", _NS)
        return _ncx_points(nav_map, base) if nav_map is not None else []
    return []


def _nav_entries(book: _Book, href: str) -> list[_TocEntry]:
    root = book.xml(href)
    base = posixpath.dirname(href)
    for nav in root.iter(f"{{{_NS['x']}}}nav"):
        if "toc" in nav.get(f"{{{_NS['epub']}}}type", "").split():
            top = nav.find("x:ol", _NS)
            return _nav_list(top, base) if top is not None else []
    return []


def _nav_list(ol: etree._Element, base: str) -> list[_TocEntry]:
    entries = []
    for li in ol.iterfind("x:li", _NS):
        link = li.find("x:a", _NS)
        if link is None:
            link = li.find("x:span", _NS)
        if link is None:
            continue
        title = _text_of(link)
        target, fragment = urldefrag(link.get("href", ""))
        entry = _TocEntry(title, _join(base, target) if target else "", fragment)
        sub = li.find("x:ol", _NS)
        if sub is not None:
            entry.children = _nav_list(sub, base)
        if title:
            entries.append(entry)
    return entries


def _ncx_points(parent: etree._Element, base: str) -> list[_TocEntry]:
    entries = []
    for point in parent.iterfind("ncx:navPoint", _NS):
        label = point.find("ncx:navLabel/ncx:text", _NS)
        content = point.find("ncx:content", _NS)
        target, fragment = urldefrag(content.get("src", "") if content is not None else "")
        title = _SPACE.sub(" ", label.text or "").strip() if label is not None else ""
        entry = _TocEntry(title, _join(base, target) if target else "", fragment)
        entry.children = _ncx_points(point, base)
        if title:
            entries.append(entry)
    return entries


def _text_of(element: etree._Element) -> str:
    """An element's text without ruby annotations, spaces collapsed."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if _local(child) not in ("rt", "rp"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _join_text("".join(parts))


def _join_text(text: str) -> str:
    """Collapse whitespace; between two CJK characters a line break is no space."""
    text = re.sub(
        r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", text
    )
    return _SPACE.sub(" ", text).strip()


def _local(node: etree._Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _blocks(book: _Book, spine: list[str], toc: list[_TocEntry]) -> list[Block]:
    """Chapter headings from the navigation (by file and anchor), then each file's text."""
    marks: dict[str, list[tuple[str, str, int]]] = {}  # href → [(fragment, title, level)]

    def place(entries: list[_TocEntry], level: int) -> None:
        for entry in entries:
            marks.setdefault(entry.href, []).append((entry.fragment, entry.title, min(level, 6)))
            place(entry.children, level + 1)

    place(toc, 1)
    blocks: list[Block] = []
    for href in spine:
        chapter_marks = list(marks.get(href, []))
        blocks.extend(_chapter_blocks(book, href, chapter_marks, nested=bool(toc)))
    return blocks


def _chapter_blocks(
    book: _Book, href: str, marks: list[tuple[str, str, int]], nested: bool
) -> list[Block]:
    """A chapter file as blocks: navigation headings where their anchors stand.

    With a navigation, a chapter's own h1–h6 sit below its navigation heading; a
    heading repeating the navigation's title is not repeated.
    """
    data = book.read(href)
    text = _decode_chapter(book.name, href, data)
    root = _parse_chapter(book.name, href, text)
    body = root.find(".//{*}body")
    if body is None:
        body = root
    pending = {fragment: (title, level) for fragment, title, level in marks if fragment}
    top = [(title, level) for fragment, title, level in marks if not fragment]
    base_level = max((level for _, level in top), default=0) if nested else 0
    blocks: list[Block] = [Block(title, heading_level=level) for title, level in top]
    used_titles = {title for title, _ in top}

    def walk(node: etree._Element) -> None:
        anchor = node.get("id")
        if anchor and anchor in pending:
            title, level = pending.pop(anchor)
            blocks.append(Block(title, heading_level=level))
            used_titles.add(title)
        tag = _local(node)
        if tag in _SKIP_TAGS:
            return
        if tag in _HEADING_TAGS:
            heading = _text_of(node)
            if heading and heading not in used_titles:
                blocks.append(Block(heading, heading_level=min(base_level + _HEADING_TAGS[tag], 6)))
            return
        if tag in _BLOCK_TAGS and not any(
            _local(c) in _BLOCK_TAGS | set(_HEADING_TAGS) for c in node
        ):
            paragraph = _text_of(node)
            if paragraph:
                blocks.append(Block(paragraph))
            return
        for child in node:
            walk(child)

    walk(body)
    # Anchors the chapter lacks still name a heading (at the chapter's end rather than lost).
    blocks.extend(Block(title, heading_level=level) for title, level in pending.values())
    return blocks


def _decode_chapter(name: str, href: str, data: bytes) -> str:
    """XML's own rules (BOM, the declaration, else UTF-8); a chapter breaking them is
    decoded by detection, and refused if even that fails."""
    declared = _XML_DECL_ENCODING.match(data)
    if declared:
        try:
            return data.decode(declared[1].decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(data, f"{name}: {href}")
    except ArticleError:
        raise ArticleError(
            name, f"chapter {href} is in an undeclared encoding that cannot be detected"
        ) from None


def _parse_chapter(name: str, href: str, text: str) -> etree._Element:
    # The declaration's encoding no longer applies to a str: drop it.
    text = _XML_DECLARATION.sub("", text.lstrip("\ufeff"))
    try:
        return etree.fromstring(text.encode("utf-8"), parser=_xml_parser())
    except etree.XMLSyntaxError:
        pass
    # Many books carry chapters that are HTML rather than XHTML: read them as HTML.
    from lxml import html

    try:
        return html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ArticleError(name, f"chapter {href} cannot be parsed ({exc})") from None
