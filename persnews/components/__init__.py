"""Thin spaCy component wrappers around the pure logic in ``persnews.extract``.

Importing a module here registers its factory with spaCy.
"""
