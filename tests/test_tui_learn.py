"""The learner keys in the reader under Textual's pilot: p, l, v, + and lazy loading."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from reader.ingest.loading import load_path
from reader.learn.wordlist import saved_words
from reader.model import Location
from reader.notes.store import NoteStore
from reader.tui.app import ReaderApp
from reader.tui.dialogs import HelpScreen
from reader.tui.screens.learn_keys import cursor_word
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.widgets.dictionary_panel import DictionaryPanel

from .conftest import SAMPLES
from .pilot import settle

NEWS = SAMPLES / "01_news_scraped.txt"


def reader_app() -> ReaderApp:
    return ReaderApp(load_path(NEWS), str(NEWS.resolve()))


async def test_l_opens_the_dictionary_on_the_cursor_word_and_esc_closes_it() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert not screen.query("#dictionary")  # nothing of the dictionary before l
        await pilot.press("j", "l")
        screen = await settle(app, pilot)
        panel = screen.query_one("#dictionary", DictionaryPanel)
        assert panel.display and panel.entry is not None
        span = screen.model.cursor_span()
        assert span is not None
        sentence = screen.model.paragraph(span.section, span.paragraph).text[span.start : span.end]
        word = panel.entry.simplified
        assert word in sentence or panel.entry.traditional in sentence
        shown = str(panel.render())
        assert word in shown and panel.entry.senses[0].pinyin in shown
        await pilot.press("j")  # the panel follows the cursor
        await settle(app, pilot)
        assert panel.display
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display
        assert isinstance(app.screen, ReaderScreen)  # Esc closed the panel, not the reader


async def test_p_shows_readings_over_the_paragraphs_then_zhuyin_then_off() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        article = screen.article
        first = article.paragraphs[0]
        plain = article.drawn(*first)
        await pilot.press("p")
        await settle(app, pilot)
        assert article.interlinear_of(*first) is not None
        # laid out near the screen only: the last paragraph waits until it is shown
        assert article.interlinear_of(*article.paragraphs[-1]) is None
        lines = article.drawn(*first)
        assert len(lines) % 2 == 0 and len(lines) > len(plain)
        assert any(c in lines[0] for c in "āáǎàēéěèīíǐìōóǒòūúǔù")  # a pinyin line on top
        assert lines[1].strip() and lines[1].strip()[0] in screen.model.paragraph(*first).text
        await pilot.press("p")
        await settle(app, pilot)
        assert any("ㄅ" <= c <= "ㄩ" for c in "".join(article.drawn(*first)))  # 注音符号
        await pilot.press("p")
        await settle(app, pilot)
        assert article.interlinear_of(*first) is None and article.drawn(*first) == plain


async def test_v_marks_words_above_the_level_and_again_clears_them() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        article = screen.article
        marked = [(k, s) for k in article.paragraphs for s in article.marks_of(*k).get("level", [])]
        assert marked  # the default level is 4: a news article has harder words
        key, (start, end) = marked[0]
        from reader.learn.levels import is_above

        assert is_above(screen.model.paragraph(*key).text[start:end], 4)
        await pilot.press("v")
        await pilot.pause()
        assert not any(article.marks_of(*k).get("level") for k in article.paragraphs)


def set_level(folder: Path, level: int) -> None:
    """The reader's HSK level, as ``zhreader vocab --level`` leaves it in the store."""
    store = NoteStore.open(folder)
    store.set_setting("hsk_level", str(level))
    store.close()


def levels(screen: ReaderScreen) -> int:
    """How many words the article underlines as above the level."""
    article = screen.article
    return sum(len(article.marks_of(*k).get("level", [])) for k in article.paragraphs)


async def test_v_follows_the_level_the_reader_chose(private_data_dir: Path) -> None:
    set_level(private_data_dir, 1)
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("v")
        screen = await settle(app, pilot)
        level_1 = levels(screen)
        assert level_1 > 0
    set_level(private_data_dir, 7)
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        screen = await settle(app, pilot)
        level_7 = levels(screen)
        assert level_7 < level_1


async def test_plus_adds_the_cursor_word_with_its_sentence(private_data_dir: Path) -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("j", "plus")
        screen = await settle(app, pilot)
        span = screen.model.cursor_span()
        assert span is not None
        sentence = screen.model.paragraph(span.section, span.paragraph).text[span.start : span.end]
    store = NoteStore.open(private_data_dir)
    try:
        [saved] = saved_words(store)
    finally:
        store.close()
    assert saved.word and saved.word in sentence
    assert saved.sentence == sentence.strip()


def test_opening_the_reader_does_not_import_pypinyin() -> None:
    """The first paint must not pay for pypinyin or the dictionary: a fresh process
    opens the reader, waits for the summary, and looks at what was imported."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from reader.ingest.loading import load_path
        from reader.tui.app import ReaderApp

        async def main():
            app = ReaderApp(load_path({str(NEWS)!r}), {str(NEWS)!r})
            async with app.run_test(size=(120, 40)) as pilot:
                for _ in range(3):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                print(type(app.screen).__name__, len(app.screen.article.paragraphs))
            print("pypinyin" in sys.modules, "reader.learn.dictionary" in sys.modules)

        asyncio.run(main())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    opened, imported = result.stdout.strip().splitlines()[-2:]
    assert opened.startswith("ReaderScreen") and not opened.endswith(" 0")
    assert imported == "False False"


async def test_help_credits_cc_cedict() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "释义来自 CC-CEDICT（CC BY-SA 4.0）" in str(
            app.screen.query_one("#help-credit").render()
        )
        keys = str(app.screen.query_one("#help-keys").render())
        assert "查光标所在句子的词" in keys and "加入生词本" in keys


def test_the_cursor_word_skips_function_words_and_numbers() -> None:
    from reader.learn.dictionary import load_dictionary

    text = "他说二十年前我们在银行工作。"
    words = ["他", "说", "二十", "年前", "我们", "在", "银行", "工作", "。"]
    # from 他: 他 is a function word, 说 is the first word worth looking up
    assert cursor_word(text, 0, len(text), words, load_dictionary()) == (1, 2)
    # from 二十: the number is skipped for the next listed word
    start = text.index("二十")
    assert text[slice(*cursor_word(text, start, len(text), words, load_dictionary()))] == "年前"
    assert (
        text[slice(*cursor_word(text, text.index("我们"), len(text), words, load_dictionary()))]
        == "银行"
    )


def focused(screen: ReaderScreen) -> Location | None:
    """The span the screen hands its paragraph with the focus mark (the dictionary's word)."""
    spans = [Location(*key, *span) for key, m in screen.model.marks().items() for span in m.focus]
    return spans[0] if len(spans) == 1 else None


async def test_left_and_right_move_the_dictionary_word_across_sentences() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("right")  # the panel is closed: ← → are not the word cursor's
        await settle(app, pilot)
        assert screen.model.focus is None
        await pilot.press("j", "l")
        screen = await settle(app, pilot)
        panel = screen.query_one("#dictionary", DictionaryPanel)
        first = screen.model.focus
        assert first is not None and focused(screen) == first
        seen = [first]
        sentences = {screen.model.cursor}
        while (len(sentences) < 2 or len(seen) < 3) and len(seen) < 80:  # past a sentence end
            await pilot.press("right")
            await settle(app, pilot)
            here = screen.model.focus
            assert here is not None and here != seen[-1]
            si, pi, start, end = here.section, here.paragraph, here.start, here.end
            word = screen.model.paragraph(si, pi).text[start:end]
            assert panel.entry is None or word in (panel.entry.simplified, panel.entry.traditional)
            sentence = screen.model.cursor_span()
            assert sentence is not None and sentence.paragraph_key == (si, pi)
            assert sentence.start <= start < sentence.end  # the sentence follows the word
            assert focused(screen) == here  # drawn with the focus mark
            seen.append(here)
            sentences.add(screen.model.cursor)
        order = [(s.section, s.paragraph, s.start) for s in seen]
        assert order == sorted(order)
        assert len(sentences) > 1
        await pilot.press("left", "left")  # as fast as keys repeat: two steps back
        await settle(app, pilot)
        assert screen.model.focus == seen[-3]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.model.focus is None and not panel.display
        await pilot.press("left")
        await settle(app, pilot)
        assert screen.model.focus is None


async def test_the_panel_speaks_the_script_shown() -> None:
    from reader.learn.dictionary import load_dictionary

    path = SAMPLES / "02_essay_traditional.txt"
    app = ReaderApp(load_path(path), str(path.resolve()))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "l")
        screen = await settle(app, pilot)
        panel = screen.query_one("#dictionary", DictionaryPanel)
        assert panel.border_title == "詞典"
        assert "換詞" in str(panel.border_subtitle) and "關閉" in str(panel.border_subtitle)
        screen._show_entry(load_dictionary().lookup("圖書館"), "圖書館")
        await pilot.pause()
        shown = panel.render().plain
        assert "詞的組成：" in shown and "词的组成" not in shown
        screen._show_entry(None, "銳能")
        await pilot.pause()
        assert "銳能：詞典" in panel.render().plain


async def test_shift_v_steps_the_level_remembers_it_and_the_marks_follow(
    private_data_dir: Path,
) -> None:
    set_level(private_data_dir, 6)
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("v")
        screen = await settle(app, pilot)
        at_6 = levels(screen)
        await pilot.press("V")  # 6 → 7–9: fewer words are above it
        screen = await settle(app, pilot)
        assert 0 < levels(screen) < at_6
        assert any("HSK 7–9" in str(n.message) for n in app._notifications)
        await pilot.press("V")  # 7–9 → 1, round again: more than at 6
        screen = await settle(app, pilot)
        assert levels(screen) > at_6
    store = NoteStore.open(private_data_dir)
    try:
        assert store.setting("hsk_level", "") == "1"  # remembered for vocab and the library
    finally:
        store.close()


async def test_a_reader_who_used_the_aids_has_them_loaded_when_the_next_article_opens() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert not screen._learn_loaded  # a reader who never pressed p loads nothing of it
        assert not app.settings.learner
        await pilot.press("p")
        screen = await settle(app, pilot)
        assert app.settings.learner and screen._learn_loaded
    store = NoteStore.open()
    try:
        assert store.setting("learner", "no") == "yes"  # remembered for the next session
    finally:
        store.close()
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert app.settings.learner
        assert screen._learn_loaded  # loaded after the analysis, before any key
