"""Reproducible builders of the data and models that ship inside persnews (training text only)."""

__all__: list[str] = []
