"""Evidence found by structure rather than by wording: the same ModernGov
issue at a later meeting, a later item on a scheme named around the action,
and the meeting a deferral or "report back to the next meeting" names.
These items are read whole; the best sentence is quoted, and with ``always``
the item counts even when no sentence matches (it came back)."""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import TYPE_CHECKING

from .candidates import Candidate
from .deferrals import Deferral, find_deferral
from .match import Match, Query, find_matches
from .subjects import Subject

if TYPE_CHECKING:
    from .evidence import Evidence, EvidenceFinder


RETURN_CUTOFF = 0.35  # the meeting is named: an item need only be recognisably the same business


class BlockedRules:
    def __init__(self, finder: EvidenceFinder) -> None:
        # a proxy, not a reference: finder -> blocked -> finder would be a cycle
        # holding the run's whole index until the cyclic collector runs
        self.f: EvidenceFinder = weakref.proxy(finder)
        self.index = finder.index
        self._item_deferral: dict[str, Deferral | None] = {}

    def evidence(self, subject: Subject, query: Query) -> list[Evidence]:
        out: list[Evidence | None] = []
        for item_id in self.index.issue_block(subject.item_id):
            out.append(self._item_evidence(subject, query, "issue_id", item_id, always=True))
        schemes = self.index.schemes_within(
            subject.document_id, min(subject.start_char, subject.context_start or subject.start_char),
            max(subject.end_char, subject.context_start + len(subject.context)),
        )
        for item_id in self.index.scheme_block(schemes, subject.meeting_id):
            out.append(self._item_evidence(subject, query, "scheme", item_id, always=False))
        before = len(self.f.due_updates)
        out.extend(self._deferral(subject, query))
        if len(self.f.due_updates) == before:
            self._next_meeting_due(subject)
        return [e for e in out if e is not None]

    def _deferral(self, subject: Subject, query: Query) -> list[Evidence | None]:
        from .evidence import DueUpdate, Evidence

        found = self._find_deferral(subject)
        if found is None:
            return []
        deferral, offset, text, own_words = found
        index = self.index
        own = index.meetings.get(subject.meeting_id)
        out: list[Evidence | None] = [
            Evidence(
                subject.kind,
                subject.id,
                "deferred" if deferral.kind == "deferred" else "report_back_due",
                "open",
                None,
                subject.meeting_id,
                own.date if own else None,
                subject.document_id,
                subject.item_id,
                offset + deferral.start,
                offset + deferral.end,
                text[deferral.start : deferral.end],
            )
        ]
        target = index.meeting_on(subject.meeting_id, deferral.date) if deferral.date else None
        if target is None and deferral.next_meeting:
            target = index.next_meeting(subject.meeting_id)
        if subject.kind == "action" and subject.due_date is None and own_words:
            due = deferral.date or (index.meetings[target].date if target else None)
            if due:
                self.f.due_updates.append(DueUpdate(subject.id, due))
        if target is None or not index.is_later(target, subject.meeting_id):
            return out
        item_id, matched = self._returning_item(subject, query, target)
        if item_id is None:
            return out
        if deferral.kind == "deferred":
            out.append(self._item_evidence(subject, query, "deferral", item_id, always=True))
        else:  # the report asked for came back: done, unless its words say otherwise
            ev = self._item_evidence(subject, query, "report_back", item_id, always=True)
            if ev is not None and ev.status is None and matched:
                ev = replace(ev, status="done")
            out.append(ev)
        return out

    def _find_deferral(self, subject: Subject) -> tuple[Deferral, int, str, bool] | None:
        """A deferral in the subject or its context (its own words), or failing
        those in its agenda item: (deferral, offset of text, text, own words)."""
        for text, offset in ((subject.text, subject.start_char), (subject.context, subject.context_start)):
            d = find_deferral(text)
            if d is not None:
                return d, offset, text, True
        item = self.index.items.get(subject.item_id or "")
        if item is not None:
            if item.id not in self._item_deferral:
                self._item_deferral[item.id] = find_deferral(item.text)
            d = self._item_deferral[item.id]
            if d is not None:
                return d, item.start_char, item.text, False
        return None

    def _next_meeting_due(self, subject: Subject) -> None:
        """due "next meeting" resolves to a date once that meeting is stored."""
        from .evidence import DueUpdate

        if (
            subject.kind == "action"
            and subject.due_date is None
            and "next meeting" in (subject.due or "").lower()
        ):
            target = self.index.next_meeting(subject.meeting_id)
            when = self.index.meetings[target].date if target is not None else None
            if when:
                self.f.due_updates.append(DueUpdate(subject.id, when))

    def _returning_item(self, subject: Subject, query: Query, target: str) -> tuple[str | None, bool]:
        """The item at the named meeting that the business came back as, and
        whether it was chosen by its words (not just for being the only one)."""
        heads = find_matches(query, self.f.candidates.heads(target), self.f.verbs, RETURN_CUTOFF, None,
                             self.f.contrasts)
        if heads:
            return heads[0].candidate.item_id, True
        items = self.index.meeting_items.get(target, [])
        return (items[0], False) if len(items) == 1 else (None, False)

    def _item_evidence(self, subject: Subject, query: Query, rule: str, item_id: str, *,
                       always: bool) -> Evidence | None:
        choices = self.f.candidates.item_candidates(item_id)
        whole = self.f.candidates.whole_item(item_id)
        found = [m for m in find_matches(query, whole, self.f.verbs, self.f.cutoff, None, self.f.contrasts)
                 if self.f.is_later(m, subject)]
        if found:
            return self.f.make(subject, rule, found[0])
        if not always:
            return None
        item = self.index.items[item_id]
        head = (
            choices[0]
            if choices
            else Candidate(
                item_id,
                item.meeting_id,
                0,
                min(len(item.text), 200),
                item.text[:200],
                {},
                frozenset(),
                0.0,
                None,
                "statement",
                None,
            )
        )
        return self.f.make(subject, rule, Match(0.0, head, False), status=None)
