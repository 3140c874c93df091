"""ModernGov web-service XML (mgWebService.asmx) to blocks.

Only a GetMeeting response with published minutes is minutes: one
``role="item"`` block per ``agendaitem``, then that item's minute
(``minutesnonemptyhtmlbody``, escaped Word HTML) and its "Actions" comment.
Other operations (GetCommittees, GetMeetings, ...) and meetings without
minutes are well-formed non-minutes. Councils sometimes answer with an HTML
error page or a JavaScript redirect, so the content is sniffed first.
Parsing goes through defusedxml: entity expansion and external entities are
refused.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import NotMinutesError, SourceError
from ..records import Block, LoadedDocument, MeetingMeta
from ..text.dates import parse_date
from ..text.itemtext import normalise_number
from .decode import decode_bytes
from .html_blocks import blocks_of
from .html_tree import parse_html

#: Root element -> what the response is, for the NotMinutesError reason.
OTHER_RESPONSES = {
    "committees": "GetCommittees response (a committee list)",
    "getmeetings": "GetMeetings response (a list of meetings)",
    "meetings": "GetMeetings response (a list of meetings)",
    "councillorsbyward": "GetCouncillorsByWard response (a councillor list)",
    "councillors": "GetCouncillors response (a councillor list)",
    "wards": "GetWards response (a ward list)",
    "members": "a member list",
    "issues": "an issue list",
    "documents": "a document list",
}
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<script|<meta)", re.IGNORECASE)


def load_xml(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Parse a ModernGov web-service response; only GetMeeting with minutes is accepted."""
    root = _parse(str(path), data)
    name = _local(root.tag).lower()
    if name != "meeting":
        what = OTHER_RESPONSES.get(
            name, f"an XML document whose root is <{_local(root.tag)}>, not a GetMeeting <meeting>"
        )
        raise NotMinutesError(str(path), f"not minutes: {what}")
    meta = _meeting_meta(root)
    blocks = _item_blocks(root)
    if not any(b.role == "para" for b in blocks):
        status = _text(root, "meetingstatus") or "unknown status"
        raise NotMinutesError(
            str(path),
            f"not minutes: GetMeeting response with no published minutes (meeting {status.lower()})",
        )
    return LoadedDocument(doc_id=doc_id, path=str(path), format="xml", blocks=tuple(blocks), meta=meta)


def _parse(path: str, data: bytes) -> Element:
    text = decode_bytes(path, data).lstrip("\ufeff")
    if not text.strip():
        raise SourceError(path, "empty web-service response")
    if _HTML_START.match(text) or (not text.lstrip().startswith("<")):
        kind = (
            "a JavaScript redirect"
            if "<script" in text.lower()[:2000] or "location" in text.lower()[:2000]
            else "an HTML page"
        )
        if not text.lstrip().startswith("<"):
            kind = "plain text"
        raise SourceError(path, f"not XML: the server answered with {kind} instead of a web-service response")
    try:
        return fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(
            path, f"unsafe XML refused ({type(exc).__name__}: entity or external reference)"
        ) from exc
    except ParseError as exc:
        raise SourceError(path, f"malformed XML ({exc})") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el: Element, name: str) -> Element | None:
    for child in el:
        if _local(child.tag).lower() == name:
            return child
    return None


def _text(el: Element, name: str) -> str | None:
    """Text of a direct child, with whitespace-only treated as missing."""
    child = _child(el, name)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _meeting_meta(root: Element) -> MeetingMeta:
    committee = _text(root, "committeetitle") or _text(root, "committeename")
    if committee is None:
        for item in root.iter():
            if (
                _local(item.tag).lower() in {"refertocommittee", "committeetitle"}
                and item.text
                and item.text.strip()
            ):
                committee = item.text.strip()
                break
    attendees: list[str] = []
    apologies: list[str] = []
    for person in root.iter():
        if _local(person.tag).lower() != "attendee":
            continue
        name = (person.get("name") or "").strip()
        if not name:
            continue
        attendance = (person.get("attendance") or "").lower()
        (apologies if "apolog" in attendance else attendees).append(name)
    date = _text(root, "meetingdate")
    return MeetingMeta(
        committee=committee,
        date=parse_date(date) if date else None,
        venue=_text(root, "meetinglocation"),
        attendees=tuple(attendees),
        apologies=tuple(apologies),
        external_id=_text(root, "meetingid"),
        title=" - ".join(part for part in (committee, date) if part) or None,
    )


def _item_blocks(root: Element) -> list[Block]:
    items = _child(root, "agendaitems")
    blocks: list[Block] = []
    for item in items if items is not None else ():
        if _local(item.tag).lower() != "agendaitem":
            continue
        number = _text(item, "fulldisplaynumberformat") or _text(item, "agendaitemnumber")
        number = normalise_number(number) if number else None
        title = _unescape(_text(item, "agendaitemtitle") or "") or None
        heading = (
            " ".join(part for part in (f"{number}." if number else None, title) if part) or "Agenda item"
        )
        blocks.append(
            Block(
                heading, role="item", number=number or None, title=title, issue_id=_text(item, "agendaitemid")
            )
        )
        blocks.extend(Block(text) for text in _html_texts(_text(item, "minutesnonemptyhtmlbody")))
        if (_text(item, "commentlabel2") or "").lower() == "actions":
            actions = _html_texts(_text(item, "commenttext2"))
            if actions:
                blocks.append(Block("Actions:"))
                blocks.extend(Block(text) for text in actions)
    return blocks


def _unescape(text: str) -> str:
    """Undo entity escaping, twice when a council double-encoded it ("&amp;amp;")."""
    for _ in range(2):
        if "&" not in text:
            break
        text = htmllib.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


def _html_texts(body: str | None) -> list[str]:
    """Paragraph texts of an escaped Word HTML fragment."""
    if not body:
        return []
    if "&lt;" in body or "&amp;lt;" in body:  # double-encoded: the markup is still escaped once
        body = htmllib.unescape(body)
    if "<" not in body:
        return [_unescape(body)] if body.strip() else []
    root = parse_html(f"<div>{body}</div>")
    return [block.text for block in blocks_of(root) if block.text.strip()]
