"""``zhreader summary`` on a terminal: bars aligned by display width, sentences wrapped
with a hanging indent at the terminal's width; plain lines in a pipe."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

from click.testing import CliRunner

from reader.cli import cli
from reader.linebreak import text_width

from .conftest import ROOT, SAMPLES

NEWS = SAMPLES / "01_news_scraped.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def on_a_terminal(columns: int, *args: str) -> list[str]:
    """Run the CLI with a pseudo-terminal as its stdout, ``columns`` wide."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the child exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return [ANSI.sub("", line) for line in text.split("\n")]


def section(lines: list[str], title: str) -> list[str]:
    start = lines.index(title) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_keyword_bars_start_in_one_column_whatever_the_word_width() -> None:
    lines = on_a_terminal(60, "summary", str(NEWS))
    keywords = section(lines, "关键词")
    assert len({text_width(k[: k.index("█")]) for k in keywords}) == 1
    assert not any("\t" in k for k in keywords)


def test_long_key_sentences_wrap_with_a_hanging_indent_at_the_terminal_width() -> None:
    lines = on_a_terminal(60, "summary", str(NEWS))
    sentences = section(lines, "关键句")
    assert all(text_width(line) <= 60 for line in lines)
    continued = [line for line in sentences if not line.startswith("  • ")]
    assert continued and all(line.startswith("    ") and line[4] != " " for line in continued)
    assert not any(line.lstrip(" ")[:1] in "，。、；：？！）」" for line in continued)  # kinsoku


def test_in_a_pipe_each_sentence_is_one_line_and_keywords_align_with_spaces() -> None:
    result = CliRunner().invoke(cli, ["summary", str(NEWS)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    sentences = section(lines, "关键句")
    assert all(line.startswith("  • ") for line in sentences)
    keywords = section(lines, "关键词")
    assert "\t" not in result.output
    assert len({text_width(re.sub(r"\d\.\d\d$", "", k)) for k in keywords}) == 1


def test_outline_headings_wrap_under_themselves_on_a_narrow_terminal() -> None:
    report = SAMPLES / "03_policy_report.txt"
    lines = on_a_terminal(40, "outline", str(report))
    assert all(text_width(line) <= 40 for line in lines)
    piped = CliRunner().invoke(cli, ["outline", str(report)]).output.splitlines()
    assert len(lines) > len(piped) + 1  # some headings took two lines on the terminal
    assert any(text_width(line) > 40 for line in piped)
