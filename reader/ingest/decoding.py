"""Provides byte-to-text decoding for Chinese articles, detected, never asked for."""

from __future__ import annotations

import codecs
from itertools import islice

from reader.errors import ArticleError

# Magic numbers of the binary files people most often open by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.epub)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"RIFF": "a media file",
    b"SQLite format 3": "an SQLite database",
}

# The encodings Chinese text comes in, in the order we trust them.
_CHINESE_ENCODINGS = ["gb18030", "big5hkscs", "utf_16"]
SCORED_CHARS = 2000  # of each reading, to choose between GB18030 and Big5
# Real Chinese scores about 1.8 (short snippets: 95 % above 1.3), Korean read as GB18030
# 1.0, random bytes 0.4, Japanese below 0: under this, the detector judges.
MIN_SCORE = 1.1


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` to text, or raise ArticleError saying why it cannot be read.

    A given ``encoding`` wins. Otherwise: a BOM, then strict UTF-8, then strict
    GB18030 or Big5, the one made of real words if both read; text neither reads
    without errors goes to charset-normalizer; anything else is refused rather
    than shown as mojibake.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ArticleError(source, f"unknown encoding {encoding!r}") from None
        try:
            return _clean(data.decode(encoding), source)
        except UnicodeDecodeError as exc:
            raise ArticleError(
                source, f"not valid {encoding} (byte {exc.start}); try another --encoding"
            ) from None
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec), source)
            except UnicodeDecodeError:
                raise ArticleError(
                    source, f"starts like {codec} but is not valid {codec}"
                ) from None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(source, f"this is {kind}, not a text article")
    if b"\x00" in data:
        raise ArticleError(source, "binary data (NUL bytes), not a text article")
    try:
        return _clean(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if (text := _by_words(data)) is not None:
        return _clean(text, source)
    import charset_normalizer  # ~15-30 ms to import; only text that is not UTF-8 needs it

    best = charset_normalizer.from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best()
    if best is None or best.encoding == "utf_16":
        raise ArticleError(
            source, "cannot decode the text as UTF-8, GB18030 or Big5; try --encoding"
        )
    return _clean(str(best), source)


def _by_words(data: bytes) -> str | None:
    """The reading of ``data`` as GB18030 or Big5 that is made of real words: both
    encodings cover the same byte ranges, so short text reads as both (北京 is 控儔 in
    Big5, 謝謝 is 谅谅 in GB18030) and long text often does. The reading whose opening
    has more of the HSK syllabus's words wins; a detector's character statistics
    (charset-normalizer) got 90 % of short GB18030 snippets right, this nearly all
    (``benchmarks/short_encodings.py``). None, for the detector to judge, when neither
    reads without errors, when both score the same, or when the best reads as no
    Chinese (Korean, Japanese or random bytes that GB18030 happens to accept)."""
    scores: dict[str, tuple[float, str]] = {}
    for codec in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scores[codec] = (_words_score(_opening(text), simplified=codec == "gb18030"), text)
    ranked = sorted(scores.values(), key=lambda pair: pair[0], reverse=True)
    if not ranked or ranked[0][0] < MIN_SCORE:
        return None
    if len(ranked) == 2 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _opening(text: str) -> str:
    """The first characters that are not ASCII: a licence or a code block in front of
    the Chinese says nothing about its encoding."""
    return "".join(islice((c for c in text if c > "\x7f"), SCORED_CHARS))


_PUNCTUATION = frozenset("，。、；：？！「」『』（）《》〈〉“”‘’…—·")


def _words_score(text: str, simplified: bool) -> float:
    """Per character: two points in a word of the syllabus, one for another common
    character or Chinese punctuation, none for the rest (kana, Cyrillic, rare
    characters), minus one for a private-use character (a code with no character:
    Big5's punctuation read as GB18030) and, in a ``simplified`` reading (GB18030),
    for a traditional character."""
    from reader.convert import to_simplified
    from reader.syllabus import common_characters, known_words

    common, words = common_characters(), known_words()
    text = "".join(text.split())
    view = to_simplified(text)
    if len(view) != len(text):
        view = text
    points, at = 0, 0
    while at < len(view):
        size = next((n for n in (4, 3, 2) if at + n <= len(view) and view[at : at + n] in words), 1)
        char = text[at]
        if "\ue000" <= char <= "\uf8ff" or (simplified and size == 1 and view[at] != char):
            points -= 1
        elif size > 1 or view[at] in words:
            points += 2 * size
        else:
            points += int(view[at] in common or char in _PUNCTUATION)
        at += size
    return points / len(view) if view else 0.0


def _clean(text: str, source: str) -> str:
    """Unify line ends and reject text that is mostly control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    sample = text[:20000]
    if sample:
        controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
        if controls / len(sample) > 0.05:
            raise ArticleError(source, "binary data (control characters), not a text article")
    return text
