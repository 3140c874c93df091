"""Meeting metadata from the front of printed minutes.

UK minutes open with a council banner ("KENT COUNTY COUNCIL"), a sentence
"MINUTES of a meeting of the <body> held in <venue> on <date>" (or a title line
"<BODY> – 10th December 2024"), then PRESENT:, IN ATTENDANCE: and sometimes
APOLOGIES: lists. Anything not stated stays None; the manifest can fill it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import MeetingMeta
from ..text.dates import parse_date
from .bodies import looks_like_body
from .meta import meta_from_text

_COUNCIL = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){1,5}(?:COUNCIL|Council)$|^(?:London |Royal "
    r")?(?:Borough|City|County) of [A-Z][\w -]+$"
)
_MINUTES_OF = re.compile(
    r"minutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+(?:of\s+(?:the\s+)?(?P<body>.+?)\s+)?held\s+"
    r"(?:(?:in|at)\s+(?P<venue>.+?))?(?:\s*,?\s+on\s+(?P<date>[^.]+?))?\s*\.?$",
    re.IGNORECASE | re.DOTALL,
)
_TITLE_DATE = re.compile(r"^(?P<body>[A-Z][^–—]+?)\s*[–—-]\s*(?P<date>.*\d{4})\s*$")
_LABEL = re.compile(
    r"^(?P<label>present|members present|also present|in attendance|officers present|officers|"
    r"apologies(?: for absence)?(?: were received from)?)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_HONOURS = {"OBE", "MBE", "CBE", "JP", "DL", "KC", "QC", "BEM", "FRSA"}
_NONE = re.compile(r"^(?:none|nil|no apologies.*)$", re.IGNORECASE)


def _tidy(name: str) -> str:
    """Title-case an all-capitals name; strip a leading "the" and outer punctuation."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;–—-")
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    if name.isupper():
        name = " ".join(w if len(w) <= 3 and w in {"KCC", "NHS"} else w.capitalize() for w in name.split())
        name = re.sub(r"\b(And|Of|The|For|In|On)\b", lambda m: m.group(1).lower(), name)
    return name


_PARTICLES = {"de", "van", "von", "der", "den", "le", "la", "da", "di", "du", "bin", "al", "el", "ap"}


def _is_role(part: str) -> bool:
    """"Cabinet Member for Integrated Children's Services" is a role, not a name."""
    words = part.split()
    return len(words) > 6 or any(w[:1].islower() and w not in _PARTICLES for w in words)


def split_names(text: str) -> tuple[str, ...]:
    """"Mr A (Chairman), Mr R C Love, OBE and Mrs B" -> ("Mr A", "Mr R C Love OBE", "Mrs B")."""
    text = re.sub(r"\([^()]*\)", "", text)
    text = re.sub(r"\([^()]*$", "", text)  # a role cut off by the end of the list
    parts = re.split(r",|;|\band\b|\.\s+(?=[A-Z])", text)
    names: list[str] = []
    for part in parts:
        part = re.sub(r"\s+", " ", part).strip(" .:")
        part = re.sub(r"^Councillors?\s+", "", part)
        if not part or _NONE.match(part):
            continue
        if part in _HONOURS and names:
            names[-1] = f"{names[-1]} {part}"
        elif any(c.isupper() for c in part) and not _is_role(part):
            names.append(part)
    return tuple(names)


def parse_meta(front: Sequence[str]) -> MeetingMeta:
    """Meeting metadata from the texts of the first blocks of a document."""
    council = committee = date = venue = None
    present: list[str] = []
    apologies: list[str] = []
    for text in front:
        flat = re.sub(r"\s+", " ", text).strip()
        if council is None and len(flat) < 80 and _COUNCIL.match(flat):
            council = _tidy(flat)
            continue
        minutes = _MINUTES_OF.search(flat) if flat.lower().startswith("minutes") else None
        if minutes:
            committee = committee or (_tidy(minutes["body"]) if minutes["body"] else None)
            venue = venue or (_tidy(minutes["venue"]) if minutes["venue"] else None)
            date = date or parse_date(minutes["date"] or flat)
            continue
        titled = _TITLE_DATE.match(flat) if len(flat) < 120 else None
        if titled and parse_date(titled["date"]):
            committee = committee or _tidy(titled["body"])
            date = date or parse_date(titled["date"])
            continue
        label = _LABEL.match(flat)
        if label:
            names = split_names(label["rest"])
            (apologies if label["label"].lower().startswith("apolog") else present).extend(names)
            continue
        if council and committee is None and not present and flat.isupper() and len(flat) < 80:
            committee = _tidy(flat)  # the body's banner under the council's
        if date is None and not present and len(flat) < 80:
            date = parse_date(flat)
    header = meta_from_text("\n".join(front))  # the header forms every loader shares
    if not looks_like_body(committee, need_noun=False):
        committee = None  # "(19:15 TO 19:25 ...)", "60 Mr ... Statement on ..."
    return MeetingMeta(
        council=header.council or council,
        committee=header.committee or committee,
        date=header.date or date,
        venue=header.venue or venue,
        attendees=tuple(dict.fromkeys(present)),
        apologies=tuple(dict.fromkeys(apologies)),
    )
