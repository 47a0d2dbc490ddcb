"""No byte of an article, a note or a file name reaches the terminal as a control sequence.

Every output path of the CLI gets the same payload (OSC 52 clipboard write,
OSC 0 title, CSI clear screen, C1 CSI/OSC, bidi override and isolate,
zero-width characters, Rich markup) in the title, a heading, the metadata,
the text and a note; ``test_tui_*`` do the same for the reader.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.ingest.loading import load_path
from reader.model import Location
from reader.notes.anchors import anchor_for
from reader.notes.store import NoteStore
from reader.terminal_text import json_dumps, one_line, visible

from .conftest import run_cli

PAYLOAD = (
    "\x1b]52;c;aGFja2Vk\x07\x1b]0;pwned\x07\x1b[2J\x9b31m\x9d0;t\x9c\u202e\u2066\u200b\ufeff\x7f[/]"
)
ARTICLE = (
    f"标题{PAYLOAD}\n\n来源：新华社{PAYLOAD}\n\n"
    f"一、小节{PAYLOAD}\n\n经济发展很重要{PAYLOAD}。城市经济发展的步伐很快。\n\n"
    "二、[@click=app.quit]第二节[/]\n\n经济发展的第二段落写在这里。城市的产业继续发展。\n\n"
    + "开发区的老厂房里长出了新产业，工人们在车间里忙碌，订单一直排到明年。" * 8
    + "\n"
)  # ordinary text around the payload: under 5 % control characters is still an article

# What may never appear in output meant for a terminal: C0 except \t and \n (so ESC
# and BEL), DEL, C1 (UTF-8 C2 80–9F), bidi controls, zero-width characters, BOM.
FORBIDDEN = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8b-\x8f\xaa-\xae]"
    rb"|\xe2\x81[\xa0-\xa4\xa6-\xa9]|\xef\xbb\xbf"
)


def assert_safe(output: bytes) -> None:
    found = FORBIDDEN.findall(output)
    assert not found, f"control bytes reached the output: {found[:5]}"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def add_payload_note(data_dir: Path, article: Path) -> None:
    document = load_path(article)
    store = NoteStore.open(data_dir)
    record = store.open_article(document, str(article.resolve()))
    s = document.sections[1].paragraphs[0].sentences[0]
    store.add_note(
        record.id, anchor_for(document, Location(1, 0, s.start, s.end)), f"批注{PAYLOAD}"
    )
    store.close()


# The neutralising itself


@given(st.text())
def test_visible_keeps_length_and_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)  # offsets into the text stay valid
    assert_safe(shown.replace("\t", " ").encode("utf-8"))
    assert "\n" not in one_line(text)


@given(
    st.recursive(st.text() | st.integers(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_json_dumps_reads_back_exactly_and_is_safe(value: object) -> None:
    text = json_dumps(value)
    assert json.loads(text) == value
    assert_safe(text.encode("utf-8", "strict"))


def test_ordinary_chinese_text_is_untouched() -> None:
    text = "“开发区”里有 3.5 亿元的投资，COVID-19 之后——\t继续。"
    assert visible(text) == text
    assert json_dumps(text) == json.dumps(text, ensure_ascii=False)


# The CLI


@pytest.mark.parametrize(
    "args",
    [
        ["outline"],
        ["outline", "--json"],
        ["summary"],
        ["summary", "--by-section"],
        ["summary", "--json"],
        ["export"],
        ["notes"],
    ],
    ids=lambda a: " ".join(a),
)
def test_cli_output_carries_no_control_sequence(
    args: list[str], article: Path, private_data_dir: Path
) -> None:
    add_payload_note(private_data_dir, article)
    result = run_cli(*args, str(article))
    assert result.returncode == 0, result.stderr
    assert b"[/]" in result.stdout or b"\\[/\\]" in result.stdout  # markup stays text
    assert_safe(result.stdout)
    assert_safe(result.stderr)


def test_notes_listing_is_safe(article: Path, private_data_dir: Path) -> None:
    add_payload_note(private_data_dir, article)
    result = run_cli("notes")
    assert result.returncode == 0
    assert "标题".encode() in result.stdout and len(result.stdout.splitlines()) == 1
    assert_safe(result.stdout)


def test_json_escapes_but_keeps_the_text(article: Path) -> None:
    for command in ("outline", "summary"):
        result = run_cli(command, "--json", str(article))
        assert b"\\u009b" in result.stdout and b"\\u202e" in result.stdout
        assert json.loads(result.stdout)["title"] == load_path(article).title


def test_batch_output_is_safe() -> None:
    line = json.dumps({"id": PAYLOAD, "text": ARTICLE})
    result = run_cli("summary", "--batch", "-", stdin=line.encode())
    assert result.returncode == 0
    assert_safe(result.stdout)
    assert json.loads(result.stdout)["id"] == PAYLOAD


def test_markdown_export_file_means_the_same_text(
    article: Path, tmp_path: Path, private_data_dir: Path
) -> None:
    add_payload_note(private_data_dir, article)
    out = tmp_path / "out.md"
    assert run_cli("export", str(article), "-o", str(out)).returncode == 0
    raw = out.read_bytes()
    assert_safe(raw)
    tokens = MarkdownIt("commonmark").parse(raw.decode())
    title = next(tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open")
    rendered = "".join(child.content for child in title.children or [])
    # Bidi and zero-width characters read back as themselves; C0 and C1 controls, which
    # CommonMark never renders, as U+FFFD: the references are there, not the controls.
    title_text = load_path(article).title or ""
    assert rendered == re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", "\ufffd", title_text)
    assert "&#x1B;\\]52;c;" in raw.decode()


def test_store_keeps_the_note_as_written(article: Path, private_data_dir: Path) -> None:
    add_payload_note(private_data_dir, article)
    run_cli("notes", str(article))
    store = NoteStore.open(private_data_dir)
    record = store.articles()[0]
    assert store.notes(record.id)[0].annotation == f"批注{PAYLOAD}"


def test_a_file_name_with_a_newline_and_escapes_is_one_line(tmp_path: Path) -> None:
    name = str(tmp_path / "bad\nname\x1b]0;x\x07.txt")
    for args in (["outline", name], ["summary", name], ["export", name], ["notes", name]):
        result = run_cli(*args)
        assert result.returncode == 2
        assert result.stderr.count(b"\n") == 1, result.stderr
        assert_safe(result.stderr)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("env", "bold"), [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)]
)
def test_no_color_and_dumb_terminal_get_plain_text(
    env: dict[str, str], bold: bool, article: Path
) -> None:
    import subprocess
    import sys

    master, slave = os.openpty()
    environment = {**os.environ, "TERM": "xterm-256color", **env}
    environment.pop("NO_COLOR", None) if not env.get("NO_COLOR") else None
    process = subprocess.run(
        [sys.executable, "-m", "reader", "summary", str(article)],
        stdout=slave,
        stderr=subprocess.PIPE,
        env=environment,
        timeout=120,
        check=False,
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert process.returncode == 0
    assert (b"\x1b[1m" in output) is bold
    assert_safe(output.replace(b"\x1b[1m", b"").replace(b"\x1b[0m", b"").replace(b"\r", b""))
