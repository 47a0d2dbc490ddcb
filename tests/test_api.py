"""The library API: ``import reader`` is cheap, results equal the CLI's JSON, the schema
is versioned and typed, and the functions work from threads and process pools."""

from __future__ import annotations

import functools
import json
import pickle
import subprocess
import sys
import types
import typing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import reader
from reader import api
from reader.errors import ArticleError

from .conftest import SAMPLES, run_cli

ARTICLES = sorted(p for p in SAMPLES.iterdir() if p.name != "README.md")


def test_import_reader_loads_neither_the_api_nor_nlp_nor_textual() -> None:
    code = (
        "import sys, reader\n"
        "heavy = [m for m in ('reader.api', 'snownlp', 'opencc', 'numpy', 'textual')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "assert callable(reader.summarize) and 'reader.api' in sys.modules\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = reader.no_such_function  # type: ignore[attr-defined]
    assert "summarize" in dir(reader)


@pytest.mark.parametrize("article", [ARTICLES[0], ARTICLES[1]], ids=lambda p: p.name)
def test_summarize_equals_summary_json(article: Path) -> None:
    cli = run_cli("summary", "--json", "--to", "taiwan", "-k", "6", "-n", "3", str(article))
    assert cli.returncode == 0, cli.stderr
    ours = reader.summarize(article, keywords=6, sentences=3, to="taiwan")
    assert json.loads(cli.stdout) == json.loads(json.dumps(ours))
    assert ours["schema"] == reader.SUMMARY_SCHEMA == "zhreader.summary/1"


def test_outline_equals_outline_json() -> None:
    article = SAMPLES / "04_markdown_guide.md"
    cli = run_cli("outline", "--json", str(article))
    assert cli.returncode == 0, cli.stderr
    ours = reader.outline(article)
    assert json.loads(cli.stdout) == ours
    assert ours["schema"] == "zhreader.outline/1"


def _conforms(value: Any, hint: Any, where: str) -> None:
    """Check ``value`` against a TypedDict / list / Optional / scalar type hint, exactly."""
    origin = typing.get_origin(hint)
    if typing.is_typeddict(hint):
        assert isinstance(value, dict), where
        hints = typing.get_type_hints(hint)
        assert set(value) == set(hints), f"{where}: keys {set(value) ^ set(hints)}"
        for key, sub in hints.items():
            _conforms(value[key], sub, f"{where}.{key}")
    elif origin is list:
        assert isinstance(value, list), where
        (item,) = typing.get_args(hint)
        for k, element in enumerate(value):
            _conforms(element, item, f"{where}[{k}]")
    elif origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None:
            assert type(None) in options, where
        else:
            (other,) = [o for o in options if o is not type(None)]
            _conforms(value, other, where)
    elif hint is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), where
    else:
        assert isinstance(value, hint) and not isinstance(value, bool), f"{where}: {value!r}"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_real_output_matches_the_typed_schema(article: Path) -> None:
    document = reader.load(article)
    _conforms(reader.summarize(document, to="simplified"), api.SummaryJSON, "summary")
    _conforms(reader.outline(document), api.OutlineJSON, "outline")


def test_the_schema_checker_can_fail() -> None:
    broken = dict(reader.summarize(SAMPLES / "07_bike_lanes.txt"))
    broken["keywords"] = [{"word": 3, "score": 1.0}]
    with pytest.raises(AssertionError):
        _conforms(broken, api.SummaryJSON, "summary")


def test_load_reads_paths_bytes_text_and_documents() -> None:
    path = SAMPLES / "05_rural_delivery_gb18030.txt"
    from_path = reader.load(path)
    from_str_path = reader.load(str(path))
    from_bytes = reader.load(path.read_bytes())
    assert from_path.body_text == from_str_path.body_text == from_bytes.body_text
    text = "城市经济\n\n经济发展很重要。城市经济发展的步伐很快，工厂订单排到了明年。"
    from_text = reader.load(text)
    assert "工厂订单" in from_text.body_text
    assert reader.load(from_text) is from_text


def test_load_bad_input_is_an_article_error() -> None:
    with pytest.raises(ArticleError):
        reader.load("   ")
    with pytest.raises(ArticleError):
        reader.load(Path("/no/such/article.txt"))
    with pytest.raises(TypeError):
        reader.load(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        reader.summarize("经济发展很重要。", to="klingon")


def test_a_url_without_the_web_loader_is_one_clear_error() -> None:
    import importlib.util

    if importlib.util.find_spec("reader.ingest.sources") is not None:
        pytest.skip("the web loader is present: URL loading is tested with it")
    with pytest.raises(ArticleError, match="not available"):
        reader.load("https://example.com/a.html")


def test_convert_text_and_document() -> None:
    assert reader.convert_script is api.convert
    assert reader.convert_script("经济发展", to="traditional") == "經濟發展"
    assert reader.convert_script("經濟發展", to="simplified") == "经济发展"
    document = reader.load(SAMPLES / "02_essay_traditional.txt")
    simplified = reader.convert_script(document, to="simplified")
    assert simplified.body_text != document.body_text
    assert simplified.body_text == reader.convert_script(document.body_text, to="simplified")


def _texts() -> list[str]:
    return [
        p.read_bytes().decode("utf-8", errors="replace") for p in ARTICLES if "gb" not in p.name
    ]


def test_eight_threads_give_the_serial_results() -> None:
    texts = _texts()[:8]
    serial = [reader.summarize(t, to="taiwan") for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: reader.summarize(t, to="taiwan"), texts * 2))
    assert threaded == serial * 2


def test_functions_pickle_and_run_in_a_process_pool() -> None:
    for function in (
        reader.summarize,
        reader.outline,
        reader.convert_script,
        api.convert,
        reader.load,
    ):
        assert pickle.loads(pickle.dumps(function)) is function
    texts = _texts()[:4]
    serial = [reader.summarize(t, keywords=5) for t in texts]
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(functools.partial(reader.summarize, keywords=5), texts))
        documents = list(pool.map(reader.load, texts))
    assert pooled == serial
    assert [d.body_text for d in documents] == [reader.load(t).body_text for t in texts]


def test_summarize_batch_streams_in_order() -> None:
    good = json.dumps({"id": "a", "text": "经济发展很重要。城市经济发展的步伐很快。"})
    lines = iter([good, "", "{bad", good.replace('"a"', '"b"')])
    results = list(reader.summarize_batch(lines, jobs=1))
    assert [r.get("id") for r in results] == ["a", None, "b"]
    assert results[1] == {"id": None, "line": 3, "error": results[1]["error"]}
    assert results[0]["schema"] == "zhreader.summary/1"
