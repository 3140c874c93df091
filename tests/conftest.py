"""Fixtures and paths shared by several test files.

Two kinds of real documents feed the tests: the five seeds shipped in the
project's ``corpus/`` (always there), and ``../shared`` beside the project root
(the wider corpus, dev2 and its gold), which a fresh clone does not have. Every
test that reads ``../shared`` goes through the fixtures or helpers here, so it
skips with one reason when the folder is absent instead of failing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The ../shared folder beside the project root; may be absent (a fresh clone).
SHARED = ROOT.parent / "shared"
NO_SHARED = "../shared is not beside the project"
#: The seeds, byte for byte as in ../shared/seeds, shipped in the project.
SEED_DIR = ROOT / "corpus"
#: The five seed text exports shipped in corpus/ (the PDF twin is left out).
SEED_TEXTS = sorted(SEED_DIR.glob("*.txt"))
assert len(SEED_TEXTS) == 5, f"expected the five seed texts in {SEED_DIR}"


def seed_path(prefix: str) -> Path:
    """The seed text in corpus/ whose name starts with ``prefix`` ("000" … "004")."""
    (path,) = SEED_DIR.glob(f"{prefix}_*.txt")
    return path


def need_shared(*parts: str) -> Path:
    """``../shared/<parts>``; skips the calling test when ../shared is absent.

    When ../shared is there but the path is not, the path is returned anyway so
    the test fails loudly rather than skipping over a renamed file.
    """
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    return SHARED.joinpath(*parts)


def shared_files(subdir: str, pattern: str) -> list[Any]:
    """Files under ``../shared/<subdir>`` to parametrize over, never an empty list.

    Without ../shared: one parameter that skips with the reason. With it: the
    sorted matches, and an error at collection if there are none, so a loop over
    them cannot pass on nothing.
    """
    if not SHARED.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_SHARED), id="no-shared")]
    files = sorted((SHARED / subdir).glob(pattern))
    assert files, f"no {pattern} under {SHARED / subdir}"
    return files


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (skips when absent)."""
    return need_shared()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """../shared/corpus: pages/, pdf/, xml/ (skips when ../shared is absent)."""
    return need_shared("corpus")


@pytest.fixture(scope="session")
def dev2() -> Path:
    """../shared/dev2 and its gold (skips when ../shared is absent)."""
    return need_shared("dev2")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The project's corpus/ folder holding the seeds (never ../shared)."""
    return SEED_DIR


@pytest.fixture
def seed_folder(tmp_path: Path) -> Path:
    """A fresh folder holding copies of the seed texts, safe to touch or add to."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEED_TEXTS:
        shutil.copy(seed, folder / seed.name)
    return folder
