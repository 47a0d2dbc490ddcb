"""The word cursor's steps: Chinese words only, across sentences and paragraphs, stopping
at either end of the text."""

from __future__ import annotations

from reader.learn.word_cursor import step_in, step_word, stops

# A paragraph cut into words as the segmenter cuts it (covering the text).
FIRST = ["我们", "去", "银行", "。", "他", " ", "ABC", "很", "高兴", "！"]
SECOND = ["——", "  "]  # nothing Chinese: passed over
THIRD = ["明天", "见", "。"]
PARAGRAPHS = {(0, 0): FIRST, (0, 1): SECOND, (1, 0): THIRD}
ORDER = list(PARAGRAPHS)


def test_stops_are_the_chinese_words_at_their_offsets() -> None:
    assert stops(FIRST) == [(0, 2), (2, 3), (3, 5), (6, 7), (11, 12), (12, 14)]
    assert stops(SECOND) == []


def test_a_step_passes_over_punctuation_spaces_and_latin_text_and_sentence_ends() -> None:
    assert step_in(FIRST, 3, 1) == (6, 7)  # 银行 → past 。 → 他 (the next sentence)
    assert step_in(FIRST, 6, 1) == (11, 12)  # 他 → past " ABC" → 很
    assert step_in(FIRST, 11, -1) == (6, 7)
    assert step_in(FIRST, 0, -1) is None
    assert step_in(FIRST, 12, 1) is None


def test_past_a_paragraph_end_the_cursor_goes_to_the_next_paragraph_with_a_word() -> None:
    words_of = PARAGRAPHS.__getitem__
    assert step_word(ORDER, words_of, ((0, 0), 12), 1) == ((1, 0), (0, 2))
    assert step_word(ORDER, words_of, ((1, 0), 0), -1) == ((0, 0), (12, 14))
    assert step_word(ORDER, words_of, ((0, 0), 3), 1) == ((0, 0), (6, 7))


def test_at_either_end_of_the_text_there_is_no_step() -> None:
    assert step_word(ORDER, PARAGRAPHS.__getitem__, ((0, 0), 0), -1) is None
    assert step_word(ORDER, PARAGRAPHS.__getitem__, ((1, 0), 2), 1) is None


def test_only_the_paragraphs_passed_through_are_segmented() -> None:
    cut: list[tuple[int, int]] = []

    def words_of(key: tuple[int, int]) -> list[str]:
        cut.append(key)
        return PARAGRAPHS[key]

    step_word(ORDER, words_of, ((0, 0), 0), 1)
    assert cut == [(0, 0)]
