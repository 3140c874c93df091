"""The project's one reader of UK dates: written or numeric, always day-first, to ISO.

Minutes print "10/02/2026", "03.07.23", "Wednesday 2nd November 2022",
"Thursday, 16th November, 2017", "27 SEPTEMBER 2005", "17 Mar 2021",
"July 3rd 2023" and, in exports, "2023-07-03". Every reading goes through
``iso_date``, so an impossible date ("31 February") is never returned: the
reader skips it and looks further. The regexes cover the shapes minutes use;
dateparser (slow to import, so imported only when called) is tried only on a
short string the regexes did not read that still holds a day and a month word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_WEEKDAY_NAME = r"(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)"
_WEEKDAY = r"(?:" + _WEEKDAY_NAME + r"\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"

#: "2nd November 2022", "Thursday, 16th November, 2017", "the 28th of July, 2017", "10-Feb-2026"
WRITTEN_DATE = re.compile(
    r"\b" + _WEEKDAY + r"(?:the\s+)?" + _DAY + r"(?:\s+of)?[\s,\-]+" + _MONTH + r"(?:,?\s+|-)" + _YEAR,
    re.IGNORECASE,
)
#: "July 3rd 2023", "November 2nd, 2022" (US-styled templates)
MONTH_FIRST_DATE = re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE)
#: "10/02/2026", "1.12.09", "01-12-2009": day first; not part of a longer dotted number
NUMERIC_DATE = re.compile(
    r"(?<![\d./-])(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)?\d{2})(?![\d]|[./-]\d)"
)
#: "2023-07-03" (ISO, as exports and manifests write it)
ISO_DATE = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
#: "Friday 23rd August" (a year left off, as some parish notes do)
YEARLESS_DATE = re.compile(
    r"\b"
    + _WEEKDAY_NAME
    + r",?\s+(?:the\s+)?"
    + _DAY
    + r"(?:\s+of)?\s+"
    + _MONTH
    + r"(?!,?\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)
PATTERNS = (WRITTEN_DATE, MONTH_FIRST_DATE, NUMERIC_DATE, ISO_DATE)


def iso_date(year: int, month: int, day: int) -> str | None:
    """ISO for a real calendar day (two-digit years: 00-69 -> 20xx), else None."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _from_match(match: re.Match[str]) -> str | None:
    return iso_date(int(match.group("year")), _month_number(match.group("month")), int(match.group("day")))


def find_dates(text: str) -> Iterator[tuple[str, int, int]]:
    """Every real date written in ``text``, in reading order: (iso, start, end)."""
    found: list[tuple[str, int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            iso = _from_match(match)
            if iso is not None:
                found.append((iso, match.start(), match.end()))
    found.sort(key=lambda hit: (hit[1], -hit[2]))
    end = -1
    for hit in found:
        if hit[1] >= end:  # one reading per stretch of text
            end = hit[2]
            yield hit


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first real date written in ``text``: (iso, start, end), or None."""
    return next(find_dates(text), None)


def parse_date(text: str | None) -> str | None:
    """ISO date for a string that is (or holds) a date; day-first; never an impossible one."""
    if not text:
        return None
    found = find_date(text)
    if found is not None:
        return found[0]
    return _dateparser(text.strip())


def _dateparser(text: str) -> str | None:
    """dateparser for a short leftover that names a day and a month word and a year."""
    has_day = re.search(r"(?<!\d)\d{1,2}(?!\d)", text)
    if len(text) > 60 or not has_day or not re.search(r"(?<!\d)\d{4}(?!\d)", text):
        return None  # "May 2024" is a month, not a date; long text is not one date
    if not re.search(r"[a-z]{3}", text, re.IGNORECASE):
        return None  # digits only: the numeric regex already said no
    import dateparser  # slow to import; only for shapes the regexes miss

    parsed = dateparser.parse(
        text, languages=["en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


def is_iso_date(text: str | None) -> bool:
    """True for a real calendar day written yyyy-mm-dd (how the store keeps dates)."""
    match = ISO_DATE.fullmatch((text or "").strip())
    return match is not None and _from_match(match) is not None


def find_yearless_date(text: str, years: Sequence[int]) -> tuple[str, int, int] | None:
    """"Friday 23rd August" with no year: the year among ``years`` (those the
    document mentions, nearest first) in which that day falls on that weekday."""
    for match in YEARLESS_DATE.finditer(text):
        weekday = _weekday_number(match.group("weekday"))
        month, day = _month_number(match.group("month")), int(match.group("day"))
        for year in years:
            iso = iso_date(year, month, day)
            if iso and date.fromisoformat(iso).weekday() == weekday:
                return iso, match.start(), match.end()
    return None


def _weekday_number(text: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(text.lower()[:3]))
