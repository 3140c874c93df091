"""Loaders: one module per source format, each turning a file into ordered blocks.

``load(path)`` sniffs the content (not just the extension) and dispatches.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import SourceError
from ..records import LoadedDocument

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".aspx": "html",
    ".xml": "xml",
    ".pdf": "pdf",
}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def detect_format(path: Path, head: bytes) -> str:
    """The format a file really is: content first, extension second."""
    if head.startswith(b"%PDF"):
        return "pdf"
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise SourceError(
            str(path),
            f"unknown file type '{path.suffix or '(none)'}'; expected one of {', '.join(sorted(SUFFIXES))}",
        )
    return fmt


def load(path: str | Path) -> LoadedDocument:
    """Read ``path`` and return its blocks; raises SourceError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise SourceError(str(path), "file is empty")
    fmt = detect_format(path, data[:1024])
    doc_id = sha256_bytes(data)
    if fmt == "pdf":
        from .pdf import load_pdf

        return load_pdf(path, data, doc_id)
    if fmt == "xml":
        from .moderngov_xml import load_xml

        return load_xml(path, data, doc_id)
    if fmt == "html":
        from .moderngov_html import load_html

        return load_html(path, data, doc_id)
    from .text import load_text

    return load_text(path, data, doc_id)
