"""CC-CEDICT lookups: either script finds the same entry, compounds show their parts,
and the converted index is built once and reused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.learn import dictionary
from reader.learn.dictionary import Dictionary, build, load_dictionary, parse_line, tone_marks


@pytest.fixture(scope="module")
def cedict() -> Dictionary:
    return load_dictionary()


@pytest.mark.parametrize(
    ("simplified", "traditional", "pinyin", "meaning"),
    [
        ("银行", "銀行", "yín háng", "bank"),
        ("长城", "長城", "Cháng chéng", "Great Wall"),
        ("图书馆", "圖書館", "tú shū guǎn", "library"),
        ("干净", "乾淨", "gān jìng", "clean"),
        ("发展", "發展", "fā zhǎn", "development"),
        ("头发", "頭髮", "tóu fa", "hair"),
    ],
)
def test_both_scripts_find_the_same_entry(
    cedict: Dictionary, simplified: str, traditional: str, pinyin: str, meaning: str
) -> None:
    by_simplified = cedict.lookup(simplified)
    by_traditional = cedict.lookup(traditional)
    assert by_simplified is not None and by_simplified == by_traditional
    assert (by_simplified.simplified, by_simplified.traditional) == (simplified, traditional)
    assert pinyin in by_simplified.pinyin
    assert meaning in " ".join(d for s in by_simplified.senses for d in s.definitions)


def test_a_compound_carries_the_entries_of_its_parts(cedict: Dictionary) -> None:
    entry = cedict.lookup("图书馆")
    assert entry is not None
    assert [p.simplified for p in entry.parts] == ["图书", "馆"]
    # A traditional compound is split in simplified form: 乾淨 → 干 (gān) + 净, not 乾 (qián).
    clean = cedict.lookup("乾淨")
    assert clean is not None and [p.simplified for p in clean.parts] == ["干", "净"]
    assert "gān" in clean.parts[0].pinyin
    assert cedict.lookup("好").parts == ()


def test_a_polyphonic_character_lists_every_reading(cedict: Dictionary) -> None:
    entry = cedict.lookup("行")
    assert entry is not None and {"háng", "xíng"} <= set(entry.pinyin.split(" / "))


def test_short_definition_skips_variants_and_surnames(cedict: Dictionary) -> None:
    entry = cedict.lookup("纸")
    assert entry is not None and entry.traditional == "紙"  # not the variant 帋
    assert entry.short_definition().startswith("paper")


def test_unknown_words_are_none(cedict: Dictionary) -> None:
    assert cedict.lookup("ABCXYZ") is None
    assert cedict.lookup("") is None


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [
        ("yin2 hang2", "yín háng"),
        ("lu:4 se4", "lǜ sè"),
        ("nu:3 er2", "nǚ ér"),
        ("gou3 zou3", "gǒu zǒu"),
        ("Bei3 jing1", "Běi jīng"),
        ("xiong2 liu2", "xióng liú"),
        ("shen2 me5", "shén me"),
        ("A1 fu4 han4", "Ā fù hàn"),
        ("san1 C", "sān C"),
    ],
)
def test_tone_marks(numbered: str, marked: str) -> None:
    assert tone_marks(numbered) == marked


def test_parse_line_reads_the_cedict_format() -> None:
    line = "銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/\n"
    assert parse_line(line) == ("銀行", "银行", "yin2 hang2", "bank/CL:家[jia1],個|个[ge4]")
    assert parse_line("# CC-CEDICT") is None


def test_the_index_is_built_from_the_text_and_reopened(tmp_path: Path) -> None:
    source = tmp_path / "mini.txt"
    source.write_text(
        "# header\n銀行 银行 [yin2 hang2] /bank/\n行 行 [xing2] /to walk/\n行 行 [hang2] /row/\n",
        encoding="utf-8",
    )
    target = tmp_path / "cache" / "cedict-v1-test.sqlite"
    build(source, target)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM entry").fetchone() == (3,)
    mini = Dictionary(target)
    entry = mini.lookup("銀行")
    assert entry is not None and [p.pinyin for p in entry.parts] == [
        "xíng / háng"
    ]  # 银 is not in it
    assert dictionary._usable(target) and not dictionary._usable(tmp_path / "missing.sqlite")
    mini.close()


def test_the_process_loads_the_dictionary_once() -> None:
    assert load_dictionary() is load_dictionary()
    assert dictionary.lookup("银行") == load_dictionary().lookup("銀行")


def test_an_unwritable_cache_directory_still_gives_a_dictionary(tmp_path: Path) -> None:
    """A read-only cache only costs speed: run in a new process with the cache
    directory a plain file (nothing can be created under it)."""
    import os
    import subprocess
    import sys

    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    code = "from reader.learn.dictionary import lookup; print(lookup('銀行').simplified)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "ZHREADER_CACHE_DIR": str(blocked / "cache")},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-400:]
    assert result.stdout.strip() == "银行"
