"""``python -m persnews ...``: the same commands as the ``persnews`` script."""

from __future__ import annotations

import sys

from persnews.cli.main import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
