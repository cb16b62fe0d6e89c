"""The ``persnews`` command line (typer): ``analyze``, ``demo``, ``report``, ``train``.

>>> from persnews.cli import app
>>> app.info.name
'persnews'
"""

from __future__ import annotations

from persnews.cli.main import app, main

__all__ = ["app", "main"]
