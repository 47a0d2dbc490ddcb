"""Top-5 keyword F1 on the shared CSL abstracts (authors' keywords as gold).

python benchmarks/keywords_csl.py [../shared/data/csl_kg_dev.jsonl]
Reference points (held-out, from the data README): snownlp 0.073, jieba TF-IDF 0.153.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from reader.analysis import text_keywords

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "csl_kg_dev.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    started = time.perf_counter()
    f1_sum = p_sum = r_sum = 0.0
    for row in rows:
        found = {k.word for k in text_keywords(row["title"], row["text"], 5)}
        gold = set(row["keywords"])
        hit = len(found & gold)
        if hit:
            p, r = hit / len(found), hit / len(gold)
            p_sum, r_sum, f1_sum = p_sum + p, r_sum + r, f1_sum + 2 * p * r / (p + r)
    n = len(rows)
    print(
        f"{n} abstracts: P {p_sum / n:.3f}  R {r_sum / n:.3f}  F1 {f1_sum / n:.3f}"
        f"  ({time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
