"""Lengths of time as people write them in options and config ("90d", "4w",
"3m", "1y"): read by the config checks, `minutes flag` and `minutes tracker`."""

from __future__ import annotations

import re

_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


def parse_days(value: str) -> int:
    """"90d", "4w", "3m", "1y" or "28" to days (a month is 30, a year 365)."""
    m = _DURATION.match(value or "")
    if not m:
        raise ValueError(f"not a duration: {value!r} (write e.g. 90d, 4w, 3m)")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]
