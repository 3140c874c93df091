"""Names of councils and of their committees, as headers print them.

A header names a body in many ways: "the Cabinet", "CORPORATE PARENTING PANEL",
"Derry City and Strabane District Council" (a full council meeting), "the
Parish Council's Monthly Meeting", "Nottinghamshire and City of Nottingham Fire
and Rescue Authority - Policy and Strategy" (the authority, then its committee),
"Joint meeting - <A> and <B>". ``body_of`` turns such a phrase into (council,
committee); ``looks_like_body`` refuses what is not a name at all ("60 Mr ...
Statement on ...", "(19:15 To 19:25 ...)").
"""

from __future__ import annotations

import re

KINDS = (
    r"(?:County Borough|Metropolitan Borough|Royal "
    r"Borough|Borough|District|County|City|Town|Parish|Community)"
)
_WORD = r"[A-Z][A-Za-z'’\-]+"
_JOIN = r"(?:\s+(?:and|&|of|upon|on|in|le|under|the)\s+|\s+)"
#: "Derry City and Strabane District Council", "Brighton & Hove City Council", "Moray Council"
COUNCIL_NAME = re.compile(rf"\b{_WORD}(?:{_JOIN}{_WORD}){{0,7}}\s+Council\b")
#: Whole-name forms that do not end in "Council"
OTHER_BODY_NAME = re.compile(
    rf"\b(?:(?:London|Royal)\s+Borough\s+of\s+{_WORD}(?:{_JOIN}{_WORD}){{0,2}}"
    rf"|City\s+of\s+London\s+Corporation"
    rf"|{_WORD}(?:{_JOIN}{_WORD}){{0,8}}\s+(?:Combined\s+Authority|Fire\s+and\s+Rescue\s+Authority|Integration\s+Joint\s+Board"
    rf"|National\s+Park\s+Authority|Police\s+and\s+Crime\s+Panel))\b"
)
#: Words that start a matched run but are not part of the council's name.
NOT_A_NAME_START = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "Each",
    "A",
    "An",
    "Full",
    "Whole",
    "Every",
    "Our",
    "Their",
    "Its",
    "Joint",
    "Your",
    "Minutes",
    "Minute",
    "Meeting",
    "Notes",
    "Draft",
    "Agenda",
    "Of",
    "And",
    "Extraordinary",
    "Special",
    "Annual",
    "Monthly",
    "Ordinary",
    "Consider",
    "Approve",
    "To",
    "From",
    "At",
    "By",
    "With",
    "For",
    "Dear",
    "Contact",
    "Email",
    "Members",
    "Member",
    "Councillor",
    "Councillors",
    "Cllr",
    "Chair",
    "Chairman",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Town",
    "County",
    "Borough",
    "District",
    "City",
    "Parish",
    "Community",
    "Royal",
    "Metropolitan",
    "Council",
    "Ward",
    "Local",
    "Neighbouring",
    "Other",
    "Fellow",
    "Home",
    "Host",
}
#: The last word of a committee's name (free-text forms must end with one).
BODY_NOUNS = (
    "committee", "sub-committee", "subcommittee", "board", "panel", "cabinet", "council", "group", "forum",
    "partnership", "authority", "commission", "executive", "assembly", "trust", "conference", "corporation",
    "scrutiny", "court",
)
_GENERIC_FIRST = {
    "Council",
    "Authority",
    "Board",
    "Panel",
    "Combined",
    "Mayoral",
    "Fire",
    "Police",
    "National",
    "Integration",
    "Joint",
    "Town",
    "County",
    "City",
    "Parish",
    "Community",
    "Borough",
    "District",
    "Metropolitan",
    "Royal",
}
_NUMBERED = re.compile(r"\s+(?:No\.?\s*\d+|\(\s*\d+\s*\))$", re.IGNORECASE)
_MEETING_PREFIX = re.compile(
    r"^(?:(?:joint|special|extraordinary|annual|ordinary|monthly|full|reconvened|adjourned|informal|virtual|remote)\s+)+"
    r"meeting\s*(?:[-–—:,]\s*|of\s+(?:the\s+)?)",
    re.IGNORECASE,
)
_FULL_COUNCIL = re.compile(
    r"(?:(?:full|monthly|ordinary|extraordinary|annual)\s+)?(?:(?P<kind>parish|town|community|county)\s+)?"
    r"(?:meeting\s+of\s+(?:the\s+)?)?council",
    re.IGNORECASE,
)
_PARISH_MEETING_OF_COUNCIL = re.compile(
    r"(?P<kind>parish|town|community)\s+meeting\s+of\s+the\s+council", re.IGNORECASE
)
_PARENT_SPLIT = re.compile(r"^(?P<parent>.+?(?:Authority|Council|Corporation))\s+[-–—]\s+(?P<child>\S.*)$")
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "upon", "under"}
_ACRONYMS = {
    "NHS",
    "IJB",
    "KCC",
    "CCG",
    "ICB",
    "PCC",
    "MCA",
    "UK",
    "SACRE",
    "JSNA",
    "CSP",
    "ASB",
    "LEP",
    "HR",
    "ICT",
    "IT",
}


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t,.;:–—-")


def titlecase(text: str) -> str:
    """"LICENSING SUB-COMMITTEE No.5" -> "Licensing Sub-Committee No. 5"."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        bare = word.strip("(),.")
        if bare.upper() in _ACRONYMS:
            out.append(word.upper())
        elif i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return re.sub(r"\bNo\.(?=\d)", "No. ", " ".join(out))


def clean_name(raw: str) -> str:
    """Collapse spaces, drop "the", meeting descriptors and trailing brackets; title-case capitals."""
    name = one_line(raw)
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    name = _MEETING_PREFIX.sub("", name)
    name = re.sub(
        r"\s*\((?:pre|post|from|until|to|eve|am|pm|morning|afternoon|evening)\b[^)]*\)$",
        "",
        name,
        flags=re.IGNORECASE,
    )
    name = re.sub(r"['’]s$", "", name)
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        name = titlecase(name)
    return re.sub(r"\bNo\.(?=\d)", "No. ", name).strip(" ,.;:–—-")


def looks_like_body(name: str | None, *, need_noun: bool = True) -> bool:
    """A plausible committee name: words, not a sentence, a time or a numbered item."""
    if not name or len(name) > 120 or not re.search(r"[A-Za-z]{3}", name):
        return False
    if re.match(r"^[\d(\[•*]", name) or re.search(r"[:;?!]|\d{1,2}[:.]\d{2}|\b(?:pm|am)\b", name):
        return False
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|Cllr|Councillor)\b|\bStatement\b|\b(?:19|20)\d\d\b", name):
        return False  # a person, a statement or a date is not a body
    words = name.split()
    if (
        len(words) > 14
        or not words[0][:1].isupper()
        or words[0] in {"That", "This", "Which", "Its", "Their", "Our"}
    ):
        return False
    if not need_noun:
        return True
    last = _NUMBERED.sub("", name).split()[-1].lower().strip(".,")
    return last in BODY_NOUNS


def council_kind_name(kind: str | None) -> str:
    return f"{kind.capitalize()} Council" if kind else "Council"


def body_of(raw: str | None, *, need_noun: bool = True) -> tuple[str | None, str | None]:
    """(council, committee) named by a header phrase; (None, None) if it names no body."""
    if not raw:
        return None, None
    name = clean_name(raw)
    parish = _PARISH_MEETING_OF_COUNCIL.fullmatch(name)
    if parish:
        return None, council_kind_name(parish.group("kind"))
    full = _FULL_COUNCIL.fullmatch(name)
    if full:
        return None, council_kind_name(full.group("kind"))
    parent = _PARENT_SPLIT.match(name)
    if parent and looks_like_body(clean_name(parent.group("child")), need_noun=False):
        council = council_name_in(parent.group("parent"), whole=True)
        if council:
            return council, clean_name(parent.group("child"))
    council = council_name_in(name, whole=True)
    if council and council.lower().endswith("council"):  # a meeting of the whole council
        local = re.search(r"\b(Parish|Town|Community) Council$", council)
        return council, council_kind_name(local.group(1) if local else None)
    if not looks_like_body(name, need_noun=need_noun):
        return None, None
    return council, name


def council_name_in(text: str, *, whole: bool = False) -> str | None:
    """The council a phrase names ("Meeting of Derry City and Strabane District
    Council" -> that council). ``whole``: the phrase must be only the name."""
    flat = one_line(text)
    if flat.isupper():
        flat = titlecase(flat)
    for pattern in (COUNCIL_NAME, OTHER_BODY_NAME):
        for match in pattern.finditer(flat):
            name = trim_name(match.group())
            if not name:
                continue
            if whole and (trim_name(flat) or "").lower() != name.lower():
                continue
            return name
    return None


def trim_name(name: str) -> str | None:
    """Drop leading words that are not the name ("That Council" -> None)."""
    name = one_line(name)
    if name.isupper():
        name = titlecase(name)
    words = name.split()
    while words and (words[0] in NOT_A_NAME_START or words[0].lower() in _SMALL_WORDS | {"&"}):
        if len(words) <= 2 and words[-1] in {"Council", "Authority", "Corporation"} and words[0] in {
            "Town", "County", "City", "Parish", "Community", "Borough", "District"}:
            return None  # "Parish Council" with no place is not a council's name
        words = words[1:]
    if len(words) < 2 or (words[0] in _GENERIC_FIRST and words[1] != "of"):
        return None  # "Mayoral Combined Authority", "Parish Council": no place named
    return " ".join(words)
