"""EPUB books: spine order, the navigation as heading tree, ruby dropped, bad books refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reader.errors import ArticleError
from reader.ingest.epub import load_epub
from reader.ingest.sources import load_source
from tests.conftest import run_cli

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

# Text written for these tests: a small book about a river town, three chapters.
CHAPTERS = {
    "ch1.xhtml": (
        "第一章 河边的小镇",
        [
            "小镇坐落在一条弯曲的河边，镇上的人世代以打鱼和种稻为生。",
            "每年春天，河水上涨，渔民们便修补渔网，准备新一季的劳作。",
        ],
        [("s1", "一、清晨的码头", ["清晨的码头最热闹，卖鱼的吆喝声此起彼伏，茶馆里坐满了人。"])],
    ),
    "ch2.xhtml": (
        "第二章 学校与图书馆",
        ["镇上唯一的小学建于五十年前，校舍后来翻修过两次。"],
        [
            ("s2", "一、老校长", ["老校长在这里教了三十年书，几乎认识镇上每一户人家。"]),
            ("s3", "二、新图书馆", ["去年落成的图书馆收藏了两万册图书，周末总是坐满了孩子。"]),
        ],
    ),
    "ch3.xhtml": (
        "第三章 离开与归来",
        [
            "许多年轻人去城里读书工作，过年时又带着孩子回到镇上。",
            "他们说，无论走多远，河边的灯火总在心里亮着。",
        ],
        [],
    ),
}


def _chapter_xhtml(title: str, lead: list[str], parts: list[tuple[str, str, list[str]]]) -> str:
    body = [f"<h1>{title}</h1>"] + [f"<p>{p}</p>" for p in lead]
    for anchor, heading, paragraphs in parts:
        body.append(f'<h2 id="{anchor}">{heading}</h2>')
        body.extend(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>章</title>'
        '<link rel="stylesheet" href="style.css"/></head><body>' + "".join(body) + "</body></html>"
    )


def _nav(chapters: dict[str, tuple[str, list[str], list[tuple[str, str, list[str]]]]]) -> str:
    items = []
    for href, (title, _, parts) in chapters.items():
        sub = "".join(f'<li><a href="{href}#{a}">{h}</a></li>' for a, h, _ in parts)
        items.append(
            f'<li><a href="{href}">{title}</a>' + (f"<ol>{sub}</ol>" if sub else "") + "</li>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目录</title></head><body>'
        '<nav epub:type="toc"><h1>目录</h1><ol>' + "".join(items) + "</ol></nav></body></html>"
    )


def _ncx(chapters: dict[str, tuple[str, list[str], list[tuple[str, str, list[str]]]]]) -> str:
    points = []
    order = 0
    for href, (title, _, parts) in chapters.items():
        order += 1
        sub = ""
        for anchor, heading, _ in parts:
            order += 1
            sub += (
                f'<navPoint id="p{order}" playOrder="{order}"><navLabel><text>{heading}</text>'
                f'</navLabel><content src="{href}#{anchor}"/></navPoint>'
            )
        points.append(
            f'<navPoint id="p{order}" playOrder="{order}"><navLabel><text>{title}</text>'
            f'</navLabel><content src="{href}"/>{sub}</navPoint>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
        'version="2005-1"><head/><docTitle><text>书</text></docTitle><navMap>'
        + "".join(points)
        + "</navMap></ncx>"
    )


def _opf(title: str, creator: str, language: str, files: list[str], *, nav: bool, ncx: bool) -> str:
    manifest = [
        f'<item id="c{i}" href="{f}" media-type="application/xhtml+xml"/>'
        for i, f in enumerate(files)
    ]
    if nav:
        manifest.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    if ncx:
        manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    manifest.append('<item id="css" href="style.css" media-type="text/css"/>')
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(files)))
    toc = ' toc="ncx"' if ncx else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:zhreader-test</dc:identifier><dc:title>{title}</dc:title>'
        f"<dc:creator>{creator}</dc:creator><dc:language>{language}</dc:language>"
        "<dc:date>2024-03-15T00:00:00Z</dc:date></metadata>"
        f"<manifest>{''.join(manifest)}</manifest><spine{toc}>{spine}</spine></package>"
    )


def write_epub(
    path: Path,
    members: dict[str, bytes | str],
    *,
    mimetype: bool = True,
) -> Path:
    """A zip laid out as an EPUB: mimetype first and stored, then the members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        if mimetype:
            book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER)
        for name, data in members.items():
            book.writestr(name, data)
    return path


def river_book(
    tmp_path: Path, *, nav: bool = True, ncx: bool = False, name: str = "river.epub"
) -> Path:
    # The spine lists the chapters in an order unlike their file names' sort order.
    files = ["ch1.xhtml", "ch2.xhtml", "ch3.xhtml"]
    members: dict[str, bytes | str] = {f"OEBPS/{f}": _chapter_xhtml(*CHAPTERS[f]) for f in files}
    members["OEBPS/style.css"] = "body { line-height: 1.6; }"
    if nav:
        members["OEBPS/nav.xhtml"] = _nav(CHAPTERS)
    if ncx:
        members["OEBPS/toc.ncx"] = _ncx(CHAPTERS)
    members["OEBPS/content.opf"] = _opf("河边的小镇", "林晓", "zh-CN", files, nav=nav, ncx=ncx)
    return write_epub(tmp_path / name, members)


TRADITIONAL_CHAPTERS = [
    (
        "第一章 山城的雨",
        "<p>山城的雨總是來得突然，<ruby>騎<rp>(</rp><rt>ㄑㄧˊ</rt><rp>)</rp></ruby>樓下擠滿了躲雨的行人。</p>"
        "<p>老街的茶館裡，說書人正講到最精彩的地方，聽眾屏住了呼吸。</p>",
    ),
    (
        "第二章 港口的燈",
        "<p>夜裡的港口燈火通明，貨輪緩緩駛進碼頭，工人們開始卸貨。</p>"
        "<p>海風吹來鹹鹹的氣味，遠處的燈塔一閃一閃。</p>",
    ),
]


def vertical_book(tmp_path: Path) -> Path:
    """A traditional book set vertically with ruby, as books from Taiwan often are."""
    members: dict[str, bytes | str] = {}
    files = []
    for i, (title, body) in enumerate(TRADITIONAL_CHAPTERS, 1):
        files.append(f"text/c{i}.xhtml")
        members[f"OEBPS/text/c{i}.xhtml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xml:lang="zh-TW"><head><title>章</title><style>html { writing-mode: vertical-rl; '
            "-epub-writing-mode: vertical-rl; }</style></head>"
            f"<body><section><h2>{title}</h2>{body}</section></body></html>"
        )
    nav_items = "".join(
        f'<li><a href="text/c{i}.xhtml">{t}</a></li>'
        for i, (t, _) in enumerate(TRADITIONAL_CHAPTERS, 1)
    )
    members["OEBPS/nav.xhtml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目錄</title></head><body>'
        f'<nav epub:type="toc"><ol>{nav_items}</ol></nav></body></html>'
    )
    members["OEBPS/content.opf"] = _opf("山城與港口", "陳雨青", "zh-TW", files, nav=True, ncx=False)
    return write_epub(tmp_path / "vertical.epub", members)


def _headings(document) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in document.sections if s.heading]


def test_chapters_follow_the_spine_with_the_navigation_as_heading_tree(tmp_path: Path) -> None:
    document = load_epub(river_book(tmp_path))
    assert document.title == "河边的小镇"
    assert document.meta.author == "林晓"
    assert document.meta.date == "2024-03-15"
    assert _headings(document) == [
        (1, "第一章 河边的小镇"),
        (2, "一、清晨的码头"),
        (1, "第二章 学校与图书馆"),
        (2, "一、老校长"),
        (2, "二、新图书馆"),
        (1, "第三章 离开与归来"),
    ]
    text = document.body_text
    assert text.index("小镇坐落") < text.index("老校长在这里") < text.index("许多年轻人")
    assert "目录" not in text  # the navigation document is not a chapter


def test_ncx_gives_the_same_tree_for_an_epub2_book(tmp_path: Path) -> None:
    epub3 = load_epub(river_book(tmp_path))
    epub2 = load_epub(river_book(tmp_path, nav=False, ncx=True, name="river2.epub"))
    assert _headings(epub2) == _headings(epub3)
    assert epub2.body_text == epub3.body_text


def test_traditional_vertical_book_reads_horizontally_without_ruby(tmp_path: Path) -> None:
    document = load_epub(vertical_book(tmp_path))
    assert document.title == "山城與港口"
    assert _headings(document) == [(1, "第一章 山城的雨"), (1, "第二章 港口的燈")]
    first = document.sections[0].paragraphs[0].text
    assert first == "山城的雨總是來得突然，騎樓下擠滿了躲雨的行人。"
    assert "ㄑ" not in document.body_text and "(" not in document.body_text
    assert "writing-mode" not in document.body_text
    assert document.traditional  # set once at load, as for every other source


def test_a_zip_named_otherwise_is_read_as_a_book_by_its_mimetype(tmp_path: Path) -> None:
    book = river_book(tmp_path)
    renamed = book.rename(tmp_path / "river.zip")
    assert load_source(str(renamed)).title == "河边的小镇"


def test_summary_gives_each_chapter_its_best_sentence(tmp_path: Path) -> None:
    book = river_book(tmp_path)
    result = run_cli("summary", "--json", str(book))
    assert result.returncode == 0, result.stderr.decode()
    summary = json.loads(result.stdout)
    assert summary["title"] == "河边的小镇"
    assert summary["keywords"]
    assert sum(1 for s in summary["section_sentences"] if s) >= 4
    text = run_cli("summary", "--by-section", str(book))
    assert text.returncode == 0
    out = text.stdout.decode()
    assert "第二章 学校与图书馆" in out and "第三章 离开与归来" in out
    assert "去年落成的图书馆" in out or "老校长在这里" in out  # chapter two's best sentence


def test_outline_and_export_open_a_book(tmp_path: Path) -> None:
    book = river_book(tmp_path)
    outline = run_cli("outline", str(book))
    assert outline.returncode == 0, outline.stderr.decode()
    assert "第一章 河边的小镇" in outline.stdout.decode()
    exported = run_cli("export", str(book))
    assert exported.returncode == 0, exported.stderr.decode()
    assert exported.stdout.decode().startswith("# 河边的小镇")


# --- bad books ---------------------------------------------------------------------


def _refused(path: Path) -> str:
    result = run_cli("outline", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_not_a_zip_is_refused_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake.epub"
    fake.write_text("这不是一本电子书。", encoding="utf-8")
    assert "not a zip" in _refused(fake)


def test_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.epub"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/ch1.xhtml", b"\0" * (30 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    assert "zip bomb" in _refused(bomb)  # 30 MB of zeros in a 30 KB member: the ratio
    book = river_book(tmp_path)
    with pytest.raises(ArticleError, match="size limit"):  # the text read is capped too
        load_epub(book, max_size=2000)


def test_missing_container_and_package_are_refused(tmp_path: Path) -> None:
    no_container = tmp_path / "nocontainer.epub"
    with zipfile.ZipFile(no_container, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("OEBPS/ch1.xhtml", _chapter_xhtml(*CHAPTERS["ch1.xhtml"]))
    assert "container.xml" in _refused(no_container)
    no_package = write_epub(tmp_path / "nopackage.epub", {"OEBPS/ch1.xhtml": "<html/>"})
    assert "package document OEBPS/content.opf is missing" in _refused(no_package)


def test_drm_encrypted_book_is_refused(tmp_path: Path) -> None:
    book = river_book(tmp_path)
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr(
            "META-INF/encryption.xml",
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            '<enc:CipherData><enc:CipherReference URI="OEBPS/ch1.xhtml"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>",
        )
    assert "DRM" in _refused(book)


def test_undeclared_gbk_chapter_is_detected_and_garbage_refused(tmp_path: Path) -> None:
    files = ["ch1.xhtml", "ch2.xhtml"]
    chapter = _chapter_xhtml(*CHAPTERS["ch1.xhtml"]).replace(' encoding="UTF-8"', "")
    members: dict[str, bytes | str] = {
        "OEBPS/ch1.xhtml": chapter.encode("gbk"),
        "OEBPS/ch2.xhtml": _chapter_xhtml(*CHAPTERS["ch2.xhtml"]),
        "OEBPS/nav.xhtml": _nav({f: CHAPTERS[f] for f in files}),
        "OEBPS/content.opf": _opf("河边", "林晓", "zh-CN", files, nav=True, ncx=False),
    }
    document = load_epub(write_epub(tmp_path / "gbk.epub", members))
    assert "小镇坐落在一条弯曲的河边" in document.body_text
    members["OEBPS/ch1.xhtml"] = bytes(range(128, 256)) * 40 + b"\x00\x01"
    err = _refused(write_epub(tmp_path / "garbage.epub", members))
    assert "ch1.xhtml" in err and "encoding" in err
