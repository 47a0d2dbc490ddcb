"""LazyPattern compiles at its first use and answers as the compiled pattern does."""

from __future__ import annotations

import re

from reader.lazy_pattern import LazyPattern


def test_a_lazy_pattern_compiles_once_at_first_use_and_matches_as_re_does() -> None:
    source = r"(?P<n>[\u4e00-\u9fff]{2,4})\s+\d"
    lazy = LazyPattern(source)
    assert lazy._compiled is None  # nothing paid at import
    text = "记者 张三 2024"
    found, expected = lazy.search(text), re.compile(source).search(text)
    assert found is not None and expected is not None and found.span() == expected.span()
    compiled = lazy.compiled
    assert lazy.compiled is compiled  # once
    assert [m.group(0) for m in lazy.finditer("张三 1 李四 2")] == ["张三 1", "李四 2"]
    assert lazy.sub("", "张三 1") == "" and lazy.split("a 张三 1b") == re.split(source, "a 张三 1b")
    assert lazy.fullmatch("张三 1") and not lazy.match("1 张三")
