"""Provides the screens of the reader: the library and the reading screen."""
