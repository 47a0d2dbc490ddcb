"""``zhreader convert``: the article in another script, as plain text or Markdown, through a pipe."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

# Written for these tests; 发布/后来/台湾 exercise the variants' different choices.
ARTICLE = """# 软件发布会后来的消息

日期：2024-05-06  来源：本地新闻

## 一、发布会

公司今天发布了新版软件，网络和内存的使用都有改进。

## 二、后来

许多用户在台湾和香港的论坛上讨论这个软件。
"""


def _convert(*args: str, stdin: bytes | None = None) -> str:
    result = run_cli("convert", *args, stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_plain_text_in_each_script(tmp_path: Path) -> None:
    article = tmp_path / "news.md"
    article.write_text(ARTICLE, encoding="utf-8")
    traditional = _convert(str(article), "--to", "traditional")
    lines = traditional.splitlines()
    assert lines[0] == "軟件發佈會後來的消息"
    assert "一、發佈會" in lines and "二、後來" in lines
    assert "公司今天發佈了新版軟件，網絡和內存的使用都有改進。" in lines
    assert "#" not in traditional
    taiwan = _convert(str(article), "--to", "taiwan")
    assert "公司今天釋出了新版軟體，網路和記憶體的使用都有改進。" in taiwan.splitlines()
    hongkong = _convert(str(article), "--to", "hongkong")
    assert "在台灣和香港的論壇上討論這個軟件。" in hongkong  # Hong Kong says 軟件, Taiwan 軟體
    assert "軟體" not in hongkong


def test_traditional_source_is_handled_as_the_reader_does(tmp_path: Path) -> None:
    source = "百年歷史的老街\n\n這條老街有百年歷史，街上的茶館每天都坐滿了人。\n"
    simplified = _convert("-", "--to", "simplified", stdin=source.encode("utf-8"))
    assert "这条老街有百年历史，街上的茶馆每天都坐满了人。" in simplified
    # Traditional to traditional keeps 歷 (a round trip through simplified gives 曆).
    kept = _convert("-", "--to", "traditional", stdin=source.encode("utf-8"))
    assert "這條老街有百年歷史" in kept


def test_markdown_has_title_metadata_and_headings_by_level(tmp_path: Path) -> None:
    out = _convert("-", "--to", "taiwan", "--markdown", stdin=ARTICLE.encode("utf-8"))
    lines = out.splitlines()
    assert lines[0].startswith("# ") and "釋出" in lines[0]
    assert any(line.startswith("日期：2024-05-06") for line in lines)
    assert "## 一、釋出會" in lines and "## 二、後來" in lines


def test_control_characters_stay_harmless() -> None:
    filler = "这一段只是为了让文章足够长，读者不会注意到它。" * 4
    text = f"标题\n\n这是一段文字\x1b]52;c;aGk=\x07，后面还有。{filler}\n"
    out = _convert("-", "--to", "traditional", stdin=text.encode("utf-8"))
    assert "\x1b" not in out and "\x07" not in out
    assert "這是一段文字␛]52;c;aGk=␇，後面還有。" in out


def test_bad_input_and_a_missing_script_are_one_line() -> None:
    missing = run_cli("convert", "no-such-file.txt", "--to", "taiwan")
    assert missing.returncode == 2
    assert missing.stderr.decode().count("\n") == 1 and "no such file" in missing.stderr.decode()
    no_to = run_cli("convert", "-", stdin="文字".encode())
    assert no_to.returncode == 2 and b"--to" in no_to.stderr
