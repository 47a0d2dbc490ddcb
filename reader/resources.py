"""Provides the paths of files shipped with zhreader: stylesheets and sample articles.

In a wheel they live under ``reader/_data``; in a source checkout or an
editable install they are the top-level ``styles/`` and ``sample_articles/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SAMPLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def styles_dir() -> Path:
    """The folder holding the TCSS files."""
    return _data_dir("styles")


def samples_dir() -> Path:
    """The folder holding the bundled sample articles."""
    return _data_dir("sample_articles")


def sample_articles() -> list[Path]:
    """The bundled sample articles, in their numbered order."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in _SAMPLE_SUFFIXES and not p.name.upper().startswith("README")
    )
