"""Peak memory of ``zhreader summary --batch`` as the input grows: it must stay flat.

Generates short Weibo-like lines (~110 characters) from the phrase lists below, runs
the real command on them (``python -m reader summary --batch FILE``) and samples the
resident memory of the whole process tree (the command and its workers) from /proc.

    python benchmarks/batch_memory.py              # 10k and 100k lines
    python benchmarks/batch_memory.py 10000 1000000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Our own phrases (not copied from anywhere): topics, happenings, reactions, tags.
OPENINGS = [
    "今天早上",
    "刚刚看到",
    "转发一下",
    "周末去了",
    "下班路上",
    "听朋友说",
    "昨晚",
    "说真的",
]
TOPICS = [
    "城东新开的地铁站",
    "小区门口的菜市场",
    "学校附近的图书馆",
    "江边的自行车道",
    "老街的早餐店",
    "公司楼下的咖啡馆",
    "社区的篮球比赛",
    "市里的电动公交",
    "山里的民宿",
    "新建的体育公园",
]
HAPPENINGS = [
    "排队的人特别多",
    "价格比去年便宜了不少",
    "环境比想象中好很多",
    "工作人员态度很热情",
    "周末人太多了要早点去",
    "晚上灯光特别漂亮",
    "停车位还是不够用",
    "终于开始试运营了",
]
REACTIONS = [
    "大家有空可以去看看。",
    "希望以后越来越好！",
    "真心推荐给朋友们。",
    "有点失望，下次再说吧。",
    "感觉生活方便了很多。",
    "谁一起去？",
    "这种变化值得点赞。",
    "拍了几张照片分享一下。",
]
TAGS = ["#城市生活#", "#周末去哪儿#", "#身边的变化#", "#美食推荐#", "#出行#"]


def weibo_line(rng: random.Random, number: int) -> str:
    """One JSONL line of roughly 110 characters of text."""
    parts = [rng.choice(OPENINGS), rng.choice(TOPICS), "，", rng.choice(HAPPENINGS), "。"]
    while sum(map(len, parts)) < 95:
        parts += [rng.choice(TOPICS), rng.choice(HAPPENINGS), "，", rng.choice(REACTIONS)]
    parts.append(rng.choice(TAGS))
    return json.dumps({"id": number, "text": "".join(parts)}, ensure_ascii=False)


def write_input(path: Path, lines: int, seed: int = 15) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, lines + 1):
            handle.write(weibo_line(rng, number) + "\n")


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as handle:
                pages = int(handle.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(lines: int, jobs: int, workdir: Path) -> dict[str, float]:
    """Run the batch on ``lines`` generated lines; peak tree RSS, main RSS, time, rate."""
    path = workdir / f"weibo-{lines}.jsonl"
    if not path.exists():
        write_input(path, lines)
    command = [sys.executable, "-m", "reader", "summary", "--batch", str(path), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    peak = {"tree": 0, "main": 0}
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, env=env)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak["tree"] = max(peak["tree"], _tree_rss_kib(process.pid))
                peak["main"] = max(peak["main"], _main_rss(process.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = process.communicate()
        done.set()
        sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {err.decode(errors='replace')}")
    return {
        "lines": lines,
        "seconds": seconds,
        "rate": lines / seconds,
        "peak_tree_mib": peak["tree"] / 1024,
        "peak_main_mib": peak["main"] / 1024,
    }


def _main_rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(f"zhreader summary --batch, --jobs {args.jobs}, Weibo-like lines of ~110 characters")
    print(
        f"{'lines':>10} {'seconds':>8} {'lines/s':>8} {'peak RSS (all)':>15} {'peak RSS (main)':>16}"
    )
    with tempfile.TemporaryDirectory(prefix="zhreader-batch-") as folder:
        for size in args.sizes:
            row = measure(size, args.jobs, Path(folder))
            print(
                f"{row['lines']:>10,} {row['seconds']:>8.1f} {row['rate']:>8.0f}"
                f" {row['peak_tree_mib']:>11.0f} MiB {row['peak_main_mib']:>12.0f} MiB",
                flush=True,
            )


if __name__ == "__main__":
    main()
