"""Provides the reader's widgets: the article view and the side panes."""
