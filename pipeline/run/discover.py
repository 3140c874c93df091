"""Finding the files an ingest reads (the walk itself is run/walk.py).

A file name that is not UTF-8 (a Windows-1252 name copied off an old share)
is still a file: it is opened by its bytes, and stored and printed with the
undecodable bytes written as ``\\xNN``, so one odd name never stops a run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..load import READABLE_SUFFIXES, skip_reason
from .walk import Skipped, Unread, walk

#: Extensions read when a folder is walked (every type ``load`` reads); any other
#: file is reported in one line ("skipped: ...: unsupported type .odt", see
#: ``load.skip_reason``). A file named explicitly is read by its content.
DISCOVER_SUFFIXES = set(READABLE_SUFFIXES)


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


def discover(
    paths: Iterable[str | Path], skipped: list[Skipped] | None = None, unread: list[Unread] | None = None
) -> Iterator[Path]:
    """Files named directly, and the files of folders of a type that is read;
    what the walk refused (unreadable folders, links out of the folder, FIFOs)
    goes to ``skipped``, files of types not read to ``unread`` (see run/walk.py).
    Their paths are given as ``shown_path`` writes them."""
    for found in walk(paths, skip_reason):
        if isinstance(found, Skipped):
            if skipped is not None:
                skipped.append(Skipped(shown_path(found.path), found.reason))
        elif isinstance(found, Unread):
            if unread is not None:
                unread.append(Unread(shown_path(found.path), found.reason))
        else:
            yield found


def discover_files(
    paths: Iterable[str | Path], skipped: list[Skipped] | None = None, unread: list[Unread] | None = None
) -> Iterator[Found]:
    for path in discover(paths, skipped, unread):
        yield Found(path, shown_path(path))


def folder_prefixes(paths: Iterable[str | Path]) -> list[str]:
    """The folders among ``paths``, written as discovery writes the paths of
    the files inside them (what --prune compares stored paths with)."""
    return [shown_path(Path(raw)) for raw in paths if Path(raw).is_dir()]
