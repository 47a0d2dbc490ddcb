"""Provides the reading screen's keys: the footer, the help screen and the palette read them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding, BindingsMap, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("down", "scroll_article('down')", "下", show=False, tooltip="向下滚动一行"),
    Binding("up", "scroll_article('up')", "上", show=False, tooltip="向上滚动一行"),
    Binding(
        "pagedown,space",
        "scroll_article('page_down')",
        "下一页",
        show=False,
        key_display="PgDn/Space",
        tooltip="下一页（空格键也可以）",
    ),
    Binding("pageup", "scroll_article('page_up')", "上一页", show=False, tooltip="上一页"),
    Binding("home", "scroll_article('home')", "开头", show=False, tooltip="回到开头"),
    Binding("end", "scroll_article('end')", "结尾", show=False, tooltip="跳到结尾"),
    Binding("q", "app.quit", "退出", tooltip="退出（阅读位置和笔记已自动保存）"),
    Binding(
        "escape", "back", "返回", show=False, tooltip="关闭搜索或面板，回到正文；再按回到文章库"
    ),
    Binding(
        "t", "cycle_script", "简/繁", tooltip="切换字形：原文 → 简体 → 繁體 → 台灣正體 → 香港繁體"
    ),
    Binding(
        "slash", "search", "搜索", tooltip="在文中搜索（简繁通搜：搜「開發」也能找到「开发」）"
    ),
    Binding("n", "next_match", "下一个", show=False, tooltip="下一个搜索结果"),
    Binding("N", "next_match(-1)", "上一个", show=False, tooltip="上一个搜索结果"),
    Binding("j", "move_cursor(1)", "下一句", show=False, tooltip="阅读光标移到下一句"),
    Binding("k", "move_cursor(-1)", "上一句", show=False, tooltip="阅读光标移到上一句"),
    Binding("h", "highlight", "划线", tooltip="给光标所在的句子划线（再按一次取消）"),
    Binding("H", "highlight_paragraph", "划整段", show=False, tooltip="给光标所在的整段划线"),
    Binding("a", "annotate", "批注", tooltip="给光标所在的句子写批注"),
    Binding("b", "bookmark", "书签", show=False, tooltip="给光标所在的段落加书签"),
    Binding("m", "notes", "笔记", tooltip="笔记列表：跳转、删除"),
    Binding("full_stop", "next_note(1)", "下一条笔记", show=False, tooltip="跳到下一条笔记"),
    Binding("comma", "next_note(-1)", "上一条笔记", show=False, tooltip="跳到上一条笔记"),
    Binding("e", "export", "导出", tooltip="把摘要和笔记导出为 Markdown"),
    Binding("w", "toggle_keywords", "关键词", show=False, tooltip="在正文中标出关键词"),
    Binding(
        "p", "cycle_readings", "拼音", show=False, tooltip="在正文上方注音：拼音 → 注音符号 → 关闭"
    ),
    Binding("l", "look_up", "查词", show=False, tooltip="查光标所在句子的词（Esc 关闭词典）"),
    Binding("left", "step_word(-1)", "上一个词", show=False, tooltip="词典打开时：查上一个词"),
    Binding("right", "step_word(1)", "下一个词", show=False, tooltip="词典打开时：查下一个词"),
    Binding("v", "toggle_level", "生词", show=False, tooltip="标出超出你 HSK 等级的词"),
    Binding(
        "V", "next_level", "等级", show=False, tooltip="换 HSK 等级：1 → 2 → … → 7–9 → 1（记住）"
    ),
    Binding("plus", "add_word", "加生词", show=False, tooltip="把光标处的词和句子加入生词本"),
    Binding("left_square_bracket", "toggle_pane('nav')", "目录", tooltip="显示/隐藏目录"),
    Binding("right_square_bracket", "toggle_pane('summary')", "摘要", tooltip="显示/隐藏摘要"),
    Binding("i", "toggle_indent", "缩进/空行", show=False, tooltip="段落首行缩进 ⇄ 段间空行"),
    Binding("o", "app.open_file", "打开", show=False, tooltip="打开其他文件"),
    Binding(
        "r",
        "app.reload",
        "重新读取",
        show=False,
        tooltip="重新读取这篇文章（网页重新抓取，文件重新读取；笔记跟着原文）",
    ),
    Binding("d", "app.toggle_dark", "明/暗", show=False, tooltip="明亮/暗色主题"),
    Binding("question_mark", "help", "帮助", tooltip="本帮助"),
]

# Help rows for what is not a key of the screen.
MORE_HELP: list[tuple[str, str]] = [
    ("Enter", "在目录/关键句上：跳转到该处"),
    ("Ctrl+P", "命令面板"),
    ("鼠标", "点标题、关键句跳转；点句子移动阅读光标"),
]


def in_script(bindings: BindingsMap, say: Callable[[str], str]) -> BindingsMap:
    """A copy of ``bindings`` whose descriptions and tooltips (written in 简体) are in the
    script shown: ``say`` is the reader's ``Reading.label``. The footer reads them, so
    it follows 繁體 as the status line does (the help screen and the palette put the
    same texts through the same ``say``).

    Textual keeps a screen's keys in a BindingsMap built once from BINDINGS and has
    no API for changing a description; the screen swaps in this copy instead when
    the script changes (the keys and actions stay the same)."""
    converted = bindings.copy()
    converted.key_to_bindings = {
        key: [replace(b, description=say(b.description), tooltip=say(b.tooltip)) for b in items]
        for key, items in bindings.key_to_bindings.items()
    }
    return converted
