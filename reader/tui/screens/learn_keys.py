"""Provides the learner keys of the reading screen: readings, the dictionary, levels, word list.

Nothing of ``reader.learn`` is imported until one of these keys is pressed:
pypinyin and the dictionary cost half a second and tens of MiB, which the
first paint must not pay. Each key runs in a thread worker that loads them
once (``preload``) and hands the result back to the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from reader.model import Location
from reader.tui.screens.note_keys import NO_CURSOR, ScreenParts

if TYPE_CHECKING:
    from reader.learn.dictionary import Dictionary, Entry
    from reader.learn.pinyin import ReadingStyle
    from reader.tui.widgets.interlinear import InterlinearParagraph

READINGS = (None, "pinyin", "zhuyin")  # what p cycles through
# Words a learner does not look up: the first other word of the sentence is meant.
FUNCTION_WORDS = frozenset(
    [*"的了在是和与及把被对从向为以于就都也又还而并或着过地得之其所让给将这那个我你他她它",
     "我们", "你们", "他们", "她们", "这个", "那个", "一个", "这些", "那些", "因为", "所以",
     "但是", "如果", "虽然", "可以", "已经", "没有", "不是", "就是", "还是", "以及", "以后"]
)  # fmt: skip
NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几")  # 二十, 三千: nothing to look up


def worth_looking_up(word: str) -> bool:
    """A Chinese word that is neither a function word nor a number."""
    from reader.learn.pinyin import has_han

    return has_han(word) and word not in FUNCTION_WORDS and not set(word) <= NUMERALS


def cursor_word(
    text: str, start: int, end: int, words: Sequence[str], dictionary: Dictionary
) -> tuple[int, int]:
    """The span of the word to look up in the sentence ``text[start:end]``: its first
    Chinese word the dictionary lists that is not a function word or a number, else
    the word at ``start``."""
    from reader.learn.pinyin import word_at

    at = 0
    for word in words:
        if start <= at < end and worth_looking_up(word) and dictionary.entry(word) is not None:
            return at, at + len(word)
        at += len(word)
    return word_at(text, start, words)


class LearnKeys(ScreenParts):
    """p readings over the text, l the dictionary, v words above the level, + the word list."""

    _learn_loaded = False
    _reading_style: str | None = None
    _level_marks: dict[tuple[int, int], list[tuple[int, int]]] | None = None
    _readings: ReadingStyle | None = None  # loaded and shown (p)
    _words: dict[str, list[str]] | None = None  # each paragraph's segmentation, by its text
    _word: Location | None = None  # the dictionary's word: ← → move it
    _dictionary: Dictionary | None = None  # once loaded

    def _segmented(self, text: str) -> list[str]:
        """In a worker: a paragraph's words, cut once for p, v, l and + (a 150,000-character
        article takes seconds to segment)."""
        from reader.learn.pinyin import segmented

        if self._words is None:
            self._words = {}
        if (words := self._words.get(text)) is None:
            words = self._words[text] = segmented(text)
        return words

    def _on_learner_key(self) -> None:
        """Said when a learner's key must wait for the data; the reader is remembered as a
        learner, so from the next article on the data is loaded before it is asked for."""
        if not self._learn_loaded:
            self.say("正在加载词典和拼音……", timeout=2)
        if not self.settings.learner:
            self.settings.learner = True
            if (store := self.model.store) is not None:
                self._write(lambda: self.settings.save(store), "设置未能保存")

    def preload_learning(self) -> Dictionary:
        """In a worker: the dictionary, pypinyin and the levels, loaded once (after the
        analysis, for a reader who has used them: see ``Settings.learner``)."""
        from reader.learn.preload import preload

        dictionary = preload(
            lambda: self.app.call_from_thread(self.say, "首次使用：正在准备词典……", timeout=3)
        )
        self._learn_loaded = True
        self._dictionary = dictionary
        return dictionary

    def _cursor_sentence(self) -> Location | None:
        span = self.model.cursor_span()
        if span is None:
            self.say(NO_CURSOR, timeout=2)
        return span

    # l: the dictionary

    def action_look_up(self) -> None:
        if (span := self._cursor_sentence()) is not None:
            self._on_learner_key()
            self._look_up(span)

    def _word_in(self, sentence: Location, dictionary: Dictionary) -> tuple[str, Location]:
        """In a worker: the word of ``sentence`` to look up (``cursor_word``) and where it is."""
        text = self.model.paragraph(sentence.section, sentence.paragraph).text
        first, last = cursor_word(
            text, sentence.start, sentence.end, self._segmented(text), dictionary
        )
        return text[first:last], Location(sentence.section, sentence.paragraph, first, last)

    @work(thread=True, exclusive=True, group="look-up")
    def _look_up(self, span: Location) -> None:
        dictionary = self.preload_learning()
        word, where = self._word_in(span, dictionary)
        entry = dictionary.lookup(word) if word else None
        self.app.call_from_thread(self._show_entry, entry, word, where)

    def _show_entry(self, entry: Entry | None, word: str, where: Location | None = None) -> None:
        from reader.tui.widgets.dictionary_panel import DictionaryPanel

        found = self.query("#dictionary")
        panel = found.first(DictionaryPanel) if found else DictionaryPanel(id="dictionary")
        if not found:
            self.mount(panel, before="#search")
        panel.border_title = self.model.label("词典")
        panel.border_subtitle = self.model.label("← → 换词 · Esc 关闭")
        panel.display = True
        panel.show_entry(entry, word, self.model.label)
        if where is not None and where.start < where.end:
            self._word = where
            self.model.focus_word(where)
            self._show_cursor()

    def dictionary_open(self) -> bool:
        found = self.query("#dictionary")
        return bool(found) and found.first().display

    def close_dictionary(self) -> bool:
        """Esc: close the panel if it is open (True when it was), and the word cursor."""
        if not self.dictionary_open():
            return False
        self.query_one("#dictionary").display = False
        if self._word is not None and self.model.focus == self._word:
            self.model.focus = None
            self.changed()
        self._word = None
        return True

    # ← →: the word cursor, with the dictionary open

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """← and → are the word cursor's only while the dictionary is open."""
        if action == "step_word":
            return self.dictionary_open() and self._word is not None
        return super().check_action(action, parameters)

    def action_step_word(self, step: int) -> None:
        """Here when the paragraphs passed through are already cut (every step within
        a paragraph: presses as fast as keys repeat), else in a worker that cuts them."""
        from reader.learn.word_cursor import step_word

        if self._word is None or self._dictionary is None:
            return
        cut = self._words or {}

        def words_of(key: tuple[int, int]) -> list[str]:
            if (words := cut.get(self.model.paragraph(*key).text)) is None:
                raise LookupError(key)
            return words

        here = self._word
        try:
            found = step_word(self._order(), words_of, (here.paragraph_key, here.start), step)
        except LookupError:
            self._step_word(here, step)
            return
        if found is not None:
            self._show_step(self._dictionary, found)

    @work(thread=True, exclusive=True, group="look-up")
    def _step_word(self, here: Location, step: int) -> None:
        from reader.learn.word_cursor import step_word

        dictionary = self.preload_learning()
        found = step_word(
            self._order(),
            lambda key: self._segmented(self.model.paragraph(*key).text),
            (here.paragraph_key, here.start),
            step,
        )
        # else the first or last word of the article: stay. A step cancelled by a newer
        # press (exclusive workers) must not land after it.
        if found is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_step, dictionary, found)

    def _order(self) -> list[tuple[int, int]]:
        return [(si, pi) for si, pi, _ in self.model.shown.paragraphs()]

    def _show_step(
        self, dictionary: Dictionary, found: tuple[tuple[int, int], tuple[int, int]]
    ) -> None:
        (si, pi), (first, last) = found
        word = self.model.paragraph(si, pi).text[first:last]
        self._show_entry(dictionary.lookup(word), word, Location(si, pi, first, last))

    def follow_cursor(self) -> None:
        """j/k with the panel open: look up the word of the new sentence."""
        if self.dictionary_open() and (span := self.model.cursor_span()) is not None:
            self._look_up(span)

    # +: the word list

    def action_add_word(self) -> None:
        if self.model.store is None:
            self.say("笔记库不可用，生词本无法保存", severity="error", timeout=3)
        elif (span := self._cursor_sentence()) is not None:
            self._on_learner_key()
            self._add_word(span)

    @work(thread=True, exclusive=True, group="add-word")
    def _add_word(self, span: Location) -> None:
        word, _ = self._word_in(span, self.preload_learning())
        sentence = self.model.paragraph(span.section, span.paragraph).text[span.start : span.end]
        self.app.call_from_thread(self._store_word, word, sentence)

    def _store_word(self, word: str, sentence: str) -> None:
        from reader.learn.wordlist import add_word

        store = self.model.store
        if not word or store is None:
            self.say(NO_CURSOR, timeout=2)
            return
        added: list[bool] = []
        if self._write(lambda: added.append(add_word(store, word, sentence)), "未能加入生词本"):
            told = "已加入生词本：{}" if added[0] else "生词本里已有：{}"
            self.say(told, word, timeout=2)

    # v: words above the reader's level

    def action_toggle_level(self) -> None:
        if self._level_marks is not None:
            self._level_marks = None
            self.article.set_levels(None)
            return
        from reader.learn.levels import chosen_level

        self._on_learner_key()
        # Read here: the store's connection belongs to this (the UI) thread.
        self._mark_levels(chosen_level(self.model.store))

    def action_next_level(self) -> None:
        """V: the next HSK level, remembered for the library's counts, ``vocab`` and v; the
        words marked by v follow it at once."""
        from reader.learn.levels import LEVELS, chosen_level, label, remember_level

        store = self.model.store
        level = LEVELS[(LEVELS.index(chosen_level(store)) + 1) % len(LEVELS)]
        if store is None:
            self.say("笔记库不可用，等级无法保存", severity="error", timeout=3)
            return
        if not self._write(lambda: remember_level(store, level), "等级未能保存"):
            return
        self.say("HSK 等级：{}", label(level), timeout=2)
        if self._level_marks is not None:
            self._mark_levels(level)

    @work(thread=True, exclusive=True, group="levels")
    def _mark_levels(self, level: int) -> None:
        from reader.learn.levels import spans_above

        self.preload_learning()
        marks = {
            (si, pi): spans_above(paragraph.text, level, self._segmented(paragraph.text))
            for si, section in enumerate(self.model.shown.sections)
            for pi, paragraph in enumerate(section.paragraphs)
        }
        self.app.call_from_thread(self._show_levels, marks, level)

    def _show_levels(self, marks: dict[tuple[int, int], list[tuple[int, int]]], level: int) -> None:
        from reader.learn.levels import label

        self._level_marks = marks
        self.article.set_levels(marks)
        self.say("已标出 {} 以上的词", label(level), timeout=2)

    # p: readings over the text

    def action_cycle_readings(self) -> None:
        style = READINGS[(READINGS.index(self._reading_style) + 1) % len(READINGS)]
        self._reading_style = style
        if style is None:
            self._readings = None
            self.article.set_readings(None)
            return
        self._on_learner_key()
        self._build_readings(style)

    @work(thread=True, exclusive=True, group="readings")
    def _build_readings(self, style: str) -> None:
        """In a worker: pypinyin and the dictionary, loaded once. The article lays out
        readings only for the paragraphs it shows, as it shows them."""
        from reader.learn.pinyin import ReadingStyle

        self.preload_learning()
        self.app.call_from_thread(self._show_readings, style, ReadingStyle(style))

    def _show_readings(self, style: str, reading_style: ReadingStyle) -> None:
        if style != self._reading_style:
            return  # pressed again meanwhile
        self._readings = reading_style
        self.learn_follow()

    def _interlinear(self, text: str) -> InterlinearParagraph:
        """One paragraph's readings, made when the article first shows it."""
        from reader.tui.widgets.interlinear import InterlinearParagraph

        assert self._readings is not None
        return InterlinearParagraph(text, self._readings, self._segmented(text))

    def learn_follow(self) -> None:
        """Give the article the readings (p): called when pypinyin is loaded, for each
        style and after a script change; the article lays them out as it shows them."""
        self.article.set_readings(self._interlinear if self._readings is not None else None)

    def after_convert(self) -> None:
        """Another script: the readings are of the old text, so compute them anew."""
        if self._reading_style is not None:
            self._build_readings(self._reading_style)
