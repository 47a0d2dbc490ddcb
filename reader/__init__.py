"""zhreader: a terminal reader and summarizer for Chinese articles.

The package root holds the headless core (loading, structure, conversion,
analysis, notes); the Textual interface lives in ``reader.tui`` and is only
imported when the reader is opened.
"""

__version__ = "0.1.0"

# The library API (reader.api) is imported on first use (PEP 562), so that
# ``import reader`` stays cheap and loads neither the NLP stack nor Textual.
_API = frozenset(
    {
        "OUTLINE_SCHEMA",
        "SUMMARY_SCHEMA",
        "VARIANTS",
        "OutlineJSON",
        "SummaryJSON",
        "convert_script",
        "load",
        "outline",
        "prepare",
        "summarize",
        "summarize_batch",
    }
)


def __getattr__(name: str) -> object:
    if name in _API:
        from reader import api

        # ``reader.convert`` is the submodule reader/convert.py (the import system sets
        # it on the package), so the API's convert is offered here as convert_script.
        return api.convert if name == "convert_script" else getattr(api, name)
    raise AttributeError(f"module 'reader' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
