"""``zhreader summary --batch``: a bad line is an error object with its line number, never a crash."""

from __future__ import annotations

import json

from .conftest import run_cli

GOOD = json.dumps(
    {"id": "ok", "text": "经济发展很重要。城市经济发展的步伐很快，工厂订单排到了明年。"}
)


def batch(*lines: str) -> list[dict]:
    result = run_cli("summary", "--batch", "-", "--jobs", "1", stdin="\n".join(lines).encode())
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_huge_integer_is_an_error_object_and_the_batch_goes_on() -> None:
    results = batch('{"id": ' + "9" * 5000 + ', "text": "x"}', GOOD)
    assert results[0]["line"] == 1 and results[0]["error"].startswith("malformed JSON")
    assert results[1]["id"] == "ok" and "keywords" in results[1]


def test_line_numbers_are_the_lines_of_the_file_blank_lines_included() -> None:
    results = batch("", GOOD, "", "   ", "{not json", "", '["a list"]', GOOD)
    assert [r.get("line") for r in results if "error" in r] == [5, 7]
    assert [r["id"] for r in results if "error" not in r] == ["ok", "ok"]


def test_deep_nesting_and_lone_surrogates_do_not_stop_the_batch() -> None:
    surrogate = '{"id": "s", "text": "\\ud800' + "经济发展很重要。城市经济发展。" * 3 + '"}'
    results = batch("[" * 100_000, surrogate, GOOD)
    assert results[0]["line"] == 1 and "error" in results[0]
    assert results[1]["id"] == "s" and "keywords" in results[1]
    assert results[2]["id"] == "ok"


def test_the_pool_gives_the_same_line_numbers() -> None:
    lines = [GOOD if i % 3 else "" for i in range(12)] + ["{bad"]
    result = run_cli("summary", "--batch", "-", "--jobs", "2", stdin="\n".join(lines).encode())
    assert result.returncode == 0
    errors = [json.loads(x) for x in result.stdout.splitlines() if b"error" in x]
    assert errors == [{"id": None, "line": 13, "error": errors[0]["error"]}]
