"""The kind of body a gold file's minutes come from, for the per-type table."""

from __future__ import annotations

import re

#: Body types for the per-type table, tried in order on the gold's council and committee.
BODY_TYPES: tuple[tuple[str, str], ...] = (
    ("parish/town/community council", r"\b(parish|town|community) council\b|\bparish meeting\b"),
    ("combined authority", r"\bcombined authority\b"),
    ("fire/police/national park", r"\bfire\b|\bpolice\b|\bnational park\b"),
    ("health board", r"\bintegration joint board\b|\bhealth and wellbeing\b|\bhealth & wellbeing\b"),
)


def body_type(council: str | None, committee: str | None) -> str:
    """A coarse kind of body, read from the gold's council and committee names."""
    text = f"{council or ''} {committee or ''}".lower()
    for name, pattern in BODY_TYPES:
        if re.search(pattern, text):
            return name
    return "principal council"
