"""The shape of an invented chain of minutes for the follow-through tests
(chains in follow_chains.py and follow_chains_more.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from test_link_support import Minutes


@dataclass
class Chain:
    name: str
    meetings: list[Minutes]
    gold: dict[str, bool] = field(default_factory=dict)  # action text -> closed by later minutes
    owners: dict[str, str] = field(default_factory=dict)
    parent_bodies: tuple[str, ...] = ()
