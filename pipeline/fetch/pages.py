"""The fallback when the web service is refused: ModernGov's own HTML pages.

mgListCommittees.aspx lists committees; ieListMeetings.aspx?CId=..&Year=..
lists a year's meetings; ieListDocuments.aspx?CId=..&MId=.. is a meeting page
whose "Printed minutes" link (documents/g<MId>/... .pdf or mgConvert2PDF) is
the minutes.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html

from ..text.dates import find_date
from .refs import CommitteeRef, MeetingRef

COMMITTEES_PAGE = "mgListCommittees.aspx"
MEETINGS_PAGE = "ieListMeetings.aspx"
MEETING_PAGE = "ieListDocuments.aspx"
_MINUTES_TEXT = re.compile(r"\b(printed|public|signed|approved)?\s*minutes\b", re.IGNORECASE)


def _anchors(html: bytes, base: str) -> list[tuple[str, str]]:
    """(absolute href, text) of every link; unparseable markup gives none."""
    try:
        doc = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    out = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.lower().startswith(("javascript:", "mailto:", "#")):
            out.append((urljoin(base, href), " ".join(a.text_content().split())))
    return out


def _param(url: str, *names: str) -> str | None:
    query = {k.lower(): v for k, v in parse_qs(urlsplit(url).query).items()}
    for name in names:
        if query.get(name.lower()):
            return query[name.lower()][0]
    return None


def page_date(text: str) -> date | None:
    """'10 Feb 2026 10.00 am' or '10th February 2026' -> date (the project's one date reader)."""
    found = find_date(text)
    return date.fromisoformat(found[0]) if found else None


def committee_links(html: bytes, base: str) -> list[CommitteeRef]:
    refs: dict[str, CommitteeRef] = {}
    for href, text in _anchors(html, base):
        path = urlsplit(href).path.lower()
        cid = None
        if path.endswith("mgcommitteedetails.aspx"):
            cid = _param(href, "ID")
        elif path.endswith("ielistmeetings.aspx"):
            cid = _param(href, "CId", "CommitteeId")
        if cid and text and cid not in refs:
            refs[cid] = CommitteeRef(cid, text)
    return list(refs.values())


def meeting_links(html: bytes, base: str) -> list[MeetingRef]:
    refs: dict[str, MeetingRef] = {}
    for href, text in _anchors(html, base):
        if not urlsplit(href).path.lower().endswith(MEETING_PAGE.lower()):
            continue
        mid = _param(href, "MId", "MeetingId")
        if mid and mid not in refs:
            refs[mid] = MeetingRef(
                mid, page_date(text), text, "cancelled" if "cancel" in text.lower() else ""
            )
    return list(refs.values())


def minutes_links(html: bytes, base: str) -> list[str]:
    """Links to printed minutes PDFs on a meeting page, best first."""
    found = []
    for href, text in _anchors(html, base):
        lower = href.lower()
        is_pdf = ".pdf" in urlsplit(lower).path or "mgconvert2pdf" in lower
        if is_pdf and _MINUTES_TEXT.search(text) and "draft" not in text.lower():
            found.append((0 if "printed minutes" in text.lower() else 1, href))
    return [href for _, href in sorted(found, key=lambda p: p[0])]


def has_inline_minutes(html: bytes) -> bool:
    """A meeting page whose items carry 'Minutes:' sections holds the minutes itself."""
    return re.search(rb"mgSubItemTitleTxt[^>]*>\s*Minutes\s*:", html, re.IGNORECASE) is not None
