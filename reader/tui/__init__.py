"""Provides the Textual interface of zhreader; nothing in the core imports it."""
