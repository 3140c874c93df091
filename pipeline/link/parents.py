"""The bodies a committee reports to, whose later minutes may close its actions.

A scrutiny panel's action is often reported done in the minutes of the
committee it reports to ("Minutes of the Community Safety Scrutiny Panel"
as an item of the Overview and Scrutiny Committee). Two sources: config
(``link.parent_bodies``: "Child > Parent") and the store itself, where an
item title of one committee names another committee of the same council.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .text import norm_key

if TYPE_CHECKING:
    from .blocking import Item, Meeting

Block = tuple[str, str]

MIN_NAME_WORDS = 2  # "Cabinet" alone is too common in titles to mean the body


def configured(parent_bodies: Iterable[str]) -> dict[str, set[str]]:
    """"Child > Parent" entries as {child committee: {parent committees}} (normalised)."""
    out: dict[str, set[str]] = defaultdict(set)
    for entry in parent_bodies:
        child, sep, parent = entry.partition(">")
        if not sep or not child.strip() or not parent.strip():
            raise ValueError(f"link.parent_bodies: write 'Child committee > Parent committee', not {entry!r}")
        out[norm_key(child)].add(norm_key(parent))
    return dict(out)


def find_parents(meetings: Mapping[str, Meeting], items: Mapping[str, Item],
                 parent_bodies: Iterable[str] = ()) -> dict[Block, set[Block]]:
    """{block: blocks it reports to}, from config and from item titles."""
    by_council: dict[str, set[str]] = defaultdict(set)
    for m in meetings.values():
        by_council[m.block[0]].add(m.block[1])
    out: dict[Block, set[Block]] = defaultdict(set)
    wanted = configured(parent_bodies)
    for council, committees in by_council.items():
        for child in committees:
            for parent in wanted.get(child, ()):
                if parent in committees:
                    out[(council, child)].add((council, parent))
    named = {council: [c for c in committees if len(c.split()) >= MIN_NAME_WORDS]
             for council, committees in by_council.items()}
    for item in items.values():
        meeting = meetings.get(item.meeting_id)
        if meeting is None or not item.title:
            continue
        council, committee = meeting.block
        title = norm_key(item.title)
        for other in named.get(council, ()):
            if other != committee and other in title:
                out[(council, other)].add(meeting.block)
    return dict(out)
