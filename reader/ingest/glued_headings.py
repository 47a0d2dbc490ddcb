"""Provides the unnumbered subheadings glued into text that lost its line breaks.

A news article copied as one line reads ``…的近影。两会成为了解国情的窗口不少学子时刻
关注着国内动态，…``: the subheading stands between a sentence end and the
start of the next sentence, with nothing to mark where it stops. We stand
such a run on a line of its own only when the place where it stops is
plain: the next sentence opens the way sentences open (a bare time and its
comma, a quotation that is a whole sentence, labels in parallel such as
出国前：…？出国后：…？), the run before it could head a section (a phrase of
4–16 characters, cut at a word boundary, not a subject waiting for its verb,
no word of saying in it), and the article does it at least twice, far apart.
An adverbial (在…时，随着…，) or a quantifier (不少…) opens a sentence after a
subject as often as after a heading: it counts only after a two-part headline
(``…窗口盼准确把握国家发展需求 愿寻求机遇回国有所作为不少学子…``) or when it
names the heading again (``大会主报告在大会主报告环节，``). A wrong heading in the
middle of a sentence is worse than a missed one, so every rule leans to
leaving the text alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEAD_MIN, HEAD_MAX = 4, 16  # characters of a glued subheading
GAP = 150  # characters between two glued subheadings of one article, at least
LEAST = 2  # glued subheadings an article must show before any is believed
_OPENING_CLAUSE = 24  # characters of the adverbial a sentence opens with, before its comma
_LABEL = 4  # characters of a label before a colon (记者：, 出国前：)
_REACH = 200  # characters from a label to the end of its sentence, at most

_HAN = "\u4e00-\u9fff"
# Where a sentence ends and the next (or a glued heading) begins.
_SENTENCE_END = re.compile(r"[。！？!?][”」』’）)]*")
# The unpunctuated start of a sentence: runs of Han characters, single spaces between them.
_LEAD = re.compile(rf"[{_HAN}]+(?:[ \u3000][{_HAN}]+)*")
# Words that open an adverbial a sentence starts with (在谈及…时，随着…，为了…，).
_ADVERBIAL = (
    "在",
    "當",
    "当",
    "随着",
    "隨著",
    "除了",
    "为了",
    "為了",
    "对于",
    "對於",
    "关于",
    "關於",
    "作为",
    "作為",
    "由于",
    "由於",
    "面对",
    "面對",
)
# 在 and 当 open such an adverbial only when it ends on a time or place (在采访中，).
_PLACED = ("在", "当", "當")
_POSTPOSITION = re.compile(
    r"(?:时|時|中|后|後|前|以来|以來|看来|看來|环节|環節|之际|之際|期间|期間)$"
)
# A time, and nothing but a time, that the next sentence opens with up to its comma
# (5月11日上午，2002年，去年冬天，): after a subject a time comes without a comma.
_TIME_CLAUSE = re.compile(
    r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|今年|去年|前年|近日|日前|目前|如今|此前"
    r"|很长一段时间里?|很長一段時間裡?)"
    r"(?:上午|下午|晚上|中午|凌晨|早上|晚间|晚間|夜间|夜間|春天|夏天|秋天|冬天|年初|年底|年末|初|底|末)?"
    r"(?:\d{1,2}[时時])?[，,]"
)
# Words that open a sentence and nothing else, then a comma (据了解，此外，然而，):
# no subject stands before them, so the run before is not a subject.
_BARE_OPENING = re.compile(
    r"(?:据(?:了解|介绍|悉|统计|报道|调查|估计|透露|测算)|據(?:了解|介紹|悉|統計|報導|報道|調查|估計|透露)"
    r"|记者(?:了解到|注意到|获悉|看到)|記者(?:了解到|注意到|獲悉|看到)"
    r"|此外|另外|同时|同時|其中|对此|對此|为此|為此|因此|然而|但是|不过|不過|事实上|事實上|其实|其實"
    r"|近年来|近年來|近几年|近幾年|当天|當天|当晚|當晚|次日|随后|隨後|后来|後來|起初|眼下|当时|當時)"
    r"[，,]"
)
# Words a sentence opens with when its subject follows: believed only after a two-part headline.
_WEAK_OPENINGS = ("不少", "许多", "許多", "很多", "一些", "这", "這", "消息一出")
# A heading does not open with a link word: the sentence before it goes on.
_BAD_STARTS = (
    "然而",
    "另一方面",
    "另外",
    "虽然",
    "雖然",
    "尽管",
    "儘管",
    "随后",
    "隨後",
    "不过",
    "不過",
    "同时",
    "同時",
    "如果",
    "因为",
    "因為",
    "由于",
    "由於",
    "最终",
    "最終",
    "到了",
    "直到",
    "根据",
    "根據",
    "通常",
    "以下",
    "上述",
    "截至",
    "截止",
    "最后",
    "最後",
    "大多数",
    "大多數",
    "其中",
    "此外",
    "于是",
    "於是",
    "然后",
    "然後",
    "所以",
    "因此",
    "可是",
    "只是",
)
_BAD_START = set(
    "但而并並也还還就又却卻则則才都再且及和与與或的对對把被将將从從向为為给給让讓使据據这這那他她它其该該此之自当當在请請"
)
# Nor does it end on a word that wants what follows.
_BAD_END = set(
    "的着著过過在和与與及或对對把被将將从從向为為给給让讓使是有也都就还還又而并並之其这這那些个個一不没沒很最更已正要会會能可说說道称稱到得地以于於所们們每各时時期间間至近自"
)
# Verbs that want what follows them (我们已经进入|1998年，).
_BAD_ENDS = (
    "到了",
    "进入",
    "進入",
    "迎来",
    "迎來",
    "迎接",
    "步入",
    "来到",
    "來到",
    "回到",
    "走进",
    "走進",
    "进",
    "進",
    "入",
)
# Adverbs that put a run inside a sentence (德国则…, 日本便…), words of saying or finding.
_SENTENCE_WORDS = re.compile(
    r"[则則便亦仍却卻曾都]|说|說|表示|认为|認為|指出|称|稱|介绍|介紹|透露|强调|強調|发现|發現|显示|顯示"
    r"|表明|告诉|告訴|了解到|看到|知道|觉得|覺得|希望|相信|坦言|回忆|回憶|记得|記得|提出|提到|号召|號召"
    r"|本报|本報|记者|記者|通讯员|通訊員|新华社|新華社"  # a byline glued on: no place to cut
)
_STOP = "。！？!?"
# The characters an opening the rules above know can start with.
_FIRSTS = frozenset(
    "“「今去前近日目如此很据據记記另同其对對为為因然但不事近当當次随隨后後起眼"
    + "".join(w[0] for w in (*_ADVERBIAL, *_PLACED, *_WEAK_OPENINGS))
)
# A main clause that opens with one of these has no subject of its own: the run
# before the adverbial was its subject, not a heading.
_NO_SUBJECT = set(
    "很就也都还還便即再又才已曾将將会會能可要不没沒并並而则則却卻于於使让讓把被对對向从從与與和但得其这這令仍引进進成获獲"
)


@dataclass(frozen=True, slots=True)
class Glued:
    """A subheading found in a run-on line: the span it takes and the lines it becomes."""

    start: int
    end: int
    lines: tuple[str, ...]


def glued_headings(line: str) -> list[Glued]:
    """The unnumbered subheadings of a run-on line, in order; none unless the article has
    ``LEAST`` of them ``GAP`` characters apart."""
    found: list[Glued] = []
    for end in _SENTENCE_END.finditer(line):
        if found and end.end() - found[-1].end < GAP:
            continue
        if glued := _heading_at(line, end.end()):
            found.append(glued)
    return found if len(found) >= LEAST else []


def _heading_at(line: str, start: int) -> Glued | None:
    """The heading glued in at a sentence start, if the sentence proper plainly starts later."""
    lead = _LEAD.match(line, start)
    if lead is None:
        return None
    run = lead.group(0)
    labelled = line[lead.end() : lead.end() + 1] in ("：", ":")
    for size in range(HEAD_MIN, min(len(run), HEAD_MAX * 3) + 1):
        at = start + size
        first = line[at : at + 1]
        if not (first in _FIRSTS or first.isdigit() or (labelled and len(run) - size <= _LABEL)):
            continue  # nothing a sentence opens with starts here
        head = run[:size]
        if not _opens_sentence(line, at, head):
            continue
        if (lines := _heading_lines(head)) and _word_boundary(line, start + size):
            return Glued(start, start + size, lines)
    return None


def _opens_sentence(line: str, at: int, head: str) -> bool:
    """Whether a sentence plainly opens at ``at``, after ``head``."""
    rest = line[at : at + _OPENING_CLAUSE + 1]
    if rest[:1] in ("“", "「"):  # a quotation that is a whole sentence
        quote = line[at + 1 : at + 160]
        close = min((i for c in "”」" if (i := quote.find(c)) >= 0), default=-1)
        return close >= 10 and quote[close - 1] in _STOP
    if time := _TIME_CLAUSE.match(rest) or _BARE_OPENING.match(rest):
        return line[at + time.end() : at + time.end() + 1] not in _NO_SUBJECT
    clause = re.match(rf"[{_HAN}\d]+(?=[，,：:])", rest)
    if clause is None:
        return False
    words, mark = clause.group(0), rest[clause.end()]
    if mark in (
        "：",
        ":",
    ):  # a label, when the article has labels in parallel (出国前：… 出国后：…)
        return _parallel_label(line, at, words)
    if line[at + clause.end() + 1 : at + clause.end() + 2] in _NO_SUBJECT:
        return False  # 法国和英国在…下，很快就…: the run before was the sentence's subject
    # A subject stands before 在…时， as often as a heading does: believe the heading only
    # when it is a two-part headline or the adverbial names it again (大会主报告在大会主报告环节，).
    headline = " " in head or "\u3000" in head
    named = len(head) >= HEAD_MIN and head in words
    if (words.startswith(_PLACED) and _POSTPOSITION.search(words)) or words.startswith(_ADVERBIAL):
        return headline or named
    return headline and words.startswith(_WEAK_OPENINGS)


def _parallel_label(line: str, at: int, label: str) -> bool:
    """A label of 2–4 characters, used again in the article, whose next sentence opens with
    a label as long (出国前：…？出国后：…？)."""
    if not 2 <= len(label) <= _LABEL:
        return False
    if label[0] in _BAD_START or label[0] in "地得" or _SENTENCE_WORDS.search(label):
        return False  # 老人激动|地说：, 党的十五大|报告指出：
    after = _SENTENCE_END.search(line, at + len(label), at + _REACH)
    if after is None:
        return False
    nxt = re.match(
        rf"[{_HAN}]{{2,{_LABEL}}}(?=[：:])", line[after.end() : after.end() + _LABEL + 1]
    )
    if nxt is None or len(nxt.group(0)) != len(label):
        return False
    return line.find(label) < at or line.find(label, at + len(label)) >= 0  # used again


def _word_boundary(line: str, at: int) -> bool:
    """Whether the segmenter puts a word boundary where the heading would end (集中|在 is none)."""
    from reader.nlp.segmenter import segment

    left = re.search(rf"[{_HAN}]{{1,8}}$", line[max(0, at - 8) : at])
    right = re.match(rf"[{_HAN}]{{1,8}}", line[at : at + 8])
    if left is None or right is None:
        return True  # a digit or a quotation mark already parts them
    offset = 0
    for word in segment(left.group(0) + right.group(0)):
        offset += len(word)
        if offset >= len(left.group(0)):
            return offset == len(left.group(0))
    return False


def _heading_lines(text: str) -> tuple[str, ...]:
    """The heading (and a subtitle after it) the run before the sentence holds, if it can head."""
    pieces = text.split()
    if len(pieces) > 1:  # 关注点多与所学专业相关法学专业热议法定婚龄 很多人关心供给侧改革
        first, tail = pieces[0], " ".join(pieces[1:])
        if len(first) > HEAD_MAX:  # a heading, then the first half of a two-part subtitle
            cut = len(first) - len(pieces[1])
            first, tail = first[:cut], first[cut:] + " " + tail
        if _can_head(first) and all(HEAD_MIN <= len(p) <= HEAD_MAX for p in tail.split()):
            return (first, "", tail)
        return ()
    return (text,) if _can_head(text) else ()


def _can_head(text: str) -> bool:
    """A phrase of 4–16 characters that opens and ends as a heading does."""
    return (
        HEAD_MIN <= len(text) <= HEAD_MAX
        and text[0] not in _BAD_START
        and not text.startswith(_BAD_STARTS)
        and text[-1] not in _BAD_END
        and not text.endswith(_BAD_ENDS)
        and not _SENTENCE_WORDS.search(text)
    )
