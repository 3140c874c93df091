"""Is a later sentence about this action? Weighted term overlap.

The score mixes the share of the action's term weight that the sentence
carries (its distinctive nouns weigh most, its verb group little, its owner's
words nothing) with the share of the sentence that is about the action: "The
information packs had been circulated" is wholly about "Nominated Neighbour
Scheme information packs be circulated" though it names only the packs. A
"Minute 16: ..." line about the action's own minute counts extra; one about
another minute of that meeting never matches. Candidates are
reached through a term index, so an action only meets sentences that share
a term with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import Candidate, MeetingCandidates
from .subjects import Subject
from .terms import Termer, Terms

ACTION_TITLE_SCALE = 0.5  # the action's own item title: context, not the action
MINUTE_REF_BONUS = 0.25
Q_SHARE = 0.55  # the action's share of the score; the rest is how much of the sentence is about it
MIN_SHARED = 2  # terms in common
DISTINCTIVE = 3.0  # a noun this rare ("Pubwatch", "CCTV", "ASB") may be the only one in common


@dataclass(frozen=True)
class Query:
    subject: Subject
    terms: Terms
    total: float
    item_number: str | None


@dataclass(frozen=True)
class Match:
    score: float  # 0..1
    candidate: Candidate
    cites_minute: bool


def build_query(subject: Subject, termer: Termer, title: Terms, item_number: str | None,
                body: frozenset[str] = frozenset()) -> Query:
    """The action's terms without its owner's words (nor its council's and
    committee's names, ``body``), plus its item title's."""
    drop = termer.owner_words(subject.owner) | body
    terms = termer.terms(subject.text, drop=drop)
    for t, w in title.items():
        if t not in terms:
            terms[t] = w * ACTION_TITLE_SCALE
    return Query(subject, terms, sum(terms.values()), item_number)


def find_matches(query: Query, meeting: MeetingCandidates, verbs: frozenset[str], cutoff: float,
                 cites: str | None, contrasts: dict[str, int] | None = None) -> list[Match]:
    """Candidates of one meeting that pass ``cutoff`` (0..1), best first.
    ``cites`` is the meeting whose minutes this one's minute references name
    (its previous meeting) when that is the action's own meeting."""
    if query.total <= 0:
        return []
    acc: dict[int, list[float]] = {}
    postings = meeting.postings
    for term, weight in query.terms.items():
        posted = postings.get(term)
        if not posted:
            continue
        # the hottest loop of a link run: one row per candidate sharing a term,
        # [shared action weight, shared candidate weight, terms, nouns, top noun
        # weight, the sentence's own words (not its item title's)]
        if term in verbs:
            for ci, factor, cand_weight in posted:
                row = acc.get(ci)
                if row is None:
                    acc[ci] = [weight * factor, cand_weight, 1, 0, 0.0, int(factor == 1.0)]
                else:
                    row[0] += weight * factor
                    row[1] += cand_weight
                    row[2] += 1
                    row[5] += factor == 1.0
        else:
            for ci, factor, cand_weight in posted:
                row = acc.get(ci)
                if row is None:
                    acc[ci] = [weight * factor, cand_weight, 1, 1, weight, int(factor == 1.0)]
                else:
                    row[0] += weight * factor
                    row[1] += cand_weight
                    row[2] += 1
                    row[3] += 1
                    if weight > row[4]:  # noqa: PLR1730 - max() is a call per posting, in the hottest loop
                        row[4] = weight
                    row[5] += factor == 1.0
    out = []
    candidates, item_number, total = meeting.candidates, query.item_number, query.total
    own_minutes = cites == query.subject.meeting_id
    for ci, (shared_q, shared_e, n, nouns, top_noun, own) in acc.items():
        if not own:
            continue  # "(Item 8)" under "Public Forum" shares only its title with an action there
        cand = candidates[ci]
        ref = cand.minute_ref if own_minutes else None
        cites_own = ref is not None and ref == item_number
        if ref is not None and item_number is not None and not cites_own:
            continue  # "Minute 17: ..." is not about an action minuted under 16
        if n < MIN_SHARED and not cites_own:
            continue
        if nouns < 2 and not cites_own and not (nouns == 1 and top_noun >= DISTINCTIVE):
            continue  # one common noun in common ("proposals") is not the same business
        cover_q = shared_q / total
        cover_e = shared_e / cand.total if cand.total else 0.0
        score = Q_SHARE * cover_q + (1 - Q_SHARE) * cover_e + (MINUTE_REF_BONUS if cites_own else 0.0)
        if score >= cutoff and not (contrasts and _contrasted(query.terms, cand.terms, contrasts)):
            out.append(Match(min(score, 1.0), cand, cites_own))
    out.sort(key=lambda m: (-m.score, m.candidate.start))
    return out


def _contrasted(query: Terms, cand: Terms, contrasts: dict[str, int]) -> bool:
    """The action says "summer" and the sentence "winter" (and not "summer"):
    another thing of the same kind, not this one."""
    mine = {contrasts[t] for t in query if t in contrasts and t not in cand}
    return bool(mine) and any(contrasts.get(t) in mine for t in cand if t not in query)
