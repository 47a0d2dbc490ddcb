"""Summary quality on real articles with reference summaries: ROUGE-1/2/L (character level).

    python benchmarks/quality.py PAIRS.jsonl [--limit N] [--jobs N] [--no-snownlp]

PAIRS.jsonl holds one {"text", "summary"} object per line. Compared on the
same articles: our top-3 key sentences, Lead-3 (the first three sentences)
and raw snownlp summary(3). Scores are F1 over characters with punctuation
and spaces ignored; the share of articles each system wins on ROUGE-L is
printed too. Lines that are not valid JSON or lack text are counted and skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

SYSTEMS = ("zhreader", "lead3", "snownlp")


def normalize(text: str) -> str:
    """Characters that count: no punctuation, symbols or spaces."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def _f1(overlap: float, a: int, b: int) -> float:
    if not a or not b or not overlap:
        return 0.0
    p, r = overlap / a, overlap / b
    return 2 * p * r / (p + r)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    grams = lambda s: Counter(s[i : i + n] for i in range(len(s) - n + 1))  # noqa: E731
    c, r = grams(candidate), grams(reference)
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def rouge_l(candidate: str, reference: str, cap: int = 2000) -> float:
    a, b = candidate[:cap], reference[:cap]
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if ch == other else max(previous[j + 1], current[j]))
        previous = current
    return _f1(previous[-1], len(a), len(b))


def summaries(text: str, use_snownlp: bool) -> dict[str, str]:
    from reader.errors import ArticleError
    from reader.ingest.loading import load_text
    from reader.nlp.analysis import analyze

    try:
        document = load_text(text, fmt="text")
    except ArticleError:
        return {}
    ours = "".join(s.text for s in analyze(document, 10, 3).sentences)
    lead = [s.text for _, _, p in document.paragraphs() for s in p.sentences][:3]
    out = {"zhreader": ours, "lead3": "".join(lead)}
    if use_snownlp:
        from snownlp import SnowNLP

        try:
            out["snownlp"] = "".join(SnowNLP(text).summary(3))
        except Exception:  # snownlp fails on some inputs; score it as empty
            out["snownlp"] = ""
    return out


def score_one(args: tuple[str, str, bool]) -> dict[str, tuple[float, float, float]] | None:
    text, reference, use_snownlp = args
    reference = normalize(reference)
    if not reference:
        return None
    produced = summaries(text, use_snownlp)
    if not produced:
        return None
    result = {}
    for name, candidate in produced.items():
        candidate = normalize(candidate)
        result[name] = (
            rouge_n(candidate, reference, 1),
            rouge_n(candidate, reference, 2),
            rouge_l(candidate, reference),
        )
    return result


def read_pairs(path: str, limit: int | None) -> tuple[list[tuple[str, str]], int]:
    pairs: list[tuple[str, str]] = []
    bad = 0
    with open(path, "rb") as handle:
        for raw in handle:
            try:
                item = json.loads(raw.decode("utf-8", errors="replace"))
                text, summary = item["text"], item["summary"]
                if not isinstance(text, str) or not isinstance(summary, str) or not text.strip():
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                bad += 1
                continue
            pairs.append((text, summary))
            if limit and len(pairs) >= limit:
                break
    return pairs, bad


def main() -> None:
    parser = argparse.ArgumentParser(description="Character-level ROUGE of summaries.")
    parser.add_argument("pairs")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-snownlp", action="store_true", help="skip the slow baseline")
    args = parser.parse_args()
    pairs, bad = read_pairs(args.pairs, args.limit)
    use_snownlp = not args.no_snownlp
    tasks = [(t, s, use_snownlp) for t, s in pairs]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = [r for r in pool.map(score_one, tasks, chunksize=8) if r]
    names = [n for n in SYSTEMS if results and n in results[0]]
    print(f"articles scored: {len(results)} (skipped: {len(pairs) - len(results) + bad})")
    print(f"{'system':>10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'wins-L':>7}")
    for name in names:
        means = [sum(r[name][k] for r in results) / len(results) for k in range(3)]
        wins = sum(1 for r in results if r[name][2] == max(r[n][2] for n in names))
        print(
            f"{name:>10} {means[0]:>8.4f} {means[1]:>8.4f} {means[2]:>8.4f} "
            f"{wins / len(results):>7.1%}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
