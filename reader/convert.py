"""Provides script conversion (OpenCC) and script detection."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

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
    """Simplified form used for analysis; Taiwan phrases (軟體) become mainland ones (软件)."""
    return _converter("tw2sp").convert(text)


def convert(text: str, variant: Variant) -> str:
    """Text in the given variant; ORIGINAL returns it unchanged."""
    if variant is Variant.ORIGINAL or not text:
        return text
    simplified = to_simplified(text)
    if variant is Variant.SIMPLIFIED:
        return simplified
    return _converter(_FROM_SIMPLIFIED[variant]).convert(simplified)


def is_traditional(text: str, sample: int = 4000) -> bool:
    """True when the text is written in traditional characters."""
    head = text[:sample]
    changed = sum(1 for a, b in zip(head, _converter("t2s").convert(head), strict=False) if a != b)
    back = sum(1 for a, b in zip(head, _converter("s2t").convert(head), strict=False) if a != b)
    return changed > back
