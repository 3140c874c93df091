"""Say what a response really is before anyone parses it as minutes.

Councils answer web-service calls with HTML error pages, JavaScript redirect
stubs, meta refreshes, empty bodies or plain text; each gets a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

_JS_REDIRECT = re.compile(
    rb"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*['"]([^'"]*)['"]"""
    rb"""|location\.(?:replace|assign)\(\s*['"]([^'"]*)['"]""",
    re.IGNORECASE,
)
_META_REFRESH = re.compile(
    rb"""<meta[^>]+http-equiv\s*=\s*['"]?refresh['"]?[^>]*?content\s*=\s*['"]?\s*\d*\s*;?\s*(?:url\s*=\s*)?([^'">]*)""",
    re.IGNORECASE,
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(rb"<script.*?</script>|<style.*?</style>|<[^>]+>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Sniffed:
    """What a body is: ``kind`` is xml, pdf, html, js-redirect, meta-refresh, empty,
    xml-error or not-xml; ``reason`` is a one-line explanation for a report."""

    kind: str
    reason: str = ""
    root: Element | None = None  # the parsed XML, for kind == "xml"


def _visible_text(body: bytes) -> bytes:
    return b" ".join(_TAGS.sub(b" ", body).split())


def _title(body: bytes) -> str:
    m = _TITLE.search(body)
    return " ".join(m.group(1).decode("utf-8", "replace").split())[:80] if m else ""


def looks_html(body: bytes, content_type: str = "") -> bool:
    head = body[:2048].lstrip().lower()
    return (
        "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
    )


def sniff(body: bytes, content_type: str = "") -> Sniffed:
    """Classify ``body``; XML is parsed safely (no entities, no DTD tricks)."""
    stripped = body.strip()
    if not stripped:
        return Sniffed("empty", "empty response")
    if stripped.startswith(b"%PDF"):
        return Sniffed("pdf")
    meta = _META_REFRESH.search(stripped[:8192])
    if meta:
        return Sniffed(
            "meta-refresh", f"meta refresh redirect to '{meta.group(1).decode('utf-8', 'replace').strip()}'"
        )
    js = _JS_REDIRECT.search(stripped[:8192])
    if js and len(_visible_text(stripped)) < 300:
        target = (js.group(1) or js.group(2) or b"").decode("utf-8", "replace")
        return Sniffed("js-redirect", f"JavaScript redirect stub to '{target}'")
    if looks_html(stripped, content_type):
        title = _title(stripped)
        return Sniffed("html", f"HTML page{f' {title!r}' if title else ''} instead of XML")
    if not stripped.startswith(b"<"):
        preview = stripped[:40].decode("utf-8", "replace").replace("\n", " ")
        return Sniffed("not-xml", f"not XML (starts with {preview!r})")
    try:
        root = SafeET.fromstring(stripped)
    except DefusedXmlException as exc:
        return Sniffed("not-xml", f"XML refused for safety ({type(exc).__name__})")
    except SafeET.ParseError as exc:
        return Sniffed("not-xml", f"malformed XML ({exc})")
    tag = local_name(root.tag)
    if tag in ("string", "Fault", "Envelope", "error"):
        text = " ".join("".join(root.itertext()).split())[:120]
        return Sniffed("xml-error", f"web service error <{tag}>: {text or '(no message)'}")
    return Sniffed("xml", root=root)


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def expect_xml(body: bytes, content_type: str, *, root: str) -> Sniffed:
    """Sniff and insist on XML whose root element is ``root``."""
    found = sniff(body, content_type)
    if found.kind == "xml" and found.root is not None and local_name(found.root.tag) != root:
        return Sniffed("not-xml", f"unexpected XML <{local_name(found.root.tag)}> (expected <{root}>)")
    if found.kind == "pdf":
        return Sniffed("not-xml", "a PDF instead of XML")
    return found
