"""The reader's own word list, kept in the real notes store's settings, and the word
at a cursor offset."""

from __future__ import annotations

from pathlib import Path

from reader.learn.pinyin import segmented, word_at
from reader.learn.wordlist import SETTING, add_word, remove_word, saved_words
from reader.notes.store import NoteStore


def test_words_are_added_once_in_either_script_and_survive_reopening(tmp_path: Path) -> None:
    store = NoteStore.open(tmp_path)
    assert add_word(store, "銀行", "我去銀行取錢。")
    assert not add_word(store, "银行", "另一句")
    assert add_word(store, "长城", " 我们去爬长城。 ")
    reopened = NoteStore.open(tmp_path)
    words = saved_words(reopened)
    assert [(w.word, w.sentence) for w in words] == [
        ("銀行", "我去銀行取錢。"),
        ("长城", "我们去爬长城。"),
    ]
    assert remove_word(reopened, "银行") and not remove_word(reopened, "银行")
    assert [w.word for w in saved_words(reopened)] == ["长城"]


def test_a_damaged_list_reads_as_empty(tmp_path: Path) -> None:
    store = NoteStore.open(tmp_path)
    store.set_setting(SETTING, "{not json")
    assert saved_words(store) == []
    assert add_word(store, "词", "一个词。")


def test_word_at_an_offset() -> None:
    text = "我去銀行取錢，他在路上行走。"
    assert word_at(text, 3) == (2, 4)  # 行 of 銀行
    assert text[slice(*word_at(text, 11))] == "行走"
    words = segmented(text)
    assert word_at(text, 0, words) == (0, 1)
    assert word_at(text, 99) == (99, 99)
