"""Provides Markdown to blocks: headings with their levels, everything else as text."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.ingest.structure import Block

_PARSER = MarkdownIt("commonmark").enable("table")
# "- - - - 起来 不愿…" opens a list per dash; past markdown-it's nesting limit it drops
# the rest of the document. Three markers in a row before text are text, not lists.
_NESTED_MARKERS = re.compile(r"(?m)^([ \t]*)([-*+])(?=[ \t]+[-*+][ \t]+[-*+][ \t]+.*[^-*+\s])")


# A line that can only be paragraph text: it opens with no block marker (#, >, -, +, *,
# a digit, an indent) and holds no inline syntax (\ ` * _ [ ] ! < & ~) nor a hard break.
_PLAIN_LINE = r"[^\s\\`*_\[\]<>!#|&~=+\-\d\x00][^\\`*_\[\]<>!#|&~\n\r\x00]*(?<![ \t])"
_PLAIN_PARAGRAPH = re.compile(rf"{_PLAIN_LINE}(?:\n{_PLAIN_LINE})*")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
# Constructs that go on across blank lines (fenced code, HTML blocks, link
# definitions): where one may stand, the text is parsed whole.
_SPANS_BLANK_LINES = re.compile(r"```|~~~|<|\]:")


def markdown_blocks(text: str) -> list[Block]:
    """Flatten Markdown into heading and paragraph blocks in reading order.

    List items, quotes and table cells become paragraphs of their own; code
    blocks are kept as text. Inline markup (**bold**, links) is reduced to its
    text so the reader shows words, not syntax.

    A stretch between blank lines made of plain lines only is a paragraph
    whatever stands around it; it is taken as markdown-it would take it,
    without the parser, which spends some 25 µs on each (a page of 100,000
    short paragraphs). The rest is parsed in runs of the stretches between.
    """
    text = _NESTED_MARKERS.sub(r"\1\\\2", text)
    if _SPANS_BLANK_LINES.search(text):
        return _parsed_blocks(text)
    blocks: list[Block] = []
    pending: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        if _PLAIN_PARAGRAPH.fullmatch(chunk):
            if pending:
                blocks.extend(_parsed_blocks("\n\n".join(pending)))
                pending = []
            blocks.append(Block(_joined_lines(chunk)))
        elif chunk.strip():
            pending.append(chunk)
    if pending:
        blocks.extend(_parsed_blocks("\n\n".join(pending)))
    return blocks


def _joined_lines(paragraph: str) -> str:
    """A plain paragraph's lines joined as markdown-it's soft breaks join them."""
    lines = paragraph.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1][-1:]
        out.append((" " if prev.isascii() and prev.isalnum() else "") + line)
    return "".join(out).strip()


def _parsed_blocks(text: str) -> list[Block]:
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    heading_level: int | None = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = None
        elif token.type == "inline":
            content = _inline_text(token).strip()
            if not content:
                continue
            if heading_level is not None:
                blocks.append(Block(content, heading_level=heading_level))
            elif tokens[i - 1].type in ("paragraph_open", "th_open", "td_open"):
                bold = _wholly_bold(token)
                blocks.extend(
                    Block(line.strip(), emphasized=bold)
                    for line in content.split("\n")
                    if line.strip()
                )
        elif token.type in ("fence", "code_block"):
            blocks.extend(Block(line.strip()) for line in token.content.split("\n") if line.strip())
    return blocks


def _wholly_bold(token: Token) -> bool:
    """A paragraph that is one bold run, as pages set their subheads (<p><strong>…)."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and sum(c.type == "strong_open" for c in children) == 1
    )


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            prev = parts[-1][-1:] if parts and parts[-1] else ""
            parts.append(" " if prev.isascii() and prev.isalnum() else "")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
