"""Tidings: news articles in, traceable PLOVER political event data out, offline."""

from .annotate import annotate, annotate_article, annotate_many
from .model import Annotation, Article

__version__ = "0.1.0"

__all__ = ["Annotation", "Article", "annotate", "annotate_article", "annotate_many", "__version__"]
