"""Reading articles from text, HTML, JSONL, folders and stdin.

``read_inputs(paths, published=None)`` yields an :class:`~tidings.model.Article` per article and an
:class:`~tidings.errors.InputError` per input (or JSONL line) that cannot be read, in input order.
"""

from .article import article_from_text, article_id, normalise_text
from .dates import parse_published
from .decode import Decoded, decode_bytes
from .html import article_from_html
from .jsonl import article_from_record
from .readers import SUPPORTED, read_file, read_folder, read_inputs, read_stdin

__all__ = [
    "SUPPORTED", "Decoded", "article_from_html", "article_from_record", "article_from_text", "article_id",
    "decode_bytes", "normalise_text", "parse_published", "read_file", "read_folder", "read_inputs", "read_stdin",
]
