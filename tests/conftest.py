"""Shared fixtures. Data under ../shared/data is read by path; tests skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """``$PERSNEWS_DATA`` or ``../shared/data`` beside the repository."""
    return Path(os.environ.get("PERSNEWS_DATA", REPO.parent / "shared" / "data"))


def shared_seed_dir() -> Path:
    """``$PERSNEWS_SEED`` or ``../shared/seed`` beside the repository."""
    return Path(os.environ.get("PERSNEWS_SEED", REPO.parent / "shared" / "seed"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set PERSNEWS_DATA to its location)")
    return path


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    path = shared_seed_dir()
    if not (path / "article.txt").is_file():
        pytest.skip(f"seed article not found at {path} (set PERSNEWS_SEED to its location)")
    return path
