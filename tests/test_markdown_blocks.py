"""Markdown to blocks: plain paragraphs taken without the parser give what the parser gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.markdown_blocks import _NESTED_MARKERS, _parsed_blocks, markdown_blocks

# Lines mixing Chinese, Latin, digits and every character Markdown gives a meaning to.
_LINE = st.text(alphabet="汉字文章ab1 \t.*_-+#>|`[]()!<&~=:\\", max_size=12)
_PIECES = st.lists(
    st.one_of(
        _LINE,
        st.sampled_from(
            [
                "",
                "   ",
                "- 项",
                "1. 项",
                "    代码",
                "> 引",
                "===",
                "**粗体**",
                "行尾  ",
                "ab",
                "x\\",
            ]
        ),
    ),
    max_size=12,
)


def _parser_only(text: str) -> list:
    return _parsed_blocks(_NESTED_MARKERS.sub(r"\1\\\2", text))


@settings(max_examples=400, deadline=None)
@given(_PIECES)
def test_plain_paragraphs_skip_the_parser_with_the_same_blocks(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert markdown_blocks(text) == _parser_only(text)


def test_a_page_of_short_paragraphs_gives_a_block_each() -> None:
    text = "\n\n".join(
        ["五个汉字", "Latin words\nwrapped here", "二、标题", "## 小节", "正文"] * 50
    )
    blocks = markdown_blocks(text)
    assert blocks == _parser_only(text)
    assert [b.text for b in blocks[:5]] == [
        "五个汉字",
        "Latin words wrapped here",
        "二、标题",
        "小节",
        "正文",
    ]
    assert blocks[3].heading_level == 2
