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
regular file. Files found in a folder are taken by suffix, or judged by a
function: a file of a type that is not read comes back as ``Unread`` (one
line, not a failure). Found files come in reading order: folder by folder,
and the same minutes in several formats (002.txt, 002.docx, 002.pdf) text
export first, so the one read best carries the facts and the others are
stored as its duplicates.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Which file of one meeting's twins is read first (see the module docstring).
PREFERENCE = {
    suffix: rank
    for rank, suffix in enumerate((".txt", ".text", ".html", ".htm", ".xml", ".md", ".docx", ".pdf"))
}
#: A folder's file judged by name: None to read it, a reason (one line) not to, "" to pass over quietly.
Judge = Callable[[Path], "str | None"]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"),
)


@dataclass(frozen=True)
class Skipped:
    """A path the walk refused, and why (one line)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Unread:
    """A file of a type that is not read ("unsupported type .odt"): reported, not a failure."""

    path: str
    reason: str


def reading_order(path: Path) -> tuple[str, str, int, str]:
    return str(path.parent), path.stem, PREFERENCE.get(path.suffix.lower(), len(PREFERENCE)), path.name


def walk(paths: Iterable[str | Path], suffixes: set[str] | Judge) -> Iterator[Path | Skipped | Unread]:
    """Files to ingest under ``paths`` in a stable order, and what was skipped."""
    judge = suffixes if callable(suffixes) else _by_suffix(suffixes)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path, judge)
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


def _by_suffix(suffixes: set[str]) -> Judge:
    return lambda path: None if path.suffix.lower() in suffixes else ""


def _walk_folder(root: Path, judge: Judge) -> Iterator[Path | Skipped | Unread]:
    real_root = os.path.realpath(root)
    found: list[Path] = []
    skipped: list[Skipped | Unread] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename or root), f"cannot read this folder ({exc.strerror or exc}): "
                                                          "its files were not ingested"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs.sort()
        for name in dirs:  # links to folders are not descended into (os.walk default)
            link = os.path.join(folder, name)
            if os.path.islink(link) and not _inside(real_root, link):
                skipped.append(
                    Skipped(link, f"link to {os.path.realpath(link)}, outside {root}: not followed")
                )
        for name in files:
            if name.startswith("."):
                continue
            full = Path(folder, name)
            reason = judge(full)
            if reason == "":
                continue
            if reason is not None:
                skipped.append(Unread(str(full), reason))
                continue
            if full.is_symlink() and not _inside(real_root, str(full)):
                skipped.append(
                    Skipped(str(full), f"link to {os.path.realpath(full)}, outside {root}: not followed")
                )
                continue
            problem = not_regular(full)
            if problem:
                skipped.append(Skipped(str(full), problem))
            else:
                found.append(full)
    yield from skipped
    yield from sorted(found, key=reading_order)
