"""The exceptions persnews raises.

All of them derive from :class:`PersnewsError`, so ``except PersnewsError`` catches
everything the library raises on purpose. Wrong argument *types* raise the built-in
:class:`TypeError`; a value of the right type that is not allowed raises
:class:`InvalidOptionError` (a :class:`ValueError` too).

>>> from persnews.errors import InvalidOptionError, PersnewsError
>>> issubclass(InvalidOptionError, ValueError) and issubclass(InvalidOptionError, PersnewsError)
True
"""

from __future__ import annotations

__all__ = [
    "DataNotFoundError",
    "InputFormatError",
    "InvalidOptionError",
    "ModelNotFoundError",
    "PersnewsError",
]


class PersnewsError(Exception):
    """Base class of every exception raised by persnews on purpose."""


class InvalidOptionError(PersnewsError, ValueError):
    """An option has a value outside the allowed set; the message names both."""


class ModelNotFoundError(PersnewsError, FileNotFoundError):
    """A shipped model file is missing from the installed package."""


class DataNotFoundError(PersnewsError, FileNotFoundError):
    """A corpus under the shared data directory is missing (training and benchmarks only)."""


class InputFormatError(PersnewsError, ValueError):
    """An input record or file cannot be read (bad UTF-8, malformed JSON/CSV, missing column)."""


def check_choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise a clear error.

    >>> check_choice("digits", "latin", ("latin", "persian"))
    'latin'
    >>> check_choice("digits", "roman", ("latin", "persian"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    persnews.errors.InvalidOptionError: digits='roman' is not allowed; use one of: 'latin', ...
    """
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise InvalidOptionError(f"{name}={value!r} is not allowed; use one of: {choices}")
    return value
