"""Lexicons, dictionaries and gazetteers shipped with Tidings (see SOURCES.md)."""
