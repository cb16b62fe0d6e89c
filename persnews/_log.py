"""The library logger: ``logging.getLogger("persnews")`` with a NullHandler only."""

from __future__ import annotations

import logging

logger = logging.getLogger("persnews")
logger.addHandler(logging.NullHandler())
