"""Provides what zhreader writes: outlines, summaries, batches and Markdown exports."""
