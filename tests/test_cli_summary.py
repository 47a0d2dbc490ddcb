"""``zhreader summary`` in pipes: plain text, JSON, batches."""

from __future__ import annotations

import json

from .conftest import SAMPLES, run_cli

run = run_cli


def test_piped_summary_is_plain_text() -> None:
    data = (SAMPLES / "02_essay_traditional.txt").read_bytes()
    result = run("summary", "-k", "3", "-n", "2", stdin=data)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "巷口那間舊書店"
    assert lines.index("关键词") < lines.index("关键句")
    assert len([line for line in lines if line.startswith("  • ")]) == 2


def test_summary_json_shape_and_conversion() -> None:
    result = run(
        "summary", "--json", "--to", "taiwan", "-n", "3", str(SAMPLES / "01_news_scraped.txt")
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "schema",
        "title",
        "meta",
        "sections",
        "keywords",
        "sentences",
        "section_sentences",
    }
    assert data["schema"] == "zhreader.summary/1"
    assert len(data["section_sentences"]) == len(data["sections"])
    for index, best in enumerate(data["section_sentences"]):
        assert best is None or best["section"] == index
    # OpenCC reads 里长 as 里長 (village chief) here, so only the unambiguous part is pinned.
    assert data["title"].startswith("東江火炬開發區：老廠房")
    assert len(data["sentences"]) == 3
    assert {"text", "section", "paragraph", "start", "end", "score"} == set(data["sentences"][0])
    assert all("开" not in k["word"] for k in data["keywords"])


def test_batch_keeps_order_and_ids_and_survives_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": "人工智能正在改变世界。很多企业开始使用人工智能技术。"}),
        "{not json",
        json.dumps({"id": 7, "title": "快递进村", "text": "快递进村以后，村民取件更方便了。"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps(["no", "object"]),
    ]
    result = run("summary", "--batch", "-", stdin="\n".join(lines).encode())
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, 7, "empty", None]
    assert "error" in out[1] and out[1]["line"] == 2
    assert out[2]["title"] == "快递进村" and out[2]["keywords"]
    assert "error" in out[3] and "error" in out[4]
    assert result.stderr == b""  # no progress bar when stderr is not a terminal


def test_summary_bad_input_exit_2() -> None:
    result = run("summary", "/no/such/file.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "zhreader: /no/such/file.txt: no such file"


def test_by_section_prints_each_sections_best_sentence() -> None:
    result = run("summary", "--by-section", "-n", "1", str(SAMPLES / "03_policy_report.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    tail = lines[lines.index("各节要点") + 1 :]
    assert tail[0].startswith("  [导语] ")  # the lead has no heading
    from reader.ingest.loading import load_path

    sections = load_path(SAMPLES / "03_policy_report.txt").sections
    # one line per section that has text (一、总体要求 only heads its subsections)
    assert len(tail) == sum(1 for s in sections if s.paragraphs) == 13
    assert any(line.startswith("  [（二）主要目标] 到2025年") for line in tail)
