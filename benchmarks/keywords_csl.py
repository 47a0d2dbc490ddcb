"""Top-5 keyword F1 on the shared CSL abstracts (authors' keywords as gold).

python benchmarks/keywords_csl.py [../shared/data/csl_kg_dev.jsonl]
Reference points (held-out, from the data README): snownlp 0.073, jieba TF-IDF 0.153.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from keyword_eval import keyword_scores  # beside this script

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "csl_kg_dev.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    started = time.perf_counter()
    scores = keyword_scores(rows)
    print(
        f"{scores.documents} abstracts: P {scores.precision:.3f}  R {scores.recall:.3f}"
        f"  F1 {scores.f1:.3f}  ({time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
