"""What a file really is, by its content first and its name second.

Councils publish minutes as PDF, Word (.docx), ModernGov HTML and XML, text
exports, Markdown pages (parish sites built with static generators, often with
HTML tables inside) and web pages saved under their server's extension
(``.php``, ``.aspx``). A file of any other type is not read, and says so in
one line ("unsupported type .odt"), rather than being skipped without a word.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import SourceError

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Pages saved under their server's extension: read as HTML or text by content.
WEB_PAGE_SUFFIXES = frozenset({".php", ".aspx", ".asp", ".jsp", ".cfm", ".shtml"})
READABLE_SUFFIXES = frozenset(
    {*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *WEB_PAGE_SUFFIXES, ".xml", ".pdf", ".docx"}
)
#: The loader for a file whose content shows nothing more telling.
BY_SUFFIX = {
    **{suffix: "text" for suffix in TEXT_SUFFIXES},
    **{suffix: "html" for suffix in HTML_SUFFIXES},
    ".xml": "xml",
    ".pdf": "pdf",
    ".docx": "docx",
}
#: Files a folder of minutes holds that are not minutes and need no report.
QUIET_NAMES = frozenset({"manifest.csv", "manifest.tsv", "manifest.yaml", "manifest.yml"})
#: A project's own notes beside the minutes: reported as skipped, never read as minutes.
DOC_NAMES = re.compile(
    r"^(?:readme|license|licence|changelog|contributing|sources)(?:\.\w+)?$", re.IGNORECASE
)
#: Types councils also publish that are not read, with what to do instead.
ADVICE = {
    ".doc": " (old Word format: save it as .docx or PDF)",
    ".odt": " (OpenDocument: save it as .docx or PDF)",
    ".rtf": " (save it as .docx or PDF)",
}

_HTML_DOCUMENT = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|<html[\s>]", re.IGNORECASE | re.DOTALL
)
_HTML_TAG = re.compile(
    rb"<(?:p|div|br|h[1-6]|table|tr|td|ul|ol|li|dl|dt|dd|span|strong|em|b|i|hr|body|head|section|article|time)[\s/>]",
    re.IGNORECASE,
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsupportedType(SourceError):
    """A file named to be read whose content is of a type this project does not read.

    (A folder walk skips such files by name, with a line, before reading them.)
    """


def skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is not read (None: read it).

    Judged on the name alone so that a walk never opens files it will not read.
    """
    name = path.name
    if name.lower() in QUIET_NAMES:
        return ""  # the manifest: read by the run, not reported
    if DOC_NAMES.match(name):
        return f"{name} is a notes file, not minutes"
    suffix = path.suffix.lower()
    if suffix in READABLE_SUFFIXES:
        return None
    return unsupported(suffix)


def unsupported(suffix: str) -> str:
    return f"unsupported type {suffix or '(no extension)'}{ADVICE.get(suffix, '')}"


def detect_format(path: Path, data: bytes) -> str:
    """"pdf", "docx", "xml", "html", "markdown" or "text"; raises UnsupportedType."""
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or _is_docx(data):
            return "docx"  # a broken .docx fails in its loader with the reason
        raise UnsupportedType(str(path), unsupported(suffix))
    if data.startswith(_OLE2):
        raise UnsupportedType(str(path), unsupported(".doc"))
    if data.lstrip()[:5] == b"{\\rtf":
        raise UnsupportedType(str(path), unsupported(".rtf"))
    head = data[:4096]
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in (".pdf", ".docx", ".xml"):
        return BY_SUFFIX[suffix]  # its loader says what is wrong with it ("not a readable PDF")
    if _HTML_DOCUMENT.search(head):
        return "html"
    if head.lstrip().startswith(b"<?xml"):
        return "xml"
    if suffix in BY_SUFFIX:
        return BY_SUFFIX[suffix]
    if suffix in WEB_PAGE_SUFFIXES or suffix == "":
        if len(_HTML_TAG.findall(data[:65536])) >= 3:
            return "html"
        if suffix:
            return "text"
    raise UnsupportedType(str(path), unsupported(suffix))


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
