"""Loaders: one module per source format, each turning a file into ordered blocks.

``load(path)`` sniffs the content (not just the extension, see ``sniff``) and
dispatches.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SourceError
from ..records import LoadedDocument
from .page_kind import check_not_agenda
from .sniff import READABLE_SUFFIXES, UnsupportedType, detect_format, skip_reason

#: The extensions read (kept for callers that list them).
SUFFIXES = READABLE_SUFFIXES


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class FileBytes:
    """A file's bytes with the size and mtime of that very read (None when the
    file changed while it was being read, so the next run reads it again)."""

    data: bytes
    size: int | None
    mtime: float | None


def read_file(path: str | Path) -> FileBytes:
    """Read once: bytes, size and mtime from one open file, not three looks."""
    with open(path, "rb") as fh:
        before = os.fstat(fh.fileno())
        data = fh.read()
        after = os.fstat(fh.fileno())
    same = before.st_size == after.st_size == len(data) and before.st_mtime_ns == after.st_mtime_ns
    return FileBytes(data, after.st_size if same else None, after.st_mtime if same else None)


def load(path: str | Path, read: FileBytes | None = None) -> LoadedDocument:
    """Read ``path`` (or use ``read``, its bytes already read) and return its
    blocks; raises SourceError naming the file, NotMinutesError for an agenda
    or a page that is not minutes (see page_kind). The document carries the
    size and mtime of the read its bytes came from."""
    path = Path(path)
    if read is None:
        try:
            read = read_file(path)
        except OSError as exc:
            raise SourceError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    doc = _load(path, read.data)
    if doc.format != "xml":
        check_not_agenda(doc.path, doc.blocks)
    return replace(doc, size=read.size, mtime=read.mtime)


def _load(path: Path, data: bytes) -> LoadedDocument:
    if not data.strip():
        raise SourceError(str(path), "file is empty")
    fmt = detect_format(path, data)
    doc_id = sha256_bytes(data)
    if fmt == "pdf":
        from .pdf import load_pdf

        return load_pdf(path, data, doc_id)
    if fmt == "docx":
        from .docx import load_docx

        return load_docx(path, data, doc_id)
    if fmt == "xml":
        from .moderngov_xml import load_xml

        return load_xml(path, data, doc_id)
    if fmt == "html":
        from .moderngov_html import load_html

        return load_html(path, data, doc_id)
    if fmt == "markdown":
        from .markdown import load_markdown

        return load_markdown(path, data, doc_id)
    from .text import load_text

    return load_text(path, data, doc_id)


__all__ = ["SUFFIXES", "FileBytes", "UnsupportedType", "detect_format", "load", "read_file", "sha256_bytes",
           "skip_reason"]
