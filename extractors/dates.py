"""Due dates: a deadline as written ("by 31 March 2025") to an ISO date.

Only a written day, month and year resolve here; "April" or "the next
meeting" need the meeting's date and calendar, which the follow-through stage
knows, so they stay unresolved. UK order: 03/04/2025 is 3 April.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    return _parse(m.group())


@lru_cache(maxsize=1024)
def _parse(written: str) -> str | None:
    import dateparser  # slow to import; only needed when a date is written

    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", written).replace(" of ", " ")
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.date().isoformat() if parsed else None
