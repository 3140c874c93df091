"""Read the ModernGov web service answers (already sniffed as XML).

Counts carry leading spaces and empty elements hold whitespace, so every text
is stripped; nothing here trusts ids or dates beyond reading them.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from .paths import parse_uk_date
from .refs import CommitteeRef, MeetingRef
from .sniff import local_name

SERVICE = "mgWebService.asmx"


def _text(el: Element, name: str) -> str:
    for child in el:
        if local_name(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _all(root: Element, name: str) -> list[Element]:
    return [el for el in root.iter() if local_name(el.tag) == name]


def committees(root: Element) -> list[CommitteeRef]:
    """GetCommittees -> every committee with an id and a title."""
    refs = [CommitteeRef(_text(el, "committeeid"), " ".join(_text(el, "committeetitle").split()))
            for el in _all(root, "committee")]
    return [r for r in refs if r.id and r.title]


def meetings(root: Element) -> list[MeetingRef]:
    """GetMeetings -> every meeting listed (ids and dates unchecked)."""
    out = []
    for el in _all(root, "meeting"):
        raw_date = _text(el, "meetingdate")
        out.append(
            MeetingRef(_text(el, "meetingid"), parse_uk_date(raw_date), raw_date, _text(el, "meetingstatus"))
        )
    return [m for m in out if m.id]


def meeting_id(root: Element) -> str:
    return _text(root, "meetingid")


def minutes_state(root: Element) -> str | None:
    """None when GetMeeting holds minutes; otherwise why it has none."""
    bodies = [_text(item, "minutesnonemptyhtmlbody") for item in _all(root, "agendaitem")]
    if any(bodies):
        return None
    status = _text(root, "meetingstatus")
    if status.lower() == "cancelled":
        return "meeting cancelled; no minutes"
    if _text(root, "minutepublished").lower() != "true":
        return "no minutes published yet"
    return "minutes marked published but every item's minutes are empty"


def linked_documents(root: Element) -> list[tuple[str, str, str]]:
    """(attachment id, title, url) of every linked document."""
    docs = []
    for el in _all(root, "linkeddoc"):
        url = _text(el, "url")
        if url:
            docs.append((_text(el, "attachmentid"), _text(el, "title"), url))
    return docs
