"""Meeting metadata read from the start of a minutes document.

Every loader calls ``meta_from_text`` on its text (the PDF loader on its front
blocks); structured sources (XML, HTML markup) then overlay what their markup
states outright. The header forms are in ``header_forms.py`` (one reader per
form), body and council names in ``bodies.py`` and ``council.py``. Only what
the document prints (or the site it came from) is returned; the rest is None.
"""

from __future__ import annotations

import re
from collections import Counter

from ..records import MeetingMeta
from ..text.dates import find_yearless_date
from .bodies import body_of, looks_like_body
from .council import banner_council, site_council, sole_council_named
from .header_forms import (
    FALLBACKS,
    FORMS,
    ISSUE_MEETING,
    SUBTITLE,
    WILL_BE_HELD,
    Reading,
    read_agenda_pack,
    read_subtitle,
)

#: How much of a document's start holds its header (committee, date, venue).
HEADER_CHARS = 4000
#: Forms whose body line is only trusted when it reads as a body's name.
_NEEDS_A_BODY = {
    "heading and date",
    "heading over date",
    "minutes of the body",
    "decision notice",
    "agenda with minutes",
}
#: Bodies that are their own authority (the "council" of their meetings).
_OWN_AUTHORITY = re.compile(
    r"(?:Combined Authority|Fire and Rescue Authority|Integration Joint Board|National Park Authority|"
    r"Council|Corporation|London Borough of .+|Royal Borough of .+)$"
)
_MEETING_OF_ITSELF = re.compile(
    r"\b(?:minutes|notes)\s+of\s+(?:a|an|the)\s+(?:\w+\s+)?meeting\s+(?:held|on)\b|\bcouncil\s+meeting\b",
    re.IGNORECASE,
)
_MINUTES_INSIDE = re.compile(r"^\s*(?:PRESENT|Present)\s*:|\bRESOLVED\b", re.MULTILINE)
VENUE = re.compile(r"^\s*(?:Venue|Place|Location)\s*:\s*(?P<venue>[^\n]+)", re.MULTILINE | re.IGNORECASE)
PRESENT = re.compile(
    r"^\s*(?:PRESENT|Present|Members present|Councillors "
    r"present)\s*:?\s*(?P<names>.+?)(?=\n\s*\n|\n\s*[A-Z][A-Za-z ]{2,30}:|"
    r"\n[A-Z ]{6,}\n|\Z)",
    re.MULTILINE | re.DOTALL,
)
APOLOGIES = re.compile(
    r"^\s*(?:Apologies(?: for absence)?)\s*:\s*(?P<names>.+?)(?=\n\s*\n|\n\s*[A-Z][A-Za-z ]{2,30}:|\Z)",
    re.MULTILINE | re.DOTALL,
)
_HONOURS = re.compile(r"^(?:OBE|MBE|CBE|JP|DL|KBE|BEM|QPM|MP|MEP)$")
_SELF_NOUNS = ("Board", "Committee", "Panel", "Sub-Committee")
_ACTS = (
    r"(?:noted|agreed|received|considered|resolved|approved|informed|heard|discussed|thanked|welcomed|requested"
    r"|queried|endorsed|supported|to\s+receive|to\s+note|to\s+consider|approves|notes|agrees)"
)

__all__ = [
    "HEADER_CHARS",
    "ISSUE_MEETING",
    "SUBTITLE",
    "find_council",
    "meta_from_text",
    "parse_subtitle",
    "split_names",
]


def parse_subtitle(text: str) -> tuple[str | None, str | None]:
    """(committee, ISO date) from "<Committee> - <Weekday>, <date> <time>"."""
    reading = read_subtitle(text)
    if reading is None:
        return None, None
    _council, committee = body_of(reading.body, need_noun=False)
    return committee, reading.date


def find_council(text: str) -> str | None:
    """The council a document's start names: a banner line, else the only council it names."""
    return banner_council(text) or sole_council_named(text)


def readings(head: str, text: str) -> list[Reading]:
    """Every header form that reads, in the order they are trusted."""
    found: list[Reading] = []
    if WILL_BE_HELD.search(head) and _MINUTES_INSIDE.search(text):
        pack = read_agenda_pack(head)
        if pack:
            found.append(pack)
    for _name, reader in FORMS:
        reading = reader(head)
        if reading:
            found.append(reading)
    return found


def meta_from_text(text: str, *, source_url: str | None = None) -> MeetingMeta:
    """What the start of a minutes document says about its meeting."""
    head = text[:HEADER_CHARS]
    council = committee = when = venue = None
    for reading in readings(head, text):
        body_council, body = (
            body_of(reading.body, need_noun=reading.need_noun) if reading.body else (None, None)
        )
        if reading.body and body is None and reading.form in _NEEDS_A_BODY:
            continue
        if body_council and not _OWN_AUTHORITY.search(body_council):
            body_council = None  # a joint panel is hosted by a council, not one itself
        council, committee = council or body_council, committee or body
        when, venue = when or reading.date, venue or reading.venue
    for _name, fallback in FALLBACKS:
        late = fallback(head)
        if late is None:
            continue
        when = when or late.date
        if committee is None and late.body:
            body_council, committee = body_of(late.body)
            council = council or (
                body_council if body_council and _OWN_AUTHORITY.search(body_council) else None
            )
    when = when or _yearless(head, text)
    committee = committee or named_self(head)
    council = (council or banner_council(head) or site_council(head, source_url)
               or sole_council_named(head, at_least=2))
    local = re.search(r"\b(Parish|Town|Community) Council$", council or "")
    if committee is None and local and _MEETING_OF_ITSELF.search(head):
        committee = f"{local.group(1)} Council"  # "Minutes of a Meeting held on ...": the council itself met
    labelled = VENUE.search(head)
    if labelled:
        venue = labelled.group("venue")
    if venue:
        venue = re.sub(r"\.?\s*View directions\.?\s*$", "", venue).strip(" .") or None
    present = PRESENT.search(head)
    apologies = APOLOGIES.search(head)
    return MeetingMeta(
        council=council,
        committee=committee,
        date=when,
        venue=venue,
        attendees=split_names(present.group("names")) if present else (),
        apologies=split_names(apologies.group("names")) if apologies else (),
    )


def _yearless(head: str, text: str) -> str | None:
    """"held on Friday 23rd August": the year the document mentions most that fits the weekday."""
    years = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text))
    if not years:
        return None
    found = find_yearless_date(head[:1500], [year for year, _ in years.most_common()])
    return found[0] if found else None


def named_self(head: str) -> str | None:
    """A page with no heading that calls its body "the Board" and names it once in
    full ("the Health and Wellbeing Board"): that full name."""
    for noun in _SELF_NOUNS:
        if not re.search(rf"\bthe {noun}\s+(?:had\s+|was\s+|were\s+)?{_ACTS}\b", head, re.IGNORECASE):
            continue  # the body must act in the meeting ("the Board noted"), not only be talked about
        names = Counter(
            m.group(1)
            for m in re.finditer(
                r"\bthe ((?:[A-Z][\w’'-]*|and|&|of|for)(?: "
                rf"(?:[A-Z][\w’'-]*|and|&|of|for)){{0,7}} {noun})\b(?!s)",
                head,
            )
            if m.group(1).split()[0][:1].isupper()
        )
        for name, _count in names.most_common():
            if looks_like_body(name) and name.lower() != noun.lower():
                return name
    return None


def split_names(text: str) -> tuple[str, ...]:
    """Names from "Mr A (Chairman), Mr B, Mrs C and Mr D" (roles dropped)."""
    flat = re.sub(r"\s+", " ", text)
    flat = re.sub(r"\([^()]*\)", "", flat)
    names: list[str] = []
    for part in re.split(r",|;|\band\b(?=\s+(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|[A-Z]))", flat):
        name = part.strip(" .:")
        if not name or _HONOURS.match(name) or len(name) > 60 or not name[0].isupper():
            continue
        if name.lower().startswith(("councillors ", "councillor ")) and " " in name:
            name = name.split(" ", 1)[1] if name.lower().startswith("councillors ") else name
        names.append(name)
    return tuple(names)
