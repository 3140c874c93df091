"""Checks at the store boundary: nothing impossible goes in, whatever its
source (a document, a manifest, a CLI option, a fetched page)."""

from __future__ import annotations

from ..text.dates import is_iso_date


def real_date(value: object) -> bool:
    """True for a real calendar day written exactly YYYY-MM-DD ("2024-13-45"
    and "2025-02-30" are not), as the store keeps dates."""
    return isinstance(value, str) and value == value.strip() and is_iso_date(value)
