"""Which reader reads which kind of cue (the kinds are named in ``patterns/resolution_cues.jsonl``)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..clauses import sentence_end, skip_space, strip_that
from .bodies import body_decision, body_stem_parts
from .readers import (
    at_line_start,
    bare_label,
    body_cue_ok,
    carried_parts,
    decision,
    it_was_agreed,
    put_to_vote,
)
from .rules import Hit, phrases
from .uncued import item_noted, label_lost, recorded_decision


def read(
    doc: Doc, text: str, cue_start: int, cue_end: int, tok: int, row: dict[str, Any], cue_starts: list[int]
) -> list[Hit]:
    kind = row["kind"]
    cue = row["cue"]
    if kind in ("label_line", "elided", "that") and not at_line_start(text, cue_start):
        return []
    if kind == "body" and not body_cue_ok(doc, tok, text, cue_end):
        return []
    if kind == "bare" or (kind == "label" and cue == "AGREED"):
        bare = bare_label(text, cue_start, cue_end, cue)
        if bare is not None:
            return bare
        if kind == "bare":
            return []
    if kind == "noted":
        return item_noted(text, cue_start, cue_end)
    if kind == "put_vote":
        return put_to_vote(text, cue_start, cue_end)
    if kind == "that":
        stem = body_stem_parts(text, cue_start)
        return stem if stem is not None else label_lost(text, cue_start)
    if kind == "body_past":
        return body_decision(text, cue_start, cue_end)
    if kind in ("minutes", "deferral"):
        return recorded_decision(text, cue_start, kind)
    if kind == "decision_of":
        # "Decision of Executive Councillor for Housing" then the decision on the next lines
        line_end = text.find("\n", cue_end)
        if line_end < 0 or not at_line_start(text, cue_start):
            return []
        return decision(text, skip_space(text, line_end), cue, "label_line")
    body = skip_space(text, cue_end)
    while body < len(text) and text[body] in ":;,–—-":
        body = skip_space(text, body + 1)
    body = strip_that(text, body, len(text))
    recommend = phrases()["recommend_label"].match(text, body)
    if recommend is not None and recommend.end() > body:
        body = strip_that(
            text, skip_space(text, recommend.end()), len(text)
        )  # "Resolved to RECOMMEND: (to Council) That ..."
    if kind == "carried":
        return carried_parts(text, cue_start, body)
    if kind == "it_was":
        return it_was_agreed(text, cue, body)
    if kind == "label_line" and cue == "DECISION":
        head = text[body : body + 80]
        if phrases()["no_decision"].match(head.strip()) or any(body <= s < body + 80 for s in cue_starts):
            return []
        first = text[body : sentence_end(text, body, body + 600)].rstrip()
        if not first.endswith((":", "–", "-")) and not (
            phrases()["decision_word"].search(first) or phrases()["subjunctive"].search(first)
        ):
            return []  # "Decision: Clarification was provided ...": narrative, not the decision
    own = kind in ("label", "label_line") and "\n" in text[cue_end:body]
    own_paragraph = own and kind == "label"
    return decision(
        text,
        body,
        cue,
        kind,
        own_paragraph=own_paragraph,
        siblings=own and text[cue_start:body].rstrip().endswith(":"),
    )
