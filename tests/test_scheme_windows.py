"""The "described" form ("GetSafe (multi-agency support for children)") skips
a "(" that does not open a lower-case description before searching around it:
the matches are exactly those found without the skip, on invented text mixing
names, brackets of every kind, wrapped-line fill and long runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.schemes import anchored

WORDS = [
    "Nominated",
    "Neighbour",
    "Scheme",
    "GetSafe",
    "and",
    "of",
    "the",
    "a",
    "support",
    "for",
    "children",
    "(",
    ")",
    "(a)",
    "(CCTV)",
    "(2024)",
    "(the",
    "(an",
    "service",
    "Fund",
    "\x1f\x1f",
    "\n",
    "S106",
    "‘Ride",
    "Safe’",
]


def _spans(text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in anchored._matches("described", text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=80),
    st.lists(st.sampled_from([" ", "  ", "\t", " \x1f"]), max_size=80),
)
def test_skipping_anchors_changes_no_match(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    with_skip = _spans(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(anchored, "TAILS", {})
        assert _spans(text) == with_skip


def test_a_described_service_is_still_found() -> None:
    text = (
        "Members heard about GetSafe (multi-agency support and protection for "
        "children at risk) and CCTV (2024)."
    )
    assert [m.group(1) for m in anchored._matches("described", text)] == ["GetSafe"]
