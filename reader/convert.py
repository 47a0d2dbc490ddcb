"""Provides script conversion (OpenCC) and script detection."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import cache, partial

import opencc


class Variant(StrEnum):
    """The scripts a reader can ask for; values are what --to accepts."""

    ORIGINAL = "original"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Variant.ORIGINAL: "原文",
    Variant.SIMPLIFIED: "简体",
    Variant.TRADITIONAL: "繁體",
    Variant.TAIWAN: "台灣正體",
    Variant.HONGKONG: "香港繁體",
}
# From simplified to each variant; traditional text is simplified first.
_FROM_SIMPLIFIED = {
    Variant.TRADITIONAL: "s2t",
    Variant.TAIWAN: "s2twp",
    Variant.HONGKONG: "s2hk",
}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Simplified characters, same words: used for analysis, search and note anchors.

    Characters only (t2s): tw2sp also rewrites vocabulary (線上 → 在线, 新增 → 添加)
    even in text that was never Taiwanese, which changes what is analysed.
    """
    return _converter("t2s").convert(text)


# From traditional text: characters only, no round trip through simplified
# (OpenCC's s2t reads 百年历史 as 百年曆史; the source already has the right 歷).
_FROM_TRADITIONAL = {
    Variant.TRADITIONAL: ("hk2t", "tw2t"),
    Variant.TAIWAN: ("hk2t", "tw2t", "t2tw"),
    Variant.HONGKONG: ("hk2t", "tw2t", "t2hk"),
}


def _chain(configs: tuple[str, ...], text: str) -> str:
    for config in configs:
        text = _converter(config).convert(text)
    return text


def _unchanged(text: str) -> str:
    return text


def converter(variant: Variant, source_traditional: bool) -> Callable[[str], str]:
    """A function converting text of the given source script to ``variant``."""
    if variant is Variant.ORIGINAL:
        return _unchanged
    if variant is Variant.SIMPLIFIED:
        return to_simplified if source_traditional else _unchanged
    if source_traditional:
        return partial(_chain, _FROM_TRADITIONAL[variant])
    return partial(_chain, (_FROM_SIMPLIFIED[variant],))


def simplified_view(text: str) -> str:
    """``to_simplified`` when it keeps the length (so offsets carry over), else the text itself.

    Used to compare texts whatever their script: search, keyword marks, note anchors.
    """
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text


def convert(text: str, variant: Variant, source_traditional: bool | None = None) -> str:
    """Text in the given variant; ORIGINAL returns it unchanged.

    The source script is detected from ``text`` unless given; pass it for
    short pieces of a longer document (a keyword says little about its script).
    """
    if variant is Variant.ORIGINAL or not text:
        return text
    if source_traditional is None:
        source_traditional = is_traditional(text)
    return converter(variant, source_traditional)(text)


def is_traditional(text: str, sample: int = 4000) -> bool:
    """True when the text is written in traditional characters.

    Text that t2s leaves alone is simplified whatever s2t would do, and s2t's
    phrase table (~40 ms to load) is then not needed: most articles stop here.
    """
    head = text[:sample]
    changed = sum(1 for a, b in zip(head, _converter("t2s").convert(head), strict=False) if a != b)
    if not changed:
        return False
    back = sum(1 for a, b in zip(head, _converter("s2t").convert(head), strict=False) if a != b)
    return changed > back
