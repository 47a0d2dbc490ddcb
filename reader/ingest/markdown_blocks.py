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


def markdown_blocks(text: str) -> list[Block]:
    """Flatten Markdown into heading and paragraph blocks in reading order.

    List items, quotes and table cells become paragraphs of their own; code
    blocks are kept as text. Inline markup (**bold**, links) is reduced to its
    text so the reader shows words, not syntax.
    """
    tokens = _PARSER.parse(_NESTED_MARKERS.sub(r"\1\\\2", text))
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
    children = [
        c for c in token.children or [] if not (c.type == "text" and not c.content.strip())
    ]
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
