"""The core imports and runs without Textual, so the CLI stays fast."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "reader.model",
    "reader.sentences",
    "reader.decoding",
    "reader.loading",
    "reader.structure",
    "reader.headings",
    "reader.metadata",
    "reader.boilerplate",
    "reader.markdown_blocks",
    "reader.cli",
    "reader.outline_text",
    "reader.resources",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
