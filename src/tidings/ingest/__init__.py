"""Reading articles from text, HTML, JSONL, folders and stdin."""

from .article import article_from_text, article_id, normalise_text
from .readers import read_inputs

__all__ = ["article_from_text", "article_id", "normalise_text", "read_inputs"]
