"""zhreader: a terminal reader and summarizer for Chinese articles.

The package root holds the headless core (loading, structure, conversion,
analysis, notes); the Textual interface lives in ``reader.tui`` and is only
imported when the reader is opened.
"""

__version__ = "0.1.0"
