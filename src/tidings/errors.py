"""Errors with codes, so messages stay short and searchable."""

from __future__ import annotations


class TidingsError(Exception):
    """Base class of every error Tidings raises on purpose."""

    code = "T000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``file:line: [code] message`` on a single line."""
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        text = " ".join(str(self.message).split())
        return f"{where}[{self.code}] {text}"


class InputError(TidingsError):
    """An input file (or line) that cannot be read as an article."""

    code = "T100"


class DataFileError(TidingsError):
    """A lexicon, dictionary or pattern file that fails validation."""

    code = "T200"


class ModelNotFoundError(TidingsError):
    """No spaCy pipeline package could be loaded."""

    code = "T300"


class StoreError(TidingsError):
    """The DuckDB store cannot be opened or written."""

    code = "T400"


class UsageError(TidingsError):
    """A command-line or API argument is wrong."""

    code = "T500"
