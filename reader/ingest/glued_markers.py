"""Provides where marked headings start in text that lost its line breaks.

Official documents and features mark their headings: ``一、总体要求`` over
``（一）指导思想。`` run-in headings, ``第二章 总则`` over articles (``第五条 …``),
or a symbol (``■ 小标题``).
Copied as one line, they stand glued after a sentence end:
``…现提出如下意见。一、总体要求（一）指导思想。坚持…``. A heading starts at such a
mark when the article marks at least two in order (一 then 二, ■ twice): an
enumeration inside a sentence (``主要有：一、…；二、…``) follows a colon or a
semicolon, never a full stop, and is left alone. Where a mark's words end is
not known, except for a heading followed at once by its first subheading or
article (``一、总体要求（一）``, ``第二章 组织机构第三条``): the structure reads a
paragraph that opens with a mark.
"""

from __future__ import annotations

from reader.lazy_pattern import LazyPattern

# Chinese numerals up to 999 (第一百零一条), and the digits they are made of.
_DIGITS = "一二三四五六七八九"
_NUMERAL = f"[{_DIGITS}十百零〇]{{1,6}}"
_WELL_FORMED = LazyPattern(f"(?:[{_DIGITS}]百)?[零〇]?(?:[{_DIGITS}]?十)?[{_DIGITS}]?")
# After a sentence end (and its closing quotes) or at the start of the line.
_AFTER_END = r"(?:(?<=[。！？!?])|(?<=[。！？!?][”」』’）)])|^)"
_ORDINAL = LazyPattern(
    rf"{_AFTER_END}\s*(?P<mark>(?P<comma>{_NUMERAL})、|[（(](?P<paren>{_NUMERAL})[）)]"
    rf"|第(?P<chapter>{_NUMERAL})(?:[章编編]|[节節](?![课課])|部分|篇(?![文章]))(?=[\s\u3000\u4e00-\u9fff])"
    rf"|第(?P<article>{_NUMERAL})[条條](?=[\s\u3000\u4e00-\u9fff]))"
)
_SYMBOL = LazyPattern(rf"{_AFTER_END}\s*(?P<mark>[■□●◆◇▲△▶►★☆])")
# A first subheading (or article) right after a heading's words: 一、总体要求（一）指导思想,
# 第一章 总则第一条 为了…
_FIRST_SUB = LazyPattern(
    rf"[\s\u3000]*[\u4e00-\u9fff]{{2,20}}?(?P<sub>[（(]一[）)]|第(?P<article>{_NUMERAL})[条條])"
)
LEAST = 2  # marks of one kind, in order, before any is believed
_ORDINAL_KINDS = ("comma", "paren", "chapter", "article")


def _value(numeral: str) -> int:
    """一百零五 → 105, 二十三 → 23, 十二 → 12, 七 → 7; 0 for what is no numeral (一二)."""
    if not _WELL_FORMED.fullmatch(numeral):
        return 0
    total = current = 0
    for character in numeral:
        if character in _DIGITS:
            current = _DIGITS.index(character) + 1
        elif character in "十百":
            total += (current or 1) * (10 if character == "十" else 100)
            current = 0
    return total + current


def _in_order(values: list[tuple[int, int]]) -> list[int]:
    """The places of the marks that count on from the one before (or start again at 1:
    （一） under each 一、), once the article has counted from 1 to 2 at least."""
    kept: list[int] = []
    last = 0
    for at, value in values:
        if value == 1 or (last and value == last + 1):
            kept.append(at)
            last = value
    counted = any(value == 2 for _, value in values) and any(v == 1 for _, v in values)
    return kept if counted and len(kept) >= LEAST else []


def marked_starts(line: str) -> list[int]:
    """Where each marked heading of a run-on line starts (its mark), in order; at the
    start of each first subheading that follows its heading's words at once too."""
    return sorted({at for places in _marks(line).values() for at in places})


def marked_levels(line: str) -> int:
    """How many kinds of ordinals (一、 （一） 第一章 第一条) a line counts in order: a
    paragraph quoting a list (…。一、…。二、…) has one, a document's outline two. A
    symbol (■) no writer sets inside a paragraph counts as an outline by itself."""
    marks = _marks(line)
    return 2 if any(kind not in _ORDINAL_KINDS for kind in marks) else len(marks)


def _marks(line: str) -> dict[str, list[int]]:
    """The places of each kind of mark the line counts in order from one."""
    kinds: dict[str, list[tuple[int, int]]] = {kind: [] for kind in _ORDINAL_KINDS}
    ends: dict[int, int] = {}
    for found in _ORDINAL.finditer(line):
        kind = next(k for k in kinds if found[k] is not None)
        kinds[kind].append((found.start("mark"), _value(found[kind])))
        ends[found.start("mark")] = found.end("mark")
    # 一、总体要求（一）…, 第一章 总则第一条…: the first subheading stands apart
    for at in _in_order(kinds["comma"]) + _in_order(kinds["chapter"]):
        if sub := _FIRST_SUB.match(line, ends[at]):
            kind = "paren" if sub["article"] is None else "article"
            first = (sub.start("sub"), 1 if sub["article"] is None else _value(sub["article"]))
            if first not in kinds[kind]:
                kinds[kind].append(first)
    kinds["paren"].sort()
    kinds["article"].sort()
    marks = {kind: _in_order(values) for kind, values in kinds.items()}
    for found in _SYMBOL.finditer(line):
        marks.setdefault(found["mark"], []).append(found.start("mark"))
    return {kind: places for kind, places in marks.items() if len(places) >= LEAST}
