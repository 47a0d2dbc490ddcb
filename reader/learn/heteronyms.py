"""Provides the readings of heteronyms that stand as one-character words, from their neighbours.

pypinyin reads a character by the phrase it finds it in (教室 jiàoshì, 得到
dédào); a character in none of its phrases gets its first dictionary reading,
whatever surrounds it: 跑得很快 read pǎo dé, 他教我们 tā jiào, 我得走了 wǒ dé.
These are one-character words whose reading depends on the word before or
after them: a particle after a verb (得 de, 地 de), a modal after its subject
(得 děi), a verb before its object (教 jiāo), a measure word after a number
(只 zhī). pypinyin's phrase data (and pypinyin-dict's) has no entries for such
pairs (教我, 得去, 跑得 are not phrases), so the few rules are written here and
apply only where pypinyin read the character alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.learn.pinyin import has_han as _han

# Words after which 得 is "must" (我得走了, 我们还得等) rather than a complement marker.
MODAL_AFTER = frozenset(
    ["我", "你", "您", "他", "她", "它", "咱", "我们", "你们", "他们", "她们", "它们",
     "咱们", "大家", "谁", "自己", "也", "还", "就", "都", "总", "又", "可", "才", "却",
     "必须", "一定", "非", "还是", "那", "那就", "总是", "早晚", "迟早"]
)  # fmt: skip
# Words before a measure word: 两只狗, 这只猫.
NUMBERS = frozenset("零〇一二三四五六七八九十百千万两几这那每哪半多")


def _de_or_dei(before: str, after: str) -> str | None:
    """得 alone: děi after a subject or an adverb and before a verb, de after a verb
    or an adjective (跑得快, 长得好看); otherwise as pypinyin reads it (dé)."""
    if not _han(before) or after.startswith(("了", "到", "着")):
        return None
    if before in MODAL_AFTER:
        return "děi" if _han(after) else None
    return "de"


def _adverbial_de(before: str, after: str) -> str | None:
    """地 alone between a word of two or more characters and a verb: the particle de
    (慢慢地走, 高兴地说); after one character it is the noun dì (一块地)."""
    return "de" if len(before) >= 2 and all(map(_han, before)) and _han(after) else None


def _measure_zhi(before: str, after: str) -> str | None:
    """只 alone after a number or a demonstrative is the measure word zhī (两只狗)."""
    return "zhī" if before and set(before) <= NUMBERS else None


def _teach(before: str, after: str) -> str | None:
    """教 alone is the verb "to teach", jiāo (教我们, 教孩子); jiào is in its compounds
    (教室, 教育, 请教), which pypinyin reads from its phrases."""
    return "jiāo"


Rule = Callable[[str, str], "str | None"]
RULES: dict[str, Rule] = {"得": _de_or_dei, "地": _adverbial_de, "只": _measure_zhi, "教": _teach}


@dataclass(frozen=True, slots=True)
class Override:
    """A character's reading in context, where pypinyin's lone reading is wrong."""

    index: int  # into the text
    pinyin: str  # tone marks (de has none: the neutral tone)


def _cut_off(words: Sequence[str], read_alone: Sequence[bool]) -> list[str]:
    """``words`` with a ruled character read alone at either end of a longer word that is
    no dictionary word cut off as a word of its own: the segmenter writes
    你/得去/医院 and 他得/了: neither 得去 nor 他得 is in CC-CEDICT, so 得 stands alone."""
    pieces: list[str] = []
    at = 0
    for word in words:
        end = at + len(word)
        head = len(word) > 1 and word[0] in RULES and at < len(read_alone) and read_alone[at]
        tail = (
            len(word) > 1 and word[-1] in RULES and end <= len(read_alone) and read_alone[end - 1]
        )
        if (head or tail) and _is_word(word):  # 教育, 得分: words pypinyin has no phrase for
            head = tail = False
        if head:
            pieces += [word[0], word[1:]]
        elif tail:
            pieces += [word[:-1], word[-1]]
        else:
            pieces.append(word)
        at = end
    return pieces


def _is_word(word: str) -> bool:
    """Whether CC-CEDICT lists ``word`` (asked only of the few pieces that end in 得, 地,
    只 or 教 where pypinyin saw no phrase)."""
    from reader.learn.dictionary import load_dictionary

    return load_dictionary().entry(word) is not None


def overrides(words: Sequence[str], read_alone: Sequence[bool]) -> list[Override]:
    """The readings the rules give to one-character words of ``words`` (a segmentation
    in simplified form, covering the text) that pypinyin read alone (``read_alone``,
    one flag a character)."""
    words = _cut_off(words, read_alone)
    found: list[Override] = []
    at = 0
    for k, word in enumerate(words):
        rule = RULES.get(word)
        if rule is not None and at < len(read_alone) and read_alone[at]:
            before = words[k - 1] if k else ""
            after = words[k + 1] if k + 1 < len(words) else ""
            if (pinyin := rule(before, after)) is not None:
                found.append(Override(at, pinyin))
        at += len(word)
    return found


def read_alone(view: str) -> list[bool]:
    """For each character of ``view`` (simplified), whether pypinyin reads it on its own:
    it cuts the text by its phrase dictionary and reads what no phrase covers character
    by character (``pypinyin.seg.simpleseg`` is the cut its converter uses)."""
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg.simpleseg import seg

    flags: list[bool] = []
    for chunk in seg(view):
        flags.extend([len(chunk) == 1 or chunk not in PHRASES_DICT] * len(chunk))
    return flags if len(flags) == len(view) else [False] * len(view)
