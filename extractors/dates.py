"""Due dates: a deadline as written ("by 31 March 2025") to an ISO date.

Only a written day, month and year resolve here; "April" or "the next
meeting" need the meeting's date and calendar, which the follow-through stage
knows, so they stay unresolved. UK order: 03/04/2025 is 3 April. The date is
read by the project's one UK date reader (``pipeline.text.dates``): no
dateparser, whose import and first call cost each worker seconds.
"""

from __future__ import annotations

import re

from pipeline.text.dates import find_date

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)


def resolve_due(due: str | None) -> str | None:
    """ISO yyyy-mm-dd for a due that names a full date, else None."""
    if not due:
        return None
    m = _DATE.search(due)
    if m is None:
        return None
    found = find_date(m.group())
    return found[0] if found is not None else None
