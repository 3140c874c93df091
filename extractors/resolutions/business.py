"""The council's routine business recorded with no cue word, found by one regular
expression each (data in ``patterns/resolution_phrases.jsonl``) rather than by a
cue: the minutes approved under a run-in heading ("Minutes of previous meeting
... reviewed & signed by chair"), the response to a planning consultation
("WL/2024/00861 Mill Lane: extension – no objections"), a deferral written as
an instruction ("To discuss the clock: Defer."), a payment agreed ("Bill for hall
hire to be paid") and apologies accepted by the council."""

from __future__ import annotations

import re

from ..clauses import sentence_start, trim
from .rules import Hit, make_hit, phrases

_APOLOGIES = re.compile(r"\bapolog(?:ies|y)\b", re.IGNORECASE)
#: Regex kind -> the kind of Hit it gives.
FORMS = {
    "minutes_line": "minutes",
    "planning_response": "planning",
    "defer_line": "deferral",
    "payment_line": "payment",
    "apologies_accepted": "apologies",
}


def business_hits(text: str) -> list[Hit]:
    """Every routine decision in ``text`` written in one of ``FORMS``."""
    rx = phrases()
    out: list[Hit] = []
    for form, kind in FORMS.items():
        for m in rx[form].finditer(text):
            start, end = m.span("d")
            if form == "payment_line" and rx["not_a_payer"].search(
                text, start, m.start("d") + text[start:end].lower().index(" to be paid")
            ):
                continue  # "the grant was to be paid in May": a report, not the payment agreed
            if form == "planning_response" and not any(c.isalpha() for c in m.group("ref")):
                continue  # "12/05/2024" is a date; an application reference carries letters ("WL/2024/00861")
            if form == "apologies_accepted":
                start = sentence_start(text, start)
                if not _APOLOGIES.search(text, start, m.start()):
                    continue  # "... all accepted by council" in a sentence about apologies for absence
            s, e = trim(text, start, end)
            if e - s >= 3:
                out.append(make_hit(text, s, e, None, None, kind))
    return out
