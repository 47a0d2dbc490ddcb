"""Provides the reader's notes: the SQLite store and anchors that survive edits and scripts."""
