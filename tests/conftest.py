"""Fixtures shared by several test files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The five seed text exports shipped in corpus/ (the PDF twin is left out).
SEED_TEXTS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.fixture
def seed_folder(tmp_path: Path) -> Path:
    """A fresh folder holding copies of the seed texts, safe to touch or add to."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEED_TEXTS:
        shutil.copy(seed, folder / seed.name)
    return folder
