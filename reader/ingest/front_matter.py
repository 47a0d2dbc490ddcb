"""Provides the front matter a Markdown note or post opens with (Jekyll, Hugo, Obsidian).

``---`` / ``title: …`` / ``author: …`` / ``date: …`` / ``---``: the fields name the
article better than its text does, and left in place the block reads as a heading.
The block is YAML, read with PyYAML (only when a text has one).
"""

from __future__ import annotations

import datetime as dt
import re

from reader.model import Meta

_BLOCK = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_AUTHOR_KEYS = ("author", "authors", "作者")
_TITLE_KEYS = ("title", "标题", "標題")
_DATE_KEYS = ("date", "published", "pubDate", "日期")
_SOURCE_KEYS = ("source", "publisher", "来源", "來源")


def split_front_matter(text: str) -> tuple[str | None, Meta | None, str]:
    """The title and metadata the front matter gives, and the text after it; (None,
    None, text) when there is none or it is not YAML mapping names to values."""
    block = _BLOCK.match(text)
    if block is None:
        return None, None, text
    import yaml  # only for a text that has front matter

    try:
        fields = yaml.safe_load(block["yaml"])
    except yaml.YAMLError:
        return None, None, text
    if not isinstance(fields, dict):
        return None, None, text
    title = _text(_first(fields, _TITLE_KEYS))
    meta = Meta(
        date=_date(_first(fields, _DATE_KEYS)),
        source=_text(_first(fields, _SOURCE_KEYS)),
        author=_text(_first(fields, _AUTHOR_KEYS)),
    )
    return title, meta, text[block.end() :]


def _first(fields: dict[object, object], keys: tuple[str, ...]) -> object:
    return next((fields[key] for key in keys if fields.get(key) not in (None, "")), None)


def _text(value: object) -> str | None:
    """A name or names: a list is joined as Chinese lists names (张三、李四)."""
    if isinstance(value, list):
        names = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return "、".join(names) or None
    if isinstance(value, (str, int, float)):
        return " ".join(str(value).split()) or None
    return None


def _date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(value)
