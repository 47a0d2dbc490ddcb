"""Where key sentences come from on real news: how many are in the lead a reader already sees.

    python benchmarks/lead_share.py [--articles 30] [--sentences 5] [--show]

For each document (the clean shared documents and long People's Daily
articles, see real_documents.py) the key sentences are placed in the text:
the share among the first three sentences, the share within the first 20 %
of the characters, how many documents' key sentences are exactly their first
three, and how many key sentences end in a colon (they only introduce what
follows). --show prints each document's picks with their sentence number.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_documents import news_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30, help="People's Daily articles")
    parser.add_argument("--sentences", type=int, default=5)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from reader.nlp.analysis import analyze

    picks = first3 = first20 = colon = just_lead = documents = 0
    for name, document in news_documents(args.articles):
        order: dict[tuple[int, int, int], tuple[int, int]] = {}
        offset = 0
        for si, pi, paragraph in document.paragraphs():
            for k, sentence in enumerate(paragraph.sentences):
                order[(si, pi, k)] = (len(order), offset)
                offset += len(sentence.text)
        if len(order) < 6:
            continue
        documents += 1
        chosen = analyze(document, sentences=args.sentences).sentences
        places = [order[(s.section, s.paragraph, s.sentence)] for s in chosen]
        picks += len(places)
        first3 += sum(1 for i, _ in places if i < 3)
        first20 += sum(1 for _, at in places if at < 0.2 * offset)
        colon += sum(1 for s in chosen if s.text.rstrip().endswith(("：", ":")))
        just_lead += sorted(i for i, _ in places)[:3] == [0, 1, 2]
        if args.show:
            print(f"{name[:40]:<40} {' '.join(str(i) for i, _ in places)}  (of {len(order)})")
    picks = max(picks, 1)
    print(
        f"{documents} documents, {picks} key sentences: first 3 sentences {first3 / picks:.1%}, "
        f"first 20% of text {first20 / picks:.1%}, documents whose picks include the first "
        f"three {just_lead}, ending in a colon {colon}"
    )


if __name__ == "__main__":
    main()
