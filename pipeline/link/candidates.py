"""The sentences of a later meeting that may be evidence, indexed by term.

Built once per meeting per link run and shared by every earlier action that
looks there: a sentence is a candidate when it carries a status phrase, sits
in a review section ("matters arising", an action log), cites an earlier
minute ("Minute 16: ...") or belongs to a decision notice. Each carries the
terms of its item's title too, so "The report requested at the last meeting
was presented." under the heading "Pubwatch scheme" is about Pubwatch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..text.sentences import Sentence
from .blocking import Item, StoreIndex
from .cues import minute_ref
from .terms import Termer, Terms
from .text import PhraseRules, Verdict, lower_words

TITLE_SCALE = 0.75  # a title term counts for a little less than the sentence's own words


@dataclass(frozen=True)
class Candidate:
    item_id: str
    meeting_id: str
    start: int  # into the item text
    end: int
    text: str
    terms: Terms  # sentence terms, then title terms not already there (scaled)
    title_only: frozenset[str]
    total: float  # sum of term weights
    verdict: Verdict | None
    kind: str  # "review" | "statement" | "notice"
    minute_ref: str | None  # "16" for "Minute 16: ..."

    @property
    def status(self) -> str | None:
        if self.verdict is not None:
            return self.verdict.status
        return "done" if self.kind == "notice" else None


@dataclass
class MeetingCandidates:
    candidates: list[Candidate] = field(default_factory=list)
    # term -> [(candidate index, factor on the action's weight, the candidate's weight)]
    postings: dict[str, list[tuple[int, float, float]]] = field(default_factory=dict)

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> MeetingCandidates:
        """The candidates with their postings, indexed by term once."""
        found = cls()
        postings: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
        for n, cand in enumerate(candidates):
            found.candidates.append(cand)
            for t, w in cand.terms.items():
                postings[t].append((n, TITLE_SCALE if t in cand.title_only else 1.0, w))
        found.postings = dict(postings)
        return found


class CandidateIndex:
    """Per-meeting candidates, built lazily and cached for the run."""

    def __init__(self, index: StoreIndex, termer: Termer, rules: PhraseRules, review_re) -> None:  # type: ignore[no-untyped-def]
        self.index = index
        self.termer = termer
        self.rules = rules
        self.review = review_re
        self._meetings: dict[str, MeetingCandidates] = {}
        self._items: dict[str, tuple[Candidate, ...]] = {}
        self._titles: dict[str, Terms] = {}
        self._heads: dict[str, MeetingCandidates] = {}
        self._whole: dict[str, MeetingCandidates] = {}
        self._body_words: dict[str, frozenset[str]] = {}

    def body_words(self, meeting_id: str) -> frozenset[str]:
        """The council's and committee's own names: in every sentence of their
        minutes ("That the Committee for Transport and Connectivity noted..."),
        so they say nothing about which business is meant."""
        meeting = self.index.meetings.get(meeting_id)
        block = meeting.block if meeting else ("", "")
        cached = self._body_words.get(f"{block[0]}\n{block[1]}")
        if cached is None:
            cached = self.termer.owner_words(f"{block[0]} {block[1]}")
            self._body_words[f"{block[0]}\n{block[1]}"] = cached
        return cached

    def title_terms(self, item_id: str) -> Terms:
        cached = self._titles.get(item_id)
        if cached is None:
            item = self.index.items[item_id]
            generic = self.review.search(item.title) or self.termer.is_generic_title(item.title)
            cached = {} if generic else self.termer.terms(item.title, drop=self.body_words(item.meeting_id))
            self._titles[item_id] = cached
        return cached

    def _kind(self, item: Item) -> str:
        if item.document_id in self.index.notices:
            return "notice"
        review = self.review.search(item.title) or self.review.search(item.text[:300])
        return "review" if review else "statement"

    def _candidate(self, item: Item, s: Sentence, kind: str, ref: str | None, words: list[str],
                   verdict: Verdict | None, title: Terms, body: frozenset[str]) -> Candidate:
        """``title``, ``body``: the item's title_terms and body_words."""
        terms = self.termer.terms(s.text, drop=body, words=words)
        only = frozenset(t for t in title if t not in terms) if title else frozenset()
        for t in only:
            terms[t] = title[t] * TITLE_SCALE
        return Candidate(item.id, item.meeting_id, s.start, s.end, s.text, terms, only, sum(terms.values()),
                         verdict, "review" if ref and kind == "statement" else kind, ref)

    def item_candidates(self, item_id: str) -> tuple[Candidate, ...]:
        """Every sentence of an item as a candidate (a blocked item is read whole)."""
        cached = self._items.get(item_id)
        if cached is None:
            item = self.index.items[item_id]
            kind = self._kind(item)
            title, body = self.title_terms(item_id), self.body_words(item.meeting_id)
            out = []
            for s in self.index.sentences_of(item_id):
                words = lower_words(s.text)
                out.append(self._candidate(item, s, kind, minute_ref(s.text), words,
                                           self.rules.verdict(s.text, words), title, body))
            cached = tuple(out)
            self._items[item_id] = cached
        return cached

    def _worth_comparing(self, item_id: str) -> list[Candidate]:
        """The candidates of an item that meeting() keeps; for a plain item
        (most of them) only its sentences with a status phrase or a minute
        reference get their terms worked out, unless it was read whole already."""
        cached = self._items.get(item_id)
        item = self.index.items[item_id]
        kind = self._kind(item) if cached is None else ""
        if cached is not None or kind != "statement":
            whole = self.item_candidates(item_id)
            return [c for c in whole if c.verdict is not None or c.kind != "statement"]
        out = []
        title, body = self.title_terms(item_id), self.body_words(item.meeting_id)
        for s in self.index.sentences_of(item_id):
            ref = minute_ref(s.text)
            words = lower_words(s.text)
            verdict = self.rules.verdict(s.text, words)
            if verdict is not None or ref:
                out.append(self._candidate(item, s, kind, ref, words, verdict, title, body))
        return out

    def first_candidate(self, item_id: str) -> Candidate | None:
        """An item's first sentence as item_candidates() would give it."""
        cached = self._items.get(item_id)
        if cached is not None:
            return cached[0] if cached else None
        found = self.index.sentences_of(item_id)
        if not found:
            return None
        item, s = self.index.items[item_id], found[0]
        words = lower_words(s.text)
        return self._candidate(item, s, self._kind(item), minute_ref(s.text), words,
                               self.rules.verdict(s.text, words), self.title_terms(item_id),
                               self.body_words(item.meeting_id))

    def meeting(self, meeting_id: str) -> MeetingCandidates:
        """Sentences of a meeting worth comparing with every earlier action:
        a status phrase, a review section, a minute reference, a decision notice."""
        cached = self._meetings.get(meeting_id)
        if cached is None:
            cached = MeetingCandidates.of(
                c for iid in self.index.meeting_items.get(meeting_id, ()) for c in self._worth_comparing(iid)
            )
            self._meetings[meeting_id] = cached
        return cached

    def whole_item(self, item_id: str) -> MeetingCandidates:
        """Every sentence of an item, indexed by term once for the run: a
        blocked item (same issue, same scheme) is read whole by every earlier
        action that reaches it."""
        cached = self._whole.get(item_id)
        if cached is None:
            cached = self._whole[item_id] = MeetingCandidates.of(self.item_candidates(item_id))
        return cached

    def heads(self, meeting_id: str) -> MeetingCandidates:
        """One candidate per item of a meeting: its title and opening sentence,
        for actions that ask for something to come back (a report, an update, a
        briefing): the later item that brings it is the evidence."""
        cached = self._heads.get(meeting_id)
        if cached is None:
            cached = self._heads[meeting_id] = MeetingCandidates.of(self._item_heads(meeting_id))
        return cached

    def _item_heads(self, meeting_id: str) -> Iterator[Candidate]:
        for iid in self.index.meeting_items.get(meeting_id, ()):
            title = self.title_terms(iid)
            if not title or self.index.items[iid].document_id in self.index.notices:
                continue
            head = self.first_candidate(iid)
            terms = dict(title)
            if head is not None:
                for t, w in head.terms.items():
                    terms.setdefault(t, w)
            item = self.index.items[iid]
            yield Candidate(
                iid, item.meeting_id, head.start if head else 0, head.end if head else 0,
                head.text if head else item.title, terms, frozenset(), sum(terms.values()),
                head.verdict if head else None, "item", None)
