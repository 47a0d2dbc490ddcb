"""Provides getting articles in: bytes to text, text to a Document (structure, headings, metadata)."""
