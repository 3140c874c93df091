"""Find the files to ingest under the paths given, without being led astray.

A folder is walked for minutes-like files (by suffix, not hidden ones). What
the walk will not take is reported as a ``Skipped`` with its reason, never
passed over in silence:

- a folder it cannot read (the run must not look complete when it is not);
- a link that leads outside the folder given (a link to a system file must
  not be stored as minutes); links that stay inside are followed;
- anything that is not a regular file: opening a FIFO blocks the run for
  ever, and sockets and devices are not documents either.

A file named directly is taken as given (links included), unless it is not a
regular file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"),
)


@dataclass(frozen=True)
class Skipped:
    """A path the walk refused, and why (one line)."""

    path: str
    reason: str


def walk(paths: Iterable[str | Path], suffixes: set[str]) -> Iterator[Path | Skipped]:
    """Files to ingest under ``paths`` in a stable order, and what was skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path, suffixes)
        else:
            problem = not_regular(path)
            yield Skipped(str(path), problem) if problem else path


def not_regular(path: Path) -> str | None:
    """Why ``path`` (links followed) cannot be read as a document, or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or type(exc).__name__})"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: skipped"


def _inside(root: str, path: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk_folder(root: Path, suffixes: set[str]) -> Iterator[Path | Skipped]:
    real_root = os.path.realpath(root)
    found: list[Path] = []
    skipped: list[Skipped] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename or root), f"cannot read this folder ({exc.strerror or exc}): "
                                                          "its files were not ingested"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs.sort()
        for name in dirs:  # links to folders are not descended into (os.walk default)
            link = os.path.join(folder, name)
            if os.path.islink(link) and not _inside(real_root, link):
                skipped.append(Skipped(link, f"link to {os.path.realpath(link)}, outside {root}: not followed"))
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in suffixes:
                continue
            full = Path(folder, name)
            if full.is_symlink() and not _inside(real_root, str(full)):
                skipped.append(Skipped(str(full), f"link to {os.path.realpath(full)}, outside {root}: not followed"))
                continue
            problem = not_regular(full)
            if problem:
                skipped.append(Skipped(str(full), problem))
            else:
                found.append(full)
    yield from skipped
    yield from sorted(found)
