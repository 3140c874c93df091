"""Later evidence for each subject, found only inside blocks (see blocking.py).

Rules: ``issue_id`` (same ModernGov issue at a later meeting), ``deferral`` /
``report_back`` (the meeting a deferral or "report back" names, or a later
item that brings back the report, update or briefing asked for),
``minute_ref`` ("Minute 16: ..." about the action's own minute),
``review_section`` (a "matters arising" / action-log line), ``decision_notice``
(a later decision notice), ``parent_body`` (the minutes of the body the
committee reports to), ``scheme`` (a later item on the same scheme) and
``text_similarity`` (a later sentence of the committee with a status phrase).
Matching is match.py's weighted term overlap; the score (0-100) is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..config import LinkConfig
from .blocked import BlockedRules
from .blocking import StoreIndex
from .candidates import CandidateIndex
from .match import Match, Query, build_query, find_matches
from .subjects import Subject
from .terms import termer_for
from .text import phrase_rules, review_pattern

RULE_RANK = {
    "deferred": 0,
    "issue_id": 1,
    "minute_ref": 2,
    "deferral": 3,
    "report_back": 3,
    "review_section": 4,
    "decision_notice": 4,
    "parent_body": 5,
    "scheme": 5,
    "text_similarity": 6,
}
COMPETITION = 0.1  # a sentence is evidence for the actions within this of its best match
DELIVERED = re.compile(r"reported\s+back|as\s+requested|requested\s+at", re.IGNORECASE)
DELIVERABLE = frozenset({"report", "brief"})  # term groups of an action that asks for something to come back


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
class DueUpdate:
    action_id: str
    due_date: str


class EvidenceFinder:
    """Holds the index and per-meeting candidate caches for one link run."""

    def __init__(self, index: StoreIndex, config: LinkConfig) -> None:
        self.index = index
        self.config = config
        self.termer = termer_for()
        self.verbs = self.termer.lex.verbs
        self.contrasts = self.termer.lex.contrast_of
        self.cutoff = config.match_cutoff / 100.0
        self.candidates = CandidateIndex(index, self.termer, phrase_rules(config), review_pattern(config))
        self.blocked = BlockedRules(self)
        self.due_updates: list[DueUpdate] = []

    def query(self, subject: Subject) -> Query:
        item = self.index.items.get(subject.item_id or "")
        title = self.candidates.title_terms(item.id) if item else {}
        return build_query(subject, self.termer, title, item.number if item else None,
                           self.candidates.body_words(subject.meeting_id))

    # -- evidence ---------------------------------------------------------
    def evidence(self, subjects: Iterable[Subject]) -> list[Evidence]:
        by_meeting: dict[str, list[Subject]] = defaultdict(list)
        for s in subjects:
            by_meeting[s.meeting_id].append(s)
        scored: list[tuple[float | None, Evidence]] = []
        for meeting_id, group in by_meeting.items():
            window = self.index.later_meetings(meeting_id, self.config.horizon_meetings)
            parents = self.index.parent_meetings(meeting_id, self.config.horizon_meetings)
            cites = {w: self.index.previous_meeting(w) for w in window}
            for subject in group:
                query = self.query(subject)
                scored.extend(self._text_evidence(query, window, parents, cites))
                scored.extend((None, e) for e in self.blocked.evidence(subject, query))
        return self._settle(scored)

    def _text_evidence(self, query: Query, window: list[str], parents: list[str],
                       cites: dict[str, str | None]) -> list[tuple[float | None, Evidence]]:
        """The best sentence per later meeting (own committee and parents)."""
        out: list[tuple[float | None, Evidence]] = []
        deliverable = not DELIVERABLE.isdisjoint(query.terms)
        for mid in (*window, *parents):
            found = [
                m
                for m in find_matches(
                    query,
                    self.candidates.meeting(mid),
                    self.verbs,
                    self.cutoff,
                    cites.get(mid),
                    self.contrasts,
                )
                if self.is_later(m, query.subject)
            ]
            best = min(found, key=_preference) if found else None
            if best is None and deliverable:
                heads = find_matches(
                    query, self.candidates.heads(mid), self.verbs, self.cutoff, None, self.contrasts
                )
                if heads:
                    head = heads[0]
                    status = head.candidate.verdict.status if head.candidate.verdict else "done"
                    out.append((head.score, self.make(query.subject, "report_back", head, status=status)))
                continue
            if best is not None:
                out.append((best.score, self.make(query.subject, self._rule(best, mid in parents), best)))
        return out

    def is_later(self, match: Match, subject: Subject) -> bool:
        """A decision notice records the decisions of the meeting it names:
        evidence only for actions minuted before that meeting."""
        if match.candidate.kind != "notice":
            return True
        recorded = self.index.notices.get(self.index.items[match.candidate.item_id].document_id)
        own = self.index.meetings.get(subject.meeting_id)
        return recorded is None or own is None or own.date is None or recorded > own.date

    @staticmethod
    def _rule(match: Match, parent: bool) -> str:
        if parent:
            return "parent_body"
        if match.cites_minute:
            return "minute_ref"
        verdict = match.candidate.verdict
        if verdict is not None and DELIVERED.match(match.candidate.text, verdict.start):
            # "reported back on ... as requested", "the report requested at the last meeting"
            return "report_back"
        return {"review": "review_section", "notice": "decision_notice"}.get(
            match.candidate.kind, "text_similarity"
        )

    def make(
        self, subject: Subject, rule: str, match: Match, *, status: str | None | bool = True
    ) -> Evidence:
        c = match.candidate
        item = self.index.items[c.item_id]
        meeting = self.index.meetings.get(item.meeting_id)
        return Evidence(
            subject.kind, subject.id, rule, c.status if status is True else status or None,
            round(match.score * 100, 1), item.meeting_id, meeting.date if meeting else None,
            item.document_id, item.id, item.start_char + c.start, item.start_char + c.end, c.text,
        )

    @staticmethod
    def _settle(scored: list[tuple[float | None, Evidence]]) -> list[Evidence]:
        """A sentence found by text is evidence only for the actions it fits
        best (within COMPETITION of its best score; blocked evidence, score
        None, is exempt); then one row per subject and sentence, keeping the
        strongest rule."""
        best_for: dict[tuple[str | None, int], float] = {}
        for score, ev in scored:
            if score is not None:
                key = (ev.item_id, ev.start_char)
                best_for[key] = max(best_for.get(key, 0.0), score)
        kept: dict[tuple[str, str | None, int], Evidence] = {}
        for score, ev in scored:
            key = (ev.item_id, ev.start_char)
            if score is not None and score < best_for[key] - COMPETITION:
                continue
            k = (ev.subject_id, *key)
            if k not in kept or RULE_RANK.get(ev.rule, 9) < RULE_RANK.get(kept[k].rule, 9):
                kept[k] = ev
        return sorted(kept.values(), key=lambda e: (e.subject_id, e.meeting_date or "", e.start_char))


def _preference(m: Match) -> tuple[float, bool, int]:
    """Best score first; between equals, a sentence with a verdict."""
    return (-round(m.score, 2), m.candidate.verdict is None, m.candidate.start)
