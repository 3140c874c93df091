"""Later evidence for each subject, found only inside blocks (see blocking.py).

Rules, strongest first: ``issue_id`` (same ModernGov issue at a later
meeting), ``deferral`` / ``report_back`` (the meeting a deferral names),
``review_section`` (a "matters arising" / action-log item that mentions it),
``scheme`` (a later item on the same scheme that mentions it) and
``text_similarity`` (a later sentence of the same committee carrying a status
phrase). Similarity is rapidfuzz with the configured scorer, processor and
cutoff; the score is kept with the evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, overload

from rapidfuzz import process

from ..config import LinkConfig
from .blocking import StoreIndex
from .deferrals import Deferral, find_deferral
from .subjects import Subject
from .text import phrase_rules, processor_for, review_pattern, scorer_for

RULE_RANK = {"deferred": 0, "issue_id": 1, "deferral": 2, "report_back": 2, "review_section": 3, "scheme": 4,
             "text_similarity": 5}
MIN_SHARED_WORDS = 2  # a sentence must share this many content words, whatever the score


@dataclass(frozen=True)
class Evidence:
    subject_kind: str
    subject_id: str
    rule: str
    status: str | None  # what the wording implies; None = mentioned, no verdict
    score: float | None
    meeting_id: str
    meeting_date: str | None
    document_id: str
    item_id: str | None
    start_char: int
    end_char: int
    quote: str


@dataclass(frozen=True)
class Choice:
    item_id: str
    start: int  # into the item text
    end: int
    text: str
    processed: str
    status: str | None
    review: bool


@dataclass(frozen=True)
class DueUpdate:
    action_id: str
    due_date: str


class EvidenceFinder:
    """Holds the index and per-item caches for one link run."""

    def __init__(self, index: StoreIndex, config: LinkConfig) -> None:
        self.index = index
        self.config = config
        self.scorer = scorer_for(config.scorer)
        self.processor = processor_for(config)
        self.rules = phrase_rules(config)
        self.review = review_pattern(config)
        self._choices: dict[str, tuple[Choice, ...]] = {}
        self._meeting_choices: dict[str, tuple[Choice, ...]] = {}
        self._item_deferral: dict[str, Deferral | None] = {}
        self.due_updates: list[DueUpdate] = []

    # -- caches -----------------------------------------------------------
    def item_choices(self, item_id: str) -> tuple[Choice, ...]:
        cached = self._choices.get(item_id)
        if cached is None:
            item = self.index.items[item_id]
            review = bool(self.review.search(item.title) or self.review.search(item.text[:300]))
            cached = tuple(
                Choice(
                    item_id,
                    s.start,
                    s.end,
                    s.text,
                    self.processor(self.rules.strip(s.text)),
                    self.rules.status_of(s.text),
                    review or bool(self.review.search(s.text)),
                )
                for s in self.index.sentences_of(item_id)
            )
            self._choices[item_id] = cached
        return cached

    def meeting_choices(self, meeting_id: str) -> tuple[Choice, ...]:
        """Sentences of a meeting worth comparing with every earlier action of the
        committee: those with a status phrase, and all of a review section."""
        cached = self._meeting_choices.get(meeting_id)
        if cached is None:
            cached = tuple(
                c for iid in self.index.meeting_items.get(meeting_id, ())
                for c in self.item_choices(iid) if c.status is not None or c.review
            )
            self._meeting_choices[meeting_id] = cached
        return cached

    # -- evidence ---------------------------------------------------------
    def evidence(self, subjects: Iterable[Subject]) -> list[Evidence]:
        by_meeting: dict[str, list[Subject]] = defaultdict(list)
        for s in subjects:
            by_meeting[s.meeting_id].append(s)
        found: list[Evidence] = []
        for meeting_id, group in by_meeting.items():
            window = self.index.later_meetings(meeting_id, self.config.horizon_meetings)
            choices = [c for mid in window for c in self.meeting_choices(mid)]
            processed = [c.processed for c in choices]
            for subject in group:
                found.extend(self._dedupe(self._for_subject(subject, choices, processed)))
        return found

    def _for_subject(
        self, subject: Subject, window_choices: list[Choice], processed: list[str]
    ) -> list[Evidence]:
        query = self.processor(subject.text)
        out: list[Evidence] = []
        if len(query.split()) >= MIN_SHARED_WORDS and window_choices:
            best_per_meeting: dict[str, tuple[float, Choice]] = {}
            for _c, score, i in process.extract(
                query, processed, scorer=self.scorer, processor=None,
                score_cutoff=self.config.cutoff, limit=None,
            ):
                choice = window_choices[i]
                if not _shares(query, choice.processed):
                    continue
                mid = self.index.items[choice.item_id].meeting_id
                if mid not in best_per_meeting or score > best_per_meeting[mid][0]:
                    best_per_meeting[mid] = (score, choice)
            for score, choice in best_per_meeting.values():
                out.append(
                    self._make(
                        subject, "review_section" if choice.review else "text_similarity", choice, score
                    )
                )
        for item_id in self.index.issue_block(subject.item_id):
            out.append(self._item_evidence(subject, "issue_id", item_id, query, always=True))
        schemes = self.index.schemes_within(
            subject.document_id, min(subject.start_char, subject.context_start or subject.start_char),
            max(subject.end_char, subject.context_start + len(subject.context)),
        )
        for item_id in self.index.scheme_block(schemes, subject.meeting_id):
            ev = self._item_evidence(subject, "scheme", item_id, query, always=False)
            if ev is not None:
                out.append(ev)
        before = len(self.due_updates)
        out.extend(self._deferral(subject, query))
        if len(self.due_updates) == before:
            self._next_meeting_due(subject)
        return [e for e in out if e is not None]

    def _deferral(self, subject: Subject, query: str) -> list[Evidence]:
        found = self._find_deferral(subject)
        if found is None:
            return []
        deferral, offset, text, own_words = found
        index = self.index
        own = index.meetings.get(subject.meeting_id)
        out = [
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
                self.due_updates.append(DueUpdate(subject.id, due))
        if target is None or not index.is_later(target, subject.meeting_id):
            return out
        rule = "deferral" if deferral.kind == "deferred" else "report_back"
        item_id = self._returning_item(subject, index.meeting_items.get(target, []))
        if item_id is not None:
            out.append(self._item_evidence(subject, rule, item_id, query, always=True))
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
        if (
            subject.kind == "action"
            and subject.due_date is None
            and "next meeting" in (subject.due or "").lower()
        ):
            target = self.index.next_meeting(subject.meeting_id)
            when = self.index.meetings[target].date if target is not None else None
            if when:
                self.due_updates.append(DueUpdate(subject.id, when))

    def _returning_item(self, subject: Subject, items: list[str]) -> str | None:
        """The item at the named meeting that the deferred business came back as."""
        if len(items) == 1:
            return items[0]
        own = self.index.items.get(subject.item_id or "")
        query = self.processor(f"{own.title if own else ''} {subject.text}")
        best = process.extractOne(
            query,
            [self.processor(f"{self.index.items[i].title} {self.index.items[i].text[:500]}") for i in items],
            scorer=self.scorer,
            processor=None,
            score_cutoff=self.config.cutoff,
        )
        return items[best[2]] if best else None

    @overload
    def _item_evidence(
        self, subject: Subject, rule: str, item_id: str, query: str, *, always: Literal[True]
    ) -> Evidence: ...

    @overload
    def _item_evidence(
        self, subject: Subject, rule: str, item_id: str, query: str, *, always: bool
    ) -> Evidence | None: ...

    def _item_evidence(
        self, subject: Subject, rule: str, item_id: str, query: str, *, always: bool
    ) -> Evidence | None:
        """The best sentence of a blocked item; with ``always`` the item counts as
        evidence (it came back) even when no sentence reaches the cutoff."""
        choices = self.item_choices(item_id)
        best = (
            process.extractOne(
                query,
                [c.processed for c in choices],
                scorer=self.scorer,
                processor=None,
                score_cutoff=self.config.cutoff,
            )
            if choices and query
            else None
        )
        if best is not None and _shares(query, choices[best[2]].processed):
            return self._make(subject, rule, choices[best[2]], best[1])
        if not always:
            return None
        item = self.index.items[item_id]
        head = (
            choices[0]
            if choices
            else Choice(item_id, 0, min(len(item.text), 200), item.text[:200], "", None, False)
        )
        return self._make(subject, rule, head, best[1] if best else None, status=None)

    def _make(self, subject: Subject, rule: str, choice: Choice, score: float | None,
              status: str | None | bool = True) -> Evidence:
        item = self.index.items[choice.item_id]
        meeting = self.index.meetings.get(item.meeting_id)
        return Evidence(
            subject.kind,
            subject.id,
            rule,
            choice.status if status is True else None,
            round(score, 1) if score is not None else None,
            item.meeting_id,
            meeting.date if meeting else None,
            item.document_id,
            item.id,
            item.start_char + choice.start,
            item.start_char + choice.end,
            choice.text,
        )

    @staticmethod
    def _dedupe(found: list[Evidence]) -> list[Evidence]:
        """One row per (evidence sentence), keeping the strongest rule."""
        best: dict[tuple[str | None, int], Evidence] = {}
        for ev in found:
            key = (ev.item_id, ev.start_char)
            if key not in best or RULE_RANK.get(ev.rule, 9) < RULE_RANK.get(best[key].rule, 9):
                best[key] = ev
        return sorted(best.values(), key=lambda e: (e.meeting_date or "", e.start_char))


def _shares(a: str, b: str) -> bool:
    return len(set(a.split()) & set(b.split())) >= MIN_SHARED_WORDS
