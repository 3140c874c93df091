"""The forms in which UK minutes state their meeting, one reader per form.

Each reader looks at the start of a document and returns a ``Reading`` (the
body's name as printed, the meeting date, a venue) or None. ``meta.py`` tries
them in the order of ``FORMS``: the forms that label the meeting outright
(ModernGov page headings, "Meeting: dd/mm/yyyy - X (Item N)", decision fields)
before sentences ("Minutes of a meeting of X held at V on D") and heading
blocks (a body's name over a date line). Fallbacks only fill what is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text.dates import find_date, parse_date

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


@dataclass(frozen=True)
class Reading:
    form: str
    body: str | None = None  # the body's name as printed (cleaned by bodies.body_of)
    date: str | None = None  # ISO
    venue: str | None = None
    need_noun: bool = True  # free text: the name must end like a body ("... Committee")
    date_only: bool = False  # a fallback that may give a date but no body


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def lines(head: str, limit: int = 20) -> list[str]:
    return [line.strip() for line in head.split("\n") if line.strip()][:limit]


#: "Crime and Disorder Scrutiny - Monday, 8th March, 2010 6.30 pm" (ModernGov h2), or its date on the next
#: line
SUBTITLE = re.compile(
    rf"^(?P<body>[^\n]{{3,200}}?)(?:\s+[-–—]\s+|[ \t]*\n[ \t]*)(?P<when>{_WEEKDAY},?\s+[^\n]{{6,40}})$",
    re.MULTILINE,
)
#: "Agenda and minutes: Cabinet, 9 January 2025", "Agenda for X on Wednesday 6 November 2019, 10.00 am",
#: "Meeting of Standards Committee on Wednesday, 21 May 2003, 7.30pm" (page titles)
PAGE_TITLE = re.compile(
    r"^(?:(?:Agenda(?:,\s*decisions)?(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?|Minutes|Decisions)\s*:\s*"
    r"|Agenda\s+for\s+|Meeting\s+of\s+)"
    rf"(?P<body>(?:(?!\bheld\b)[^\n]){{3,160}}?)(?:,\s*|\s+on\s+)(?P<when>(?:{_WEEKDAY},?\s+)?\d{{1,2}}[^\n]*?\d{{4}})",
    re.MULTILINE,
)
#: "Meeting: 01/12/2009 - Joint Overview and Scrutiny Board (Item 12)" (ieIssueDetails)
ISSUE_MEETING = re.compile(
    r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[-–]\s*(?P<committee>.+?)\s*\((?:Item|Minute)\s+(?P<number>[^)]+)\)\s*$",
    re.MULTILINE,
)
#: "Decided at meeting: 24/01/2024 - Cabinet" (ieDecisionDetails)
DECIDED_AT = re.compile(
    r"^Decided at meeting:\s*(?P<when>\d{1,2}/\d{1,2}/\d{2,4})\s*[-–]\s*(?P<body>[^\n]+?)\s*$", re.MULTILINE
)
DECISION_MAKER = re.compile(r"^Decision Maker:\s*(?P<body>[^\n]+?)\s*$", re.MULTILINE)
DECISION_DATE = re.compile(
    r"^(?:Date of decision|Decision date):\s*(?P<when>[^\n]+?)\s*$", re.MULTILINE | re.IGNORECASE
)
#: "Decision determined at Transport & Connectivity Policy Committee meeting on 15 May 2025" (decision
#: notices)
DETERMINED_AT = re.compile(
    r"\bDecisions?\s+(?:determined|taken|made)\s+(?:at|by)\s+(?:the\s+)?(?P<body>[^.]{3,150}?)\s+meeting\s+(?:held\s+)?on\s+",
    re.IGNORECASE,
)
#: "MINUTES of a meeting of the Cabinet held in ... on ...", "Minutes of Meeting of the X Committee held ...",
#: "Draft Notes from the Extraordinary Meeting of the Town Council held on ...", "At a meeting of X held at
#: ..."
MINUTES_OF = re.compile(
    r"(?:\b(?:minutes?|(?:draft\s+)?notes|record)\s+(?:of|from)\s+(?:(?:a|an|the)\s+)?|\bAt\s+(?:a|an|the)\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:meeting|proceedings)(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?meeting)?"
    r"(?:\s+of\s+(?P<body>(?:(?!\bheld\b)(?:\bNo\.|[^.])){2,160}?))?\s*,?\s+(?:held|convened|which\s+took\s+place)\b(?P<rest>[^\n]{0,240})",
    re.IGNORECASE,
)
#: "Minutes of the Parish Council's Monthly Meeting held on 10 March 2021"
POSSESSIVE = re.compile(
    r"\bminutes\s+of\s+the\s+(?P<body>[^.'’]{2,80}?)['’]s\s+(?:[\w-]+\s+){0,2}meeting\s+held\b(?P<rest>[^\n]{0,200})",
    re.IGNORECASE,
)
#: "Minutes of the Transport & Connectivity Policy Committee 15 May 2025 at 4.30 pm" (heading over several
#: lines)
MINUTES_OF_BODY = re.compile(
    r"\bminutes\s+of\s+(?:the\s+)?(?!(?:a|an|the)?\s*(?:meeting|proceedings)\b)(?P<body>(?:(?!\bheld\b)[^.\n]){3,120}?)\s*[,–-]?\s+"
    rf"(?=(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{{4}})",
    re.IGNORECASE,
)
#: "A meeting of the Audit Committee will be held:" (an agenda's front sheet)
WILL_BE_HELD = re.compile(
    r"\bA\s+meeting\s+of\s+(?:the\s+)?(?P<body>[^.:\n]{3,100}?)\s+will\s+be\s+held\b", re.IGNORECASE
)
PREVIOUS_MINUTES = re.compile(
    r"\bminutes\s+of\s+the\s+(?:previous\s+|last\s+)?meeting\s+held\s+on\s+", re.IGNORECASE
)
_PREVIOUS_CONTEXT = re.compile(
    r"(?:\b(?:approve|approved|confirm|confirmed|receive|consider|agree|agreed|signed|sign|adopt)\b|\d[.)]?)\s*$",
    re.IGNORECASE,
)
_SAID_OF_PREVIOUS = re.compile(
    r"^[^.]{0,60}?\b(?:be|were|was)\s+(?:approved|agreed|signed|confirmed|taken as read)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(
    r"(?<!\bSt)(?<!\bNo)\.\s+(?=[A-Z(])|\s+(?:PRESENT|Present|Members Present|In the Chair)\b"
)
VENUE_IN = re.compile(r"^\s*(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)(?:,?\s+on\s+|\.\s|\.$|$)", re.IGNORECASE)
#: "Date: 22 October 2009" (capitalised: a lower-case "date:" is a web page's front matter, not the meeting)
DATE_LABEL = re.compile(
    r"^\s*(?:Date|DATE|Meeting [Dd]ate|Date of [Mm]eeting)\s*:\s*(?P<when>[^\n]+)", re.MULTILINE
)
#: "... the minutes of the monthly meeting of the Council of 1st October be taken as read",
#: "Consider Minute of Scottish Borders Council held on 26 October 2023 for approval"
SELF_REFERENCE = re.compile(
    r"\b[Mm]inutes?\s+of\s+(?:the\s+)?(?:(?:proceedings|previous|last|monthly|ordinary)\s+(?:of\s+the\s+)?)*"
    r"(?:(?:monthly\s+|ordinary\s+)?meeting\s+of\s+)?(?:the\s+)?(?P<body>[A-Z]"
    r"[\w&’' -]{1,80}?)\s+(?:held\s+on|of)\s+[^.]{0,60}?"
    r"\b(?:taken\s+as\s+read|approved|approval|agreed|signed|signing|correct\s+record)\b",
)


def _cut_at_date(body: str | None) -> tuple[str | None, str | None]:
    """"Planning Committee Wednesday, 11th May 2016" -> ("Planning Committee", "2016-05-11")."""
    if not body:
        return body, None
    found = find_date(body)
    if found is None:
        return body, None
    return body[: found[1]].strip(" ,–-") or None, found[0]


def read_subtitle(head: str) -> Reading | None:
    for match in SUBTITLE.finditer(head):
        body = match.group("body").strip()
        if "," in body and find_date(body):  # "Moved from 9th October 2018, Cabinet"
            body = body.rsplit(",", 1)[1].strip()
        when = parse_date(match.group("when"))
        if when:
            return Reading("subtitle", body, when, need_noun=False)
    return None


def read_page_title(head: str) -> Reading | None:
    match = PAGE_TITLE.search(head)
    if match and parse_date(match.group("when")):
        return Reading("page title", match.group("body"), parse_date(match.group("when")), need_noun=False)
    return None


def read_issue(head: str) -> Reading | None:
    match = ISSUE_MEETING.search(head)
    if match:
        return Reading(
            "issue meeting", match.group("committee"), parse_date(match.group("date")), need_noun=False
        )
    return None


def read_decision(head: str) -> Reading | None:
    decided = DECIDED_AT.search(head)
    if decided:
        return Reading(
            "decided at meeting", decided.group("body"), parse_date(decided.group("when")), need_noun=False
        )
    maker, dated = DECISION_MAKER.search(head), DECISION_DATE.search(head)
    if maker or dated:
        return Reading("decision fields", maker.group("body") if maker else None,
                       parse_date(dated.group("when")) if dated else None, need_noun=False)
    return None


def read_determined(head: str) -> Reading | None:
    text = flat(head)
    match = DETERMINED_AT.search(text)
    if match:
        return Reading(
            "decision notice", match.group("body"), parse_date(text[match.end() : match.end() + 40])
        )
    return None


def _is_previous(text: str, start: int, after: str) -> bool:
    """A mention of an earlier meeting's minutes (an item approving them), not this meeting's heading."""
    return bool(_PREVIOUS_CONTEXT.search(text[max(0, start - 40) : start]) or _SAID_OF_PREVIOUS.search(after))


def read_minutes_of(head: str) -> Reading | None:
    text = flat(head)
    for pattern in (MINUTES_OF, POSSESSIVE):
        for match in pattern.finditer(text):
            rest = _SENTENCE_END.split(match.group("rest"), maxsplit=1)[0]
            if _is_previous(text, match.start(), rest):
                continue
            body, when = _cut_at_date(match.group("body"))
            when = when or parse_date(rest[:160])
            if body is None and (
                match.start() > 400 or when is None and not rest.strip().lower().startswith(("in", "at"))
            ):
                continue  # "minutes of the meeting held on ..." deep in the text is an item, not the heading
            venue = VENUE_IN.match(rest)
            return Reading(
                "minutes of a meeting", body, when, one_venue(venue.group("venue")) if venue else None
            )
    return None


def one_venue(text: str) -> str | None:
    venue = re.sub(r"\s+on\s+.*$", "", text).strip(" ,.")
    return venue if 3 <= len(venue) <= 160 and not find_date(venue) else None


def read_minutes_of_body(head: str) -> Reading | None:
    text = flat(head)
    for match in MINUTES_OF_BODY.finditer(text):
        if _is_previous(text, match.start(), text[match.end() : match.end() + 80]):
            continue
        return Reading(
            "minutes of the body", match.group("body"), parse_date(text[match.end() : match.end() + 40])
        )
    return None


def read_heading_block(head: str) -> Reading | None:
    """A body's name on its own line, then (or after a dash) a line that starts with the date."""
    rows = lines(head, 25)
    for index, row in enumerate(rows):
        same_line = re.match(r"^(?P<body>.+?)\s*[-–—]+\s*(?P<rest>\S.*)$", row)
        dated = find_date(same_line.group("rest")) if same_line else None
        if same_line and dated and dated[1] == 0:
            return Reading("heading and date", same_line.group("body"), dated[0])
        if index + 1 < len(rows):
            found = find_date(rows[index + 1])
            if found and found[1] <= 1 and not find_date(row):
                return Reading("heading over date", row, found[0])
    return None


def read_agenda_pack(head: str) -> Reading | None:
    """An agenda front sheet with the previous meeting's minutes bound in: those minutes'
    meeting is the one the agenda's minutes item names."""
    match = WILL_BE_HELD.search(head)
    if not match:
        return None
    previous = PREVIOUS_MINUTES.search(head, match.end())
    when = parse_date(head[previous.end() : previous.end() + 40]) if previous else None
    return Reading("agenda with minutes", match.group("body"), when)


def read_leading_date(head: str) -> Reading | None:
    """A date standing alone near the top ("7th August 2023"), or "Date: ..."."""
    for row in lines(head, 3):
        if re.match(r"^[a-z_]+:\s", row):
            continue  # "date: 2018-03-07" in a web page's front matter is when it was posted
        found = find_date(row)
        if found and len(row) - (found[2] - found[1]) <= 12:
            return Reading("leading date", date=found[0], date_only=True)
    labelled = DATE_LABEL.search(head)
    if labelled and parse_date(labelled.group("when")):
        return Reading("date label", date=parse_date(labelled.group("when")), date_only=True)
    return None


def read_self_reference(head: str) -> Reading | None:
    """A meeting that approves its own body's earlier minutes names that body."""
    for match in SELF_REFERENCE.finditer(flat(head)):
        return Reading("own minutes approved", match.group("body"))
    return None


#: (name, reader): tried in this order.
FORMS: tuple[tuple[str, Callable[[str], Reading | None]], ...] = (
    ("subtitle", read_subtitle),
    ("page title", read_page_title),
    ("issue meeting", read_issue),
    ("decision", read_decision),
    ("decision notice", read_determined),
    ("minutes of a meeting", read_minutes_of),
    ("minutes of the body", read_minutes_of_body),
    ("heading block", read_heading_block),
)
FALLBACKS: tuple[tuple[str, Callable[[str], Reading | None]], ...] = (
    ("leading date", read_leading_date),
    ("own minutes approved", read_self_reference),
)
