"""Where benchmark scripts find ../shared/data (``PERSNEWS_DATA`` overrides it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The shared data directory; exits with a clear message when it is missing."""
    path = Path(os.environ.get("PERSNEWS_DATA", REPO.parent / "shared" / "data"))
    if not path.is_dir():
        sys.exit(f"shared data not found at {path}; set PERSNEWS_DATA to its location")
    return path


def seed_dir() -> Path:
    """The seed article directory (``PERSNEWS_SEED`` overrides it)."""
    path = Path(os.environ.get("PERSNEWS_SEED", REPO.parent / "shared" / "seed"))
    if not path.is_dir():
        sys.exit(f"seed article not found at {path}; set PERSNEWS_SEED to its location")
    return path
