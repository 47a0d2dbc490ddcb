"""Script conversion with real OpenCC: every variant, from either source script."""

from __future__ import annotations

import pytest

from reader.convert import Variant, convert, is_traditional

SIMPLIFIED = "这个软件帮助老年人在网络上预约服务。"
TRADITIONAL = "有近百年歷史的碼頭，十幾分鐘就到。"


@pytest.mark.parametrize(
    "variant,expected",
    [
        (Variant.ORIGINAL, SIMPLIFIED),
        (Variant.SIMPLIFIED, SIMPLIFIED),
        (Variant.TRADITIONAL, "這個軟件幫助老年人在網絡上預約服務。"),
        (Variant.TAIWAN, "這個軟體幫助老年人在網路上預約服務。"),
        (Variant.HONGKONG, "這個軟件幫助老年人在網絡上預約服務。"),
    ],
)
def test_simplified_source_to_each_variant(variant: Variant, expected: str) -> None:
    assert convert(SIMPLIFIED, variant) == expected


@pytest.mark.parametrize("variant", [Variant.TRADITIONAL, Variant.TAIWAN, Variant.HONGKONG])
def test_traditional_source_is_not_round_tripped_through_simplified(variant: Variant) -> None:
    # Through simplified, OpenCC's s2t turns 百年历史 into 百年曆史 and 分钟 into 分鍾.
    assert convert(TRADITIONAL, variant) == TRADITIONAL


def test_traditional_source_to_simplified() -> None:
    assert convert(TRADITIONAL, Variant.SIMPLIFIED) == "有近百年历史的码头，十几分钟就到。"


def test_script_detection() -> None:
    assert is_traditional(TRADITIONAL) and not is_traditional(SIMPLIFIED)
    assert not is_traditional("")
