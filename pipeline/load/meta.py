"""Meeting metadata read from the text of a minutes document.

Every loader calls ``meta_from_text`` on the start of its text; structured
sources (XML, HTML) then overlay what their markup states outright. Only what
the document prints is returned; anything not found stays None.
"""

from __future__ import annotations

import re

from ..records import MeetingMeta
from ..text.dates import find_date, parse_date

#: How much of a document's start holds its header (committee, date, venue).
HEADER_CHARS = 4000

_COUNCIL_KINDS = r"(?:County Borough|Metropolitan Borough|Royal Borough|Borough|District|County|City|Town|Parish|Community)"
_NAME_WORD = r"[A-Z][A-Za-z'’\-]+"
COUNCIL = re.compile(
    rf"\b(?P<a>(?:{_NAME_WORD}\s+){{1,4}}?{_COUNCIL_KINDS}\s+Council)\b"
    rf"|\b(?P<b>(?:London|Royal)\s+Borough\s+of\s+{_NAME_WORD}(?:\s+(?:and\s+)?{_NAME_WORD}){{0,2}})"
    rf"|\b(?P<c>City\s+of\s+London\s+Corporation)\b"
    rf"|\b(?P<d>{_NAME_WORD}(?:\s+{_NAME_WORD})?\s+Council)\b(?!\s+(?:Chamber|House|Offices|Tax|Members?|meeting))"
)
_UPPER_COUNCIL = re.compile(rf"^\s*(?P<name>[A-Z][A-Z '\-]+ {_COUNCIL_KINDS.upper()} COUNCIL)\s*$", re.MULTILINE)
_NOT_A_COUNCIL_START = {
    "The", "This", "Each", "A", "An", "Full", "Whole", "Every", "Our", "Their", "Its", "Joint", "Your",
    "Town", "County", "Borough", "District", "City", "Parish", "Community", "Royal", "Metropolitan",
}

#: "Crime and Disorder Scrutiny - Monday, 8th March, 2010 6.30 pm"
SUBTITLE = re.compile(
    r"^(?P<committee>[^\n]{3,160}?)\s+[-–—]\s+(?P<when>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+[^\n]{6,40})$",
    re.MULTILINE,
)
#: "Meeting: 01/12/2009 - Joint Overview and Scrutiny Board (Item 12)"
ISSUE_MEETING = re.compile(
    r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[-–]\s*(?P<committee>.+?)\s*\((?:Item|Minute)\s+(?P<number>[^)]+)\)\s*$",
    re.MULTILINE,
)
#: "MINUTES of a meeting of the Cabinet held in the Council Chamber, ... on Thursday, 9 January 2025."
MINUTES_OF = re.compile(
    r"MINUTES\s+of\s+(?:a|the)\s+(?:meeting|proceedings)(?:\s+of\s+(?:the\s+)?(?P<committee>.+?))?"
    r"\s+held\s+(?:in|at)\s+(?:the\s+)?(?P<venue>[^.]+?)(?:\s+on\s+(?P<when>[^.]+?\d{4}))?\s*\.",
    re.IGNORECASE | re.DOTALL,
)
#: "CORPORATE PARENTING PANEL– 29 October 2024" (a running page header)
UPPER_HEADER = re.compile(r"^(?P<committee>[A-Z][A-Z&,' ]{3,80}?)\s*[-–—]+\s*(?P<when>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})\s*$", re.MULTILINE)
VENUE = re.compile(r"^\s*(?:Venue|Place|Location)\s*:\s*(?P<venue>[^\n]+)", re.MULTILINE | re.IGNORECASE)
DATE_LABEL = re.compile(r"^\s*(?:Date|Meeting date)\s*:\s*(?P<when>[^\n]+)", re.MULTILINE | re.IGNORECASE)
PRESENT = re.compile(r"^\s*(?:PRESENT|Present|Members present|Councillors present)\s*:?\s*(?P<names>.+?)(?=\n\s*\n|\n\s*[A-Z][A-Za-z ]{2,30}:|\n[A-Z ]{6,}\n|\Z)", re.MULTILINE | re.DOTALL)
APOLOGIES = re.compile(r"^\s*(?:Apologies(?: for absence)?)\s*:\s*(?P<names>.+?)(?=\n\s*\n|\n\s*[A-Z][A-Za-z ]{2,30}:|\Z)", re.MULTILINE | re.DOTALL)
_HONOURS = re.compile(r"^(?:OBE|MBE|CBE|JP|DL|KBE|BEM|QPM|MP|MEP)$")


def find_council(text: str) -> str | None:
    """The first council the text names ("Redditch Borough Council")."""
    upper = _UPPER_COUNCIL.search(text)
    if upper:
        return _titlecase(upper.group("name"))
    for match in COUNCIL.finditer(text):
        if _inside_brackets(text, match.start()):
            continue  # "(Powys County Council)" after a name is an affiliation
        name = next(group for group in match.groups() if group)
        name = re.sub(r"\s+", " ", name).strip()
        words = name.split()
        while words and words[0] in _NOT_A_COUNCIL_START and len(words) > 2:
            words = words[1:]
        if words and words[0] not in _NOT_A_COUNCIL_START:
            return " ".join(words)
    return None


def _inside_brackets(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("(") > before.count(")")


def parse_subtitle(text: str) -> tuple[str | None, str | None]:
    """(committee, ISO date) from "<Committee> - <Weekday>, <date> <time>"."""
    match = SUBTITLE.search(text)
    if not match:
        return None, None
    committee = match.group("committee").strip()
    # "Moved from 9th October 2018, Cabinet" keeps only the last clause.
    if "," in committee and find_date(committee):
        committee = committee.rsplit(",", 1)[1].strip()
    return committee or None, parse_date(match.group("when"))


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


def meta_from_text(text: str) -> MeetingMeta:
    """What the start of a minutes document says about its meeting."""
    head = text[:HEADER_CHARS]
    committee, when = parse_subtitle(head)
    venue = None
    issue = ISSUE_MEETING.search(head)
    if issue:
        committee = committee or issue.group("committee").strip()
        when = when or parse_date(issue.group("date"))
    minutes_of = MINUTES_OF.search(head)
    if minutes_of:
        if minutes_of.group("committee"):
            committee = committee or _one_line(minutes_of.group("committee"))
        venue = _one_line(minutes_of.group("venue"))
        if minutes_of.group("when"):
            when = when or parse_date(minutes_of.group("when"))
    upper = UPPER_HEADER.search(head)
    if upper:
        committee = committee or _titlecase(upper.group("committee").strip(" ,"))
        when = when or parse_date(upper.group("when"))
    labelled = VENUE.search(head)
    if labelled:
        venue = labelled.group("venue")
    if venue:
        venue = re.sub(r"\.?\s*View directions\.?\s*$", "", venue).strip(" .") or None
    if when is None:
        dated = DATE_LABEL.search(head)
        if dated:
            when = parse_date(dated.group("when"))
    present = PRESENT.search(head)
    apologies = APOLOGIES.search(head)
    return MeetingMeta(
        council=find_council(head),
        committee=committee,
        date=when,
        venue=venue,
        attendees=split_names(present.group("names")) if present else (),
        apologies=split_names(apologies.group("names")) if apologies else (),
    )


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.")


_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with"}


def _titlecase(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))
