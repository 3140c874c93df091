"""Loaders: one module per source format, each turning a file into ordered blocks.

``load(path)`` sniffs the content (not just the extension, see ``sniff``) and
dispatches.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import SourceError
from ..records import LoadedDocument
from .page_kind import check_not_agenda
from .sniff import READABLE_SUFFIXES, UnsupportedType, detect_format, skip_reason

#: The extensions read (kept for callers that list them).
SUFFIXES = READABLE_SUFFIXES


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(path: str | Path) -> LoadedDocument:
    """Read ``path`` and return its blocks; raises SourceError naming the file,
    NotMinutesError for an agenda or a page that is not minutes (see page_kind)."""
    doc = _load(Path(path))
    if doc.format != "xml":
        check_not_agenda(doc.path, doc.blocks)
    return doc


def _load(path: Path) -> LoadedDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
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


__all__ = ["SUFFIXES", "UnsupportedType", "detect_format", "load", "sha256_bytes", "skip_reason"]
