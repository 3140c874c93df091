"""The UK date parsers the project had before ``pipeline.text.dates`` became the
only one, kept verbatim (bodies unchanged) so ``test_dates_table`` can run them
beside the new reader and decide every difference. Not used by the pipeline.

``extractors/dates.resolve_due`` now reads its date with ``pipeline.text.dates``;
its dateparser version is kept below like the others.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# --- pipeline/text/dates.py (before) -------------------------------------------------
_T_MONTHS = {
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
_T_MONTH = r"(?P<month>" + "|".join(sorted(_T_MONTHS, key=len, reverse=True)) + r")\.?"
_T_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
_T_WRITTEN = re.compile(
    _T_WEEKDAY
    + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+"
    + _T_MONTH
    + r",?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_T_MONTH_FIRST = re.compile(
    _T_WEEKDAY + _T_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_T_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>(?:19|20)?\d{2})\b")


def _t_iso(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _t_from_match(match: re.Match[str]) -> str | None:
    month = match.group("month")
    month_number = int(month) if month.isdigit() else _T_MONTHS[month.lower().rstrip(".")]
    return _t_iso(int(match.group("year")), month_number, int(match.group("day")))


def text_parse_date(text: str) -> str | None:
    best: tuple[str, int, int] | None = None
    for pattern in (_T_WRITTEN, _T_MONTH_FIRST, _T_NUMERIC):
        for match in pattern.finditer(text):
            iso = _t_from_match(match)
            if iso is not None:
                if best is None or match.start() < best[1]:
                    best = (iso, match.start(), match.end())
                break
    if best is not None:
        return best[0]
    text = text.strip()
    if not re.search(r"(?<!\d)\d{1,2}(?!\d)", text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


# --- pipeline/load/pdf_meta.py parse_date (before) ------------------------------------
_P_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_P_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_P_MONTHS) + r")\s*,?\s+(\d{4})\b", re.IGNORECASE
)


def pdf_parse_date(text: str) -> str | None:
    match = _P_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), _P_MONTHS[match.group(2).lower()], int(match.group(3))
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# --- pipeline/fetch/paths.py parse_uk_date (before) -----------------------------------
def fetch_parse_uk_date(raw: str) -> str | None:
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", raw or "")
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


# --- pipeline/fetch/pages.py page_date (before) ---------------------------------------
_F_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})[\s-]+(\d{4})")


def fetch_page_date(text: str) -> str | None:
    m = _F_DATE.search(text)
    if not m:
        return None
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", fmt).date().isoformat()
        except ValueError:
            continue
    return None


# --- pipeline/link/deferrals.py parse_date (before) -----------------------------------
_D_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_D_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)"
)
_D_WRITTEN = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _D_MONTH_RE + r",?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_D_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})\b")


def deferrals_parse_date(text: str) -> str | None:
    best = None
    for pattern in (_D_WRITTEN, _D_NUMERIC):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    month = best.group("month")
    number = int(month) if month.isdigit() else 1 + [n[:3] for n in _D_MONTHS].index(month[:3].lower())
    try:
        return date(int(best.group("year")), number, int(best.group("day"))).isoformat()
    except ValueError:
        return None


# --- extractors/dates.py resolve_due (before) -------------------------------------------
_R_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_R_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_R_MONTHS},?\s+\d{{4}}\b"
    rf"|\b{_R_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)


def due_resolve_due(due: str | None) -> str | None:
    if not due:
        return None
    m = _R_DATE.search(due)
    if m is None:
        return None
    import dateparser

    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", m.group()).replace(" of ", " ")
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


OLD_PARSERS = {
    "text.dates.parse_date": text_parse_date,
    "load.pdf_meta.parse_date": pdf_parse_date,
    "fetch.paths.parse_uk_date": fetch_parse_uk_date,
    "fetch.pages.page_date": fetch_page_date,
    "link.deferrals.parse_date": deferrals_parse_date,
    "extractors.dates.resolve_due": due_resolve_due,
}
