"""Provides the messages the reading screen's workers post back to it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.convert import Variant
from reader.model import Document
from reader.nlp.analysis import Analysis
from reader.tui.widgets.article_blocks import Retext


@dataclass
class AnalysisReady(Message):
    """The worker has summarized the document."""

    analysis: Analysis


@dataclass
class Converted(Message):
    """The worker has converted the document to another script, and made its blocks."""

    variant: Variant
    document: Document
    blocks: Retext | None = None
