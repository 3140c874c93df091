"""The printed forms of agenda item headings, as data.

Each numbered form names the groups the finder reads: ``number`` (as
printed), ``key`` (the integer that orders items), and optionally ``prefix``
and ``suffix`` (a committee code or minute-year that every item of one run
shares: "C124/20", "* O&S 95", "PAR 1"). The finder (``numbered_heads``)
keeps only runs of one form whose keys increase, so a form may be loose.
"""

from __future__ import annotations

import re

#: Numbered heading lines, tried in order; the first that matches names the form.
NUMBERED_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "39/20 Budget", "C124/20 Notice and Summons", "23/21. Apologies" (minute / year)
    (
        "year",
        re.compile(
            r"^(?P<number>(?P<prefix>[A-Z]{1,3})?(?P<key>\d{1,3})/(?P<suffix>\d{2,4}))\.?\s+(?P<title>\S.*)$"
        ),
    ),
    # "14.CTV.1 Apologies"
    (
        "code",
        re.compile(r"^(?P<number>(?P<suffix>\d{1,3}\.[A-Z]{2,6})\.(?P<key>\d{1,3}))\.?\s+(?P<title>\S.*)$"),
    ),
    # "Item 64 Apologies", "Minute 23/045 - Budget", "Min. 12: Planning"
    (
        "word",
        re.compile(
            r"^(?:Agenda\s+Item|Item|Minute|Min\.?)\s+(?P<number>(?P<key>\d{1,4})(?:[a-z]|/(?P<suffix>\d{2,4}))?)"
            r"\s*[.:\-–]?\s+(?P<title>\S.*)$",
            re.IGNORECASE,
        ),
    ),
    # "* O&S 95 Apologies", "PAR 1 Public speaking"
    (
        "prefix",
        re.compile(
            r"^\*?\s*(?P<number>(?P<prefix>[A-Z][A-Za-z&]{0,5})\s+(?P<key>\d{1,4}))[.:]?\s+(?P<title>[A-Z]\S.*)$"
        ),
    ),
    # "84. Apologies", "1 DECLARATIONS", "4.. Notes of last meeting", "1.Present:", "12a. Budget", "8 20 mph
    # Review"
    (
        "plain",
        re.compile(
            r"^(?P<number>(?P<key>\d{1,4})[a-z]?)(?:\.{1,2}\s*|\s+)(?P<title>(?:\d{4}(?:/\d{2,4})?\s+|\d{1,3}\s*[a-z]{1,4}\s+)?[A-Z(‘'\"“].*)$"
        ),
    ),
)
#: Prefix words of the "prefix" form that are not committee codes.
NOT_PREFIXES = frozenset(
    {"page", "no", "tel", "room", "flat", "unit", "level", "floor", "cllr", "mr", "mrs", "ms", "dr", "part"}
)
#: A number printed alone on its line, the title on the next ("39." / "Apologies").
NUMBER_ALONE = re.compile(r"^(?P<number>(?P<key>\d{1,4})[a-z]?)\.?$")
#: A committee code alone on the line above a lone number ("PAR" / "1" / title).
CODE_ALONE = re.compile(r"^[A-Z]{2,5}$")
#: A titled sub-item of item N: "4.1 Minute 6 - Annual Report", "3.1 Gem, Upper St. Martin's Lane".
SUB_ITEM = re.compile(r"^(?P<parent>\d{1,4})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[A-Z‘'\"“].*)$")
#: A lettered sub-heading: "(A) Budget Meeting Of The Committee", "B. Training Sessions".
LETTERED = re.compile(r"^(?:\((?P<a>[A-Z])\)|(?P<b>[A-Z])[.)])\s*(?P<title>[A-Z‘'\"“].*)$")
#: "(Item 4)" / "(Agenda item 4)" on its own line under a heading (Kent printed minutes).
ANCHOR = re.compile(r"^\(\s*(?:Agenda\s+)?Item\s+(?P<n>\d{1,3}[a-z]?)\s*\)$", re.IGNORECASE)
INLINE_ANCHOR = re.compile(r"\s*\(\s*(?:Agenda\s+)?Item\s+\d{1,3}[a-z]?\s*\)\s*$", re.IGNORECASE)
#: A minute number inside flattened text: "... J Broadhead 24/21 Declaration of ..."
INLINE_MINUTE = re.compile(
    r"(?<![\w/.£$-])(?P<prefix>[A-Z]{1,3})?(?P<key>\d{1,3})/(?P<suffix>\d{2})(?![\w/])\.?\s+(?=[A-Z])"
)

#: Words that start a decision or a sentence of minutes, never an item title.
CUE_START = re.compile(
    r"^(?:RESOLVED|AGREED|NOTED|DECISION|RECOMMENDED|It\s+was|That\b|Further\s+to|The\s+(?:Committee|Board|Council|Panel|Cabinet|Sub-Committee)\s+"
    r"(?:noted|agreed|resolved|considered|received))",
    re.IGNORECASE,
)
#: Labels printed on their own inside an item, never a title: "Minutes:", "DECISION", "Status: Noted".
LABEL = re.compile(
    r"^(?:Minutes|Decision|Resolved|Resolution|Agreed|Noted|Action|Actions|"
    r"Note|Notes|Additional documents|Supporting documents|"
    r"Status|Business|Purpose|Recommendations?|Reasons? for (?:the "
    r")?decision|Alternative options considered|Background papers)\s*(?::.*)?$",
    re.IGNORECASE,
)
#: Field labels printed under an unnumbered title on decision and CMIS pages: the title's line above is the
#: item.
FIELD_UNDER_TITLE = re.compile(r"^(?:Status|Decision Maker|Decision status)\s*:", re.IGNORECASE)
#: Lines of the meeting header and attendance block, never an item title.
HEADER_LINE = re.compile(
    r"^(?:(?:minutes|agenda|notes|draft|present|also\s+present|in\s+attendance|attendance|members|membership|councillors?|"
    r"officers?|meeting\s+(?:documents|commenced|started|closed|ended)|decision\s+details|agenda\s+item|issue|"
    r"at\s+a\s+meeting|a\s+meeting\s+of|the\s+meeting)\b"
    r"|(?:apologies|clerk|visitors|venue|contact|date|time|location|link|chair(?:man|person)?)\s*:"
    r"|items?(?:\s+action)?\s*$|no\.?\s+item)",
    re.IGNORECASE,
)
#: Unnumbered items that clerks add between numbered ones (ModernGov rows without a number).
PROCEDURAL_TITLE = re.compile(
    r"^(?:Declarations?\s+of\s+(?:Members'?\s+|Pecuniary\s+)?Interests?|Apologies(?:\s+for\s+Absence)?|Members?|Membership|"
    r"Urgent\s+(?:Business|Items?)|Any\s+Other\s+(?:Competent\s+)?Business|Exclusion\s+of\s+(?:the\s+)?(?:Press|Public)\b.*|"
    r"Private\s+Business|Substitutes?|Chair(?:man|person)?'?s\s+(?:Remarks|Announcements))\.?$",
    re.IGNORECASE,
)
#: Preambles that read like prose but describe the meeting itself.
MEETING_PREAMBLE = re.compile(
    r"^(?:minutes\s+of|at\s+a\s+meeting|a\s+meeting\s+of|meeting\s+of|notes\s+of|draft\s+notes|this\s+meeting|"
    r"the\s+meeting\s+(?:will|was|is|would))",
    re.IGNORECASE,
)
#: A page number or "Page 3 of 7" line.
PAGE_NUMBER = re.compile(r"^(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
#: Section titles of an officer's report ("1 Summary", "4 Recommendation"): a report's sections are not
#: agenda items.
REPORT_SECTION = re.compile(
    r"^(?:Summary|Executive Summary|Introduction|Purpose(?: of (?:the "
    r")?Report)?|Background(?: Papers)?|Current Position|"
    r"Recommendations?|Appendix|Appendices|Conclusions?|Options(?: "
    r"Considered)?|Consultation|Risks?(?: Management)?|"
    r"(?:Financial|Legal|Equalit(?:y|ies)|Staffing|Environmental)(?: and "
    r"\w+)? Implications|Contact Officer|Reasons? for Recommendations?)$",
    re.IGNORECASE,
)
#: A person named on a line of their own (attendance), never a title.
PERSON = re.compile(
    r"^(?:Cllr|Councillor|Alderman|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Professor|Prof)\b\.?", re.IGNORECASE
)
#: Decision recording forms: "(a) Subject: Petition Debate (agenda item 8)" opens each decision.
SUBJECT_FIELD = re.compile(r"^(?:\([a-z]\)\s*)?Subject\s*:\s*(?P<title>\S.*)$")
#: A lettered field of such a form: "(b) Ward:".
FORM_FIELD = re.compile(r"^\([a-z]\)\s")
AGENDA_REFERENCE = re.compile(r"\(\s*agenda\s+item\s+(?P<n>\d{1,3}[a-z]?)\s*\)", re.IGNORECASE)
#: Words that open the minute after a run-on title: "Police Report | The PCSO presented ...".
SENTENCE_OPENERS = frozenset({
    "The", "There", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "A", "An", "No", "All", "Following", "Noted", "Agreed", "Resolved", "Proposed",
})
#: A person opening the minute after a run-on title: "Pedestrian Crossing | Cllr Dale presented ...".
PERSON_OPENERS = frozenset({"Cllr", "Cllr.", "Councillor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Dr", "Dr."})
