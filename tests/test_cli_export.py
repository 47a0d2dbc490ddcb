"""``zhreader export`` and ``zhreader notes``: Markdown a reader keeps, never a lost file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.ingest.loading import load_path
from reader.model import Location
from reader.notes.anchors import anchor_for
from reader.notes.store import NoteStore
from reader.output.export import escape

from .conftest import SAMPLES, run_cli

NEWS = SAMPLES / "01_news_scraped.txt"


def add_notes(data_dir: Path, article: Path) -> list[str]:
    """Highlight the first sentence of the last and of the second section (out of order)."""
    document = load_path(article)
    store = NoteStore.open(data_dir)
    record = store.open_article(document, str(article.resolve()))
    quotes = []
    for section, annotation in ((3, "生态这段写得好"), (1, "")):
        s = document.sections[section].paragraphs[0].sentences[0]
        anchor = anchor_for(document, Location(section, 0, s.start, s.end))
        store.add_note(record.id, anchor, annotation)
        quotes.append(anchor.quote)
    store.close()
    return quotes


def structure(markdown: str) -> list[tuple[str, str]]:
    """(token type, inline text) for headings, quotes and paragraphs, in order."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    out = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline":
            kind = tokens[i - 1].type
            if kind == "heading_open":
                out.append((tokens[i - 1].tag, token.content))
            elif depth:
                out.append(("quote", token.content))
            elif kind == "paragraph_open" and tokens[i - 2].type != "list_item_open":
                out.append(("p", token.content))
    return out


def test_export_has_summary_then_notes_under_their_headings(
    tmp_path: Path, private_data_dir: Path
) -> None:
    quotes = add_notes(private_data_dir, NEWS)
    out = tmp_path / "notes.md"
    result = run_cli("export", str(NEWS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    parsed = structure(out.read_text(encoding="utf-8"))
    headings = [text for kind, text in parsed if kind in ("h1", "h2", "h3")]
    assert headings == [
        "东江火炬开发区：老厂房里长出新产业",
        "关键词",
        "关键句",
        "笔记",
        "数字赋能",  # document order, although this note was added second
        "生态修复",
    ]
    assert [text for kind, text in parsed if kind == "quote"] == [quotes[1], quotes[0]]
    after_quote = parsed[[text for _, text in parsed].index(quotes[0]) + 1]
    assert after_quote == ("p", "生态这段写得好")
    assert "- 来源：东江日报" in out.read_text(encoding="utf-8")
    assert list(tmp_path.glob(".notes.md.*")) == []  # no temporary file left


def test_export_without_notes_to_stdout_and_in_another_script() -> None:
    result = run_cli("export", "--to", "taiwan", str(NEWS))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    headings = [t for k, t in structure(text) if k in ("h1", "h2")]
    assert headings[0].startswith("東江火炬開發區") and headings[1:] == ["关键词", "关键句"]


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "keep.md"
    out.write_text("我的旧笔记\n", encoding="utf-8")
    refused = run_cli("export", str(NEWS), "-o", str(out))
    assert refused.returncode == 2
    assert (
        refused.stderr.decode().strip()
        == f"zhreader: {out}: already exists; use --force to overwrite it"
    )
    assert out.read_text(encoding="utf-8") == "我的旧笔记\n"
    forced = run_cli("export", str(NEWS), "-o", str(out), "--force")
    assert forced.returncode == 0 and out.read_text(encoding="utf-8").startswith("# 东江")


def test_article_text_that_looks_like_markdown_stays_text() -> None:
    for text in ("1. 第一条", "# 不是标题", "- 不是列表", "*重点*", "a_b_c"):
        tokens = MarkdownIt("commonmark").parse(escape(text))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
        rendered = MarkdownIt("commonmark").render(escape(text))
        assert rendered == f"<p>{text}</p>\n"


def test_notes_lists_articles_and_prints_an_articles_notes(private_data_dir: Path) -> None:
    assert run_cli("notes").stderr.decode().strip() == "no notes yet"
    quotes = add_notes(private_data_dir, NEWS)
    listing = run_cli("notes").stdout.decode().splitlines()
    assert len(listing) == 1
    title, path, count, _when = listing[0].split("\t")
    assert (title, path, count) == (
        "东江火炬开发区：老厂房里长出新产业",
        str(NEWS.resolve()),
        "2 条",
    )
    notes = run_cli("notes", str(NEWS)).stdout.decode()
    assert f"[数字赋能] {quotes[1]}" in notes and "    生态这段写得好" in notes


def test_export_reports_notes_whose_text_is_gone(tmp_path: Path, private_data_dir: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n第一段讲开发区的转型。\n\n第二段讲河道治理。\n", encoding="utf-8")
    add_notes_simple = NoteStore.open(private_data_dir)
    document = load_path(article)
    record = add_notes_simple.open_article(document, str(article.resolve()))
    add_notes_simple.add_note(record.id, anchor_for(document, Location(0, 1, 0, 9)), "河道")
    add_notes_simple.close()
    article.write_text("标题\n\n第一段讲开发区的转型。\n", encoding="utf-8")
    result = run_cli("export", str(article))
    assert result.returncode == 0
    assert "1 note(s) no longer match the text" in result.stderr.decode()
    parsed = structure(result.stdout.decode())
    assert ("h2", "找不到原文的笔记") in parsed and ("quote", "第二段讲河道治理。") in parsed


def test_data_dir_option_points_at_another_store(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    add_notes(other, NEWS)
    assert run_cli("notes").stderr.decode().strip() == "no notes yet"  # the default store
    listing = run_cli("notes", "--data-dir", str(other)).stdout.decode()
    assert "2 条" in listing


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("中文字#*_-+>1.) `[]<>|~&;amp\\\n。“”")),
        max_size=40,
    )
)
def test_escaped_text_renders_as_the_same_characters(text: str) -> None:
    from html import unescape

    html = MarkdownIt("commonmark").render(escape(text))
    tokens = MarkdownIt("commonmark").parse(escape(text))
    assert all(t.type.startswith("paragraph") or t.type == "inline" for t in tokens), html
    inline = "".join(t.content for t in tokens if t.type == "inline")
    rendered = unescape(html.replace("<p>", "").replace("</p>\n", "\n").replace("<br />", ""))
    assert "".join(rendered.split()) == "".join(text.split()), (text, inline, html)
