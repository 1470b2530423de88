"""Tidings pipeline components, one per module, each registered with ``Language.factory``."""
