"""The run of numbered headings that is the agenda.

Among the candidates (``numbered_heads``) the agenda's headings are the
heaviest run of one printed form whose numbers rise by small steps, where the
next item is the first line after an item that carries the next number (a run
that passes over such a line pays for it). Before the run is chosen, lists
lose weight or go: three or more titles with no text between them are a
contents page; lines introduced by a colon are a resolution's parts; a list
restarting at 1 under a heading belongs to it; numbered lines packed in a block
weigh less where headings stand as paragraphs of their own. A run of report
sections ("1 Summary", "2 Background") is an officer's report, not an agenda.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .heading_forms import NUMBER_ALONE, NUMBERED_FORMS, PAGE_NUMBER, REPORT_SECTION
from .heading_lines import Line
from .numbered_heads import Candidate

MAX_STEP = 6  # items skipped in numbering (exempt business) stay in one run
STEP_COST = 0.2  # per number skipped
SKIP_COST = 0.3  # per weight of a skipped line that carried the next number
MIN_RUN_SCORE = 1.8
TITLED = 0.8  # a candidate this heavy reads like a title
NESTED = 0.5  # weight kept by a list nested under a heading
PACKED = 0.5  # weight kept by a numbered line inside a block of lines, where headings stand alone
OWN_PARAGRAPH_HEADINGS = 3  # headings standing alone that make the rule above apply
MAX_PREDECESSORS = (
    12  # nearest earlier lines per number tried as the item before (further ones skip too much)
)
MIN_TEXT_BETWEEN = 60  # characters of minute text that separate two items (less: a list's wrapped line)


def best_run(lines: Sequence[Line], cands: list[Candidate]) -> list[Candidate]:
    """The highest-scoring run of one form with rising numbers, or [] when none convinces."""
    cands = _packed_weigh_less(lines, _nested_lists_weigh_less(drop_lists(lines, cands)))
    families: dict[tuple[str, str, str], list[Candidate]] = defaultdict(list)
    for cand in cands:
        families[cand.family].append(cand)
    best: list[Candidate] = []
    best_score = 0.0
    for members in families.values():
        run, score = _run(members)
        if (score, len(run)) > (best_score, len(best)):
            best, best_score = run, score
    if sum(1 for c in best if c.title and REPORT_SECTION.match(c.title)) >= 3:
        return []  # an officer's report: "1 Summary", "2 Background", "4 Recommendation"
    if len(best) >= 2 and best_score >= MIN_RUN_SCORE and sum(1 for c in best if _heads_text(lines, c)) >= 2:
        return best
    if len(best) == 1 and best[0].weight >= 1.0 and best[0].key == 1:
        return best  # a single first item ("1. Business of the Mayor") with its own sub-items
    return []


def drop_lists(lines: Sequence[Line], cands: list[Candidate]) -> list[Candidate]:
    """Remove runs of 3+ titles with no text between them (contents pages, agenda lists).

    A run of sentences (a parish item's own numbered list) is left to the
    run finder, which prefers the item headings around it.
    """
    kept: list[Candidate] = []
    run: list[Candidate] = []
    for cand in cands:
        if run and not _text_between(lines, run[-1], cand) and _follows(run[-1], cand):
            run.append(cand)
            continue
        kept.extend(_unless_list(lines, run))
        run = [cand]
    kept.extend(_unless_list(lines, run))
    return kept


def _unless_list(lines: Sequence[Line], run: list[Candidate]) -> list[Candidate]:
    """A run is a list when 3+ of its lines are titles, or when a line ending in ':' introduces it."""
    if not run:
        return run
    introduced = run[0].index > 0 and lines[run[0].index - 1].text.endswith((":", ":-", "–"))
    if (introduced and len(run) >= 2) or sum(1 for c in run if c.weight >= TITLED) >= 3:
        return []
    return run


def _follows(a: Candidate, b: Candidate) -> bool:
    return a.family == b.family and 1 <= b.key - a.key <= MAX_STEP


def _text_between(lines: Sequence[Line], a: Candidate, b: Candidate) -> bool:
    """Minute text between two candidates: a sentence, or more than a wrapped line of a list."""
    if a.body:
        return True
    between = [lines[k].text for k in range(a.last + 1, b.index) if not _numbered_line(lines[k].text)]
    return (
        any(t.endswith((".", "!", "?", ":")) for t in between)
        or sum(len(t) for t in between) >= MIN_TEXT_BETWEEN
    )


def _numbered_line(text: str) -> bool:
    return bool(
        PAGE_NUMBER.match(text) or NUMBER_ALONE.match(text) or any(p.match(text) for _f, p in NUMBERED_FORMS)
    )


def _packed_weigh_less(lines: Sequence[Line], cands: list[Candidate]) -> list[Candidate]:
    """Where item headings stand as paragraphs of their own (a blank line above and below), numbered
    lines packed inside a block of lines (a table of statements, a list) weigh less."""
    if sum(1 for c in cands if c.weight >= TITLED and _own_paragraph(lines, c)) < OWN_PARAGRAPH_HEADINGS:
        return cands
    return [c if _own_paragraph(lines, c) else replace(c, weight=c.weight * PACKED) for c in cands]


def _own_paragraph(lines: Sequence[Line], cand: Candidate) -> bool:
    after = cand.last + 1
    return lines[cand.index].after_blank and (after >= len(lines) or lines[after].after_blank)


def _nested_lists_weigh_less(cands: list[Candidate]) -> list[Candidate]:
    """A list that restarts at 1 on the line after a heading ("5. Matters arising" / "1. ..." / "2. ...")
    belongs to that heading: its lines weigh half."""
    out: list[Candidate] = []
    nested_key = 0
    for cand in cands:
        prev = out[-1] if out else None
        same_form = prev is not None and cand.family == prev.family
        if same_form and prev is not None and cand.key == 1 and cand.index == prev.last + 1:
            nested_key = 1
        elif same_form and nested_key and cand.key == nested_key + 1:
            nested_key += 1
        else:
            nested_key = 0
        out.append(replace(cand, weight=cand.weight * NESTED) if nested_key else cand)
    return out


def _heads_text(lines: Sequence[Line], cand: Candidate) -> bool:
    """Reads like a title, or stands on its own line over the item's text (not
    a numbered sentence in a list)."""
    if cand.weight >= TITLED:
        return True
    after = cand.last + 1
    return not cand.body and after < len(lines) and not _numbered_line(lines[after].text)


def _run(members: list[Candidate]) -> tuple[list[Candidate], float]:
    """Weighted longest rising chain (dynamic programming over candidates in reading order)."""
    by_key: dict[int, list[int]] = defaultdict(list)
    for pos, cand in enumerate(members):
        by_key[cand.key].append(pos)
    prefix: dict[int, list[float]] = {}
    for key, positions in by_key.items():
        sums = [0.0]
        for pos in positions:
            sums.append(sums[-1] + members[pos].weight)
        prefix[key] = sums
    score = [0.0] * len(members)
    back = [-1] * len(members)
    for i, cand in enumerate(members):
        score[i], back[i] = cand.weight, -1
        for step in range(1, MAX_STEP + 1):
            positions = by_key.get(cand.key - step, [])
            nearest = bisect.bisect_left(positions, i)
            for j in positions[max(0, nearest - MAX_PREDECESSORS) : nearest]:
                cost = STEP_COST * (step - 1) + SKIP_COST * _skipped(
                    by_key, prefix, members[j].key, cand.key, j, i
                )
                if score[j] - cost + cand.weight >= score[i]:  # ties: the nearer item before
                    score[i], back[i] = score[j] - cost + cand.weight, j
    if not members:
        return [], 0.0
    end = max(range(len(members)), key=lambda k: (score[k], -k))
    chain = []
    while end != -1:
        chain.append(members[end])
        end = back[end]
    return chain[::-1], max(score)


def _skipped(
    by_key: dict[int, list[int]], prefix: dict[int, list[float]], low: int, high: int, j: int, i: int
) -> float:
    """Weight of candidates between positions j and i whose numbers fall in (low, high]."""
    total = 0.0
    for key in range(low + 1, high + 1):
        positions = by_key.get(key)
        if not positions:
            continue
        a, b = bisect.bisect_right(positions, j), bisect.bisect_left(positions, i)
        total += prefix[key][b] - prefix[key][a]
    return total
