"""The reader's own words (footer keys, help, dialogs, hints) follow the script shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label, Static
from textual.widgets._footer import FooterKey

from reader.convert import Variant, converter
from reader.ingest.loading import load_path
from reader.tui.app import ReaderApp
from reader.tui.dialogs import ExportPrompt, FilePicker, HelpScreen, NotesScreen, TextPrompt

from .conftest import SAMPLES
from .pilot import settle

NEWS = SAMPLES / "01_news_scraped.txt"  # simplified
ESSAY = SAMPLES / "02_essay_traditional.txt"  # traditional
TRADITIONAL = converter(Variant.TRADITIONAL, False)


def footer_words(app: ReaderApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


def labels(app: ReaderApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Label) if w.display)


async def test_footer_help_and_dialogs_speak_traditional_in_a_traditional_mode(
    private_data_dir: Path,
) -> None:
    app = ReaderApp(load_path(NEWS), str(NEWS))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert {"笔记", "帮助", "划线", "导出"} <= set(footer_words(app))
        await pilot.press("t")  # 原文 → 繁體 (简体 would look the same)
        screen = await settle(app, pilot)
        assert screen.model.variant is Variant.TRADITIONAL
        words = footer_words(app)
        assert {"筆記", "幫助", "劃線", "導出", "簡/繁"} <= set(words), words
        assert not {"笔记", "帮助", "划线", "导出", "简/繁"} & set(words)
        assert screen.query_one("#search", Input).placeholder == TRADITIONAL(
            "搜索（简繁通用），Enter 确定，Esc 关闭"
        )

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        title = labels(app)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        credit = str(app.screen.query_one("#help-credit", Static).render())
        assert title == TRADITIONAL("按键  （Esc 关闭；Ctrl+P 打开命令面板，可搜索全部操作）")
        assert TRADITIONAL("退出（阅读位置和笔记已自动保存）") in keys
        assert TRADITIONAL("在正文、目录、摘要之间移动焦点") in keys  # the Tab row too
        assert "笔记" not in keys and "阅读" not in keys
        assert credit == TRADITIONAL("释义来自 CC-CEDICT（CC BY-SA 4.0）")
        await pilot.press("escape")

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert TRADITIONAL("还没有笔记：在正文里按 h 划线，按 a 写批注。") in labels(app)
        assert labels(app).startswith("筆記（0）")
        await pilot.press("escape")

        await pilot.press("j", "a")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert TRADITIONAL("Enter 保存，Esc 取消") in labels(app)
        assert labels(app).startswith("批註：")
        await pilot.press("escape")

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportPrompt)
        assert labels(app).startswith(TRADITIONAL("导出笔记为 Markdown"))
        await pilot.press("escape")

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        assert labels(app).startswith("打開文章：")
        await pilot.press("escape")

        await pilot.press("t", "t", "t")  # 台灣正體, 香港繁體, back to 原文
        screen = await settle(app, pilot)
        assert screen.model.variant is Variant.ORIGINAL
        assert {"笔记", "帮助", "划线", "导出"} <= set(footer_words(app))


async def test_a_traditional_article_opens_with_traditional_keys() -> None:
    app = ReaderApp(load_path(ESSAY), str(ESSAY))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert screen.model.variant is Variant.ORIGINAL and screen.model.traditional
        words = footer_words(app)
        assert {"筆記", "幫助"} <= set(words) and "笔记" not in words
        await pilot.press("t")  # 简体: the keys follow back to 简体
        await settle(app, pilot)
        assert {"笔记", "帮助"} <= set(footer_words(app))


async def test_the_command_palette_lists_the_keys_in_the_script_shown() -> None:
    app = ReaderApp(load_path(ESSAY), str(ESSAY))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(screen)]
        for label in ("簡/繁", "劃線", "筆記", "導出", "目錄", "幫助"):
            assert any(t.startswith(label) for t in titles), label
        assert not any(t.startswith("笔记") for t in titles)
