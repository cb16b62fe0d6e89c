"""Griffe extension for the docs site: show doctest examples in docstrings as code blocks.

Also turns Sphinx cross-reference roles (``:func:`name```) into inline code.

persnews docstrings carry runnable ``>>>`` examples (pytest runs them). Markdown would read
them as nested block quotes and their ``x[0]`` as reference links, so this extension wraps
each run of example lines (prompt, continuation and expected output, up to a blank line) in a
fenced ``pycon`` block before mkdocstrings renders the docstring.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_PROMPT = re.compile(r"^(\s*)>>>( |$)")
_ROLE = re.compile(r":(?:func|class|mod|meth|data|attr|exc|obj):`~?")


def fence_doctests(text: str) -> str:
    """``text`` with every doctest block fenced; other lines unchanged."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _PROMPT.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match.group(1)
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctest examples of every loaded object's docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
        if obj.docstring is not None and ":`" in obj.docstring.value:
            # Sphinx roles (:func:`x`) read as plain code in Markdown.
            obj.docstring.value = _ROLE.sub("`", obj.docstring.value)
