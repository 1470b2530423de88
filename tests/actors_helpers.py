"""Helpers shared by the actors tests."""

from __future__ import annotations


def subtree(token):
    """The Span of a token's subtree: a syntactic argument as other components pass it."""
    return token.doc[token.left_edge.i:token.right_edge.i + 1]
