"""One document scored: its extraction against its gold file, kind by kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rapidfuzz import fuzz

from ...records import ProcessedDocument
from .bodies import body_type
from .matching import NAME_CUTOFF, match, name_similarity, norm, same_amount, text_similarity
from .meeting import score_meeting
from .scores import DocumentResult, Score


def evaluate_document(gold: dict[str, Any], processed: ProcessedDocument) -> DocumentResult:
    ex = processed.extraction
    scores: dict[str, Score] = {}
    misses: dict[str, list[str]] = {}
    extras: dict[str, list[str]] = {}

    def record(kind: str, gold_list: list[Any], pred_list: list[Any], sim: Callable[[Any, Any], float],
               cutoff: float, show_g: Callable[[Any], str], show_p: Callable[[Any], str]) -> None:
        score, gmiss, pextra = match(gold_list, pred_list, sim, cutoff)
        scores[kind] = score
        if gmiss:
            misses[kind] = [show_g(gold_list[i]) for i in gmiss]
        if pextra:
            extras[kind] = [show_p(pred_list[i]) for i in pextra]

    items = list(processed.items)
    record(
        "items", gold.get("items", []), items,
        lambda g, p: 100.0 if g.get("number") and g["number"] == p.number else
        (fuzz.token_set_ratio(norm(g.get("title")), norm(p.title)) if g.get("title") and p.title else 0.0),
        NAME_CUTOFF,
        lambda g: f"{g.get('number')} {g.get('title')}", lambda p: f"{p.number} {p.title}",
    )
    record(
        "resolutions", gold.get("resolutions", []), list(ex.resolutions),
        lambda g, p: text_similarity(g["text"], p.fact.text), 1e-9,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "actions", gold.get("actions", []), list(ex.actions),
        lambda g, p: text_similarity(g["text"], p.fact.text), 1e-9,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "amounts", gold.get("amounts", []), list(ex.amounts),
        lambda g, p: 100.0 if same_amount(float(g["value_gbp"]), p.value_gbp) else 0.0, 100.0,
        lambda g: f"{g.get('raw')} = {g['value_gbp']}", lambda p: f"{p.raw} = {p.value_gbp}",
    )
    schemes = _distinct_schemes(ex.schemes)
    record(
        "schemes", gold.get("schemes", []), schemes,
        lambda g, p: max(name_similarity(g["name"], form) for form in p), NAME_CUTOFF,
        lambda g: g["name"], lambda p: p[0],
    )
    return DocumentResult(gold.get("document", "?"), gold.get("council"), scores, misses, extras,
                          body_type=body_type(gold.get("council"), gold.get("committee")),
                          meeting=score_meeting(gold, processed.clean.source.meta))


def _distinct_schemes(mentions: Iterable[Any]) -> list[tuple[str, ...]]:
    """One entry per distinct scheme: its name first, then every surface form."""
    groups: dict[str, list[str]] = {}
    for m in mentions:
        forms = groups.setdefault(m.canonical, [m.name])
        for form in (m.name, m.fact.text):
            if form not in forms:
                forms.append(form)
    return [tuple(forms) for forms in groups.values()]
