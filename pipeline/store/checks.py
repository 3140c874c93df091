"""Checks at the store boundary: nothing impossible goes in, whatever its
source (a document, a manifest, a CLI option, a fetched page)."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def real_date(value: object) -> bool:
    """True for a real calendar date written YYYY-MM-DD ("2024-13-45" and
    "2025-02-30" are not)."""
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
