"""Finding the files an ingest reads.

A file name that is not UTF-8 (a Windows-1252 name copied off an old share)
is still a file: it is opened by its bytes, and stored and printed with the
undecodable bytes written as ``\\xNN``, so one odd name never stops a run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Extensions picked up when a folder is walked. A file named explicitly with
#: any other extension is still tried, and reported if it is not minutes.
DISCOVER_SUFFIXES = {".txt", ".html", ".htm", ".xml", ".pdf"}


@dataclass(frozen=True)
class Found:
    path: Path  # the name on disk (undecodable bytes kept as surrogate escapes)
    shown: str  # the name as stored in documents.path and printed


def shown_path(path: str | Path) -> str:
    """``path`` as text that UTF-8 (SQLite, a terminal) accepts."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return text


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and minutes-like files found by walking folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in DISCOVER_SUFFIXES:
                    yield child
        else:
            yield path


def discover_files(paths: Iterable[str | Path]) -> Iterator[Found]:
    for path in discover(paths):
        yield Found(path, shown_path(path))


def folder_prefixes(paths: Iterable[str | Path]) -> list[str]:
    """The folders among ``paths``, written as discovery writes the paths of
    the files inside them (what --prune compares stored paths with)."""
    return [shown_path(Path(raw)) for raw in paths if Path(raw).is_dir()]
