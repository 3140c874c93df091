"""Money: every mention of a sum in pounds, normalised to a value in pounds.

Sums are found with regular expressions over ``doc.text`` (money forms such as
"£1,530.9m", "£5-10m" or a glued "of£139,250k" cut across spaCy's tokens), so
offsets are exact; spans in ``doc.spans["money"]`` are the token-expanded
view for other components. The words that set period, kind and purpose are
data (``patterns/money.json``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import Amount, Fact

from .found_spans import set_found_spans
from .sentences import doc_text

KEY = "money"
PATTERNS = Path(__file__).parent / "patterns" / "money.json"

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Scale words; a single-letter suffix must be attached and not start a word.
MULT = r"\s?(?:million|billion|thousand|mn|bn)\b|(?:bn|BN|k|K|m|M)(?![A-Za-z])"
POUND = re.compile(rf"£\s?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d])")
WORDS = re.compile(
    rf"(?<![£\d.,])(?P<num>{NUM})(?P<mult>\s?(?:million|billion|thousand|m|k|"
    r"bn))?\s(?:pounds(?: sterling)?|GBP)\b"
    rf"|\bGBP\s?(?P<num2>{NUM})(?P<mult2>{MULT})?(?![\d])"
)
#: A money column in a table flattened to text: a header "AMOUNT" or "Amount (£)"
#: makes the pence-precision figures after it sums even without "£" (parish
#: bank balances and payment schedules print them so). Figures need three
#: integer digits or a thousands comma, so times ("7.30") are never read.
MONEY_COLUMN = re.compile(r"\bAMOUNT\b|\bAmount\s*(?:\(£\)|£)")
COLUMN_FIGURE = re.compile(r"(?<![£\d.,/:])(?P<num>\d{1,3}(?:,\d{3})+\.\d{2}|\d{3,}\.\d{2})(?![\d%.]|\.\d)")
COLUMN_REACH = 500  # characters after the header in which its figures are read
#: The second half of a range written once with £: "£5-10m", "£3,000 to 5,000".
RANGE_TAIL = re.compile(rf"\s?(?:-|–|—|to)\s?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%/.])")

PURPOSE_REACH = 40  # characters after the sum in which a purpose cue may start
PERIODISH = re.compile(
    r"(?:the |each |every |a |one )?(?:year|years|week|month|period|financial year)\b", re.IGNORECASE
)

SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
         "bn": 1_000_000_000, "billion": 1_000_000_000, "b": 1_000_000_000}

SUSPECT_K = "thousands suffix on a figure that already has thousands separators"
IMPLAUSIBLE = "implausibly large for a council sum"


@dataclass(frozen=True)
class Money:
    """One sum as written, with exact offsets into the text."""

    start: int
    end: int
    raw: str
    value_gbp: float
    number: str  # the digits as written, e.g. "139,250"
    scale: str | None  # the scale word as written: "k", "m", "million", ...
    period: str | None = None
    kind: str | None = None
    purpose: str | None = None
    suspect: str | None = None


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    unknown = set(data) - {"periods", "kinds", "purpose_cues", "purpose_stops", "window"}
    if unknown:
        raise ValueError(f"{PATTERNS}: unknown keys {sorted(unknown)}")
    periods = [(re.compile(p["pattern"], re.IGNORECASE), p["period"]) for p in data["periods"]]
    kinds = [(re.compile(rf"\b{k}\b", re.IGNORECASE), k) for k in data["kinds"]]
    cues = re.compile(r"\b(?:" + "|".join(data["purpose_cues"]) + r")\s+(?=[A-Za-z])", re.IGNORECASE)
    stops = re.compile(r"[.;:()\n]|,\s|\s(?:" + "|".join(data["purpose_stops"]) + r")\s", re.IGNORECASE)
    return {"periods": periods, "kinds": kinds, "cues": cues, "stops": stops, "window": int(data["window"])}


def parse_value(number: str, scale: str | None) -> float:
    """'1,530.9', 'm' -> 1530900000.0 (Decimal arithmetic, so no float drift)."""
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return 0.0
    key = (scale or "").strip().lower()
    value *= SCALE.get(key, 1)
    return float(round(value, 2))


def _suspect(number: str, scale: str | None, value: float) -> str | None:
    if scale and scale.strip().lower() in ("k", "thousand") and "," in number:
        return SUSPECT_K
    if value >= 1e11:
        return IMPLAUSIBLE
    return None


def find_money(text: str) -> list[Money]:
    """Every sum in ``text`` in order; ranges give two entries."""
    found: list[Money] = []
    for m in POUND.finditer(text):
        first = _money(text, m.start(), m.end(), m.group("num"), m.group("mult"))
        tail = RANGE_TAIL.match(text, m.end())
        if tail and _is_range_tail(tail):
            second = _money(text, tail.start("num"), tail.end(), tail.group("num"), tail.group("mult"))
            if first.scale is None and second.scale is not None:
                # "£5-10m": the scale written once applies to both ends
                first = replace(
                    first,
                    value_gbp=parse_value(first.number, second.scale),
                    suspect=_suspect(first.number, second.scale, parse_value(first.number, second.scale)),
                )
            found.extend((first, second))
        else:
            found.append(first)
    for m in WORDS.finditer(text):
        num = m.group("num") or m.group("num2")
        mult = m.group("mult") if m.group("num") else m.group("mult2")
        found.append(_money(text, m.start(), m.end(), num, mult))
    found.extend(_column_figures(text, found))
    found.sort(key=lambda x: x.start)
    return _flag_conflicts(found)


def _column_figures(text: str, found: list[Money]) -> list[Money]:
    """Figures under a money column header that no other form has read."""
    out: list[Money] = []
    taken = [(f.start, f.end) for f in found]
    for header in MONEY_COLUMN.finditer(text):
        reach = text.find("\n\n", header.end(), header.end() + COLUMN_REACH)
        end = reach if reach != -1 else min(len(text), header.end() + COLUMN_REACH)
        for m in COLUMN_FIGURE.finditer(text, header.end(), end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(_money(text, m.start(), m.end(), m.group("num"), None))
    return out


def _is_range_tail(tail: re.Match[str]) -> bool:
    """"£5-10m" and "£3,000 to 5,000" are ranges; "£3 to 4 people" is not."""
    if "to" in tail.group(0)[: tail.start("num") - tail.start()]:
        return bool(tail.group("mult")) or "," in tail.group("num")
    return True


def _money(text: str, start: int, end: int, number: str, scale: str | None) -> Money:
    value = parse_value(number, scale)
    return Money(start, end, text[start:end], value, number, scale.strip() if scale else None,
                 suspect=_suspect(number, scale, value))


def _flag_conflicts(found: list[Money]) -> list[Money]:
    """The same distinctive figure written with different scales ("£139,250" and
    "£139,250k") in one document: flag the forms that disagree with the plain one."""
    groups: dict[str, set[float]] = defaultdict(set)
    for m in found:
        if _distinctive(m.number):
            groups[m.number.replace(",", "")].add(m.value_gbp)
    out = []
    for m in found:
        key = m.number.replace(",", "")
        values = groups.get(key, set())
        if len(values) > 1:
            plain = parse_value(m.number, None)
            if m.value_gbp != plain or plain not in values:
                others = ", ".join(f"£{v:,.2f}".replace(".00", "") for v in sorted(values - {m.value_gbp}))
                note = f"conflicts with the same figure written as {others} elsewhere in the document"
                m = replace(m, suspect=f"{m.suspect}; {note}" if m.suspect else note)
        out.append(m)
    return out


def _distinctive(number: str) -> bool:
    """Figures unlikely to repeat by chance (at least four significant digits)."""
    return len(number.replace(",", "").replace(".", "").strip("0")) >= 4


def describe(text: str, money: Money, *, sentence: tuple[int, int] | None = None) -> Money:
    """Add period, kind and purpose from the words around ``money`` (same sentence)."""
    r = rules()
    lo, hi = sentence if sentence else (0, len(text))
    lo = max(lo, money.start - r["window"])
    hi = min(hi, money.end + r["window"])
    before, after = text[lo : money.start], text[money.end : hi]
    period = _nearest(r["periods"], before, after)
    kind = _nearest(r["kinds"], before, after)
    return replace(money, period=period, kind=kind, purpose=_purpose(after, r))


def _nearest(rules_: list[tuple[re.Pattern[str], str]], before: str, after: str) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, label in rules_:
        for m in pattern.finditer(after):
            dist = m.start()
            if best is None or dist < best[0]:
                best = (dist, _label(label, m))
            break
        for m in pattern.finditer(before):
            dist = len(before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, _label(label, m))
    return best[1] if best else None


def _label(label: str, m: re.Match[str]) -> str:
    """A label may refer to groups: "{1}-{2}" -> "2022-23"."""
    if "{" not in label:
        return label
    return label.format(*([m.group(0)] + [g or "" for g in m.groups()]))


def _purpose(after: str, r: dict[str, Any]) -> str | None:
    """The phrase after "for"/"to support"/... close behind the sum, up to a clause break."""
    head = r["stops"].search(after)
    reach = min(PURPOSE_REACH, head.start() + 40 if head else PURPOSE_REACH)
    for cue in r["cues"].finditer(after, 0, reach):
        rest = after[cue.end() :]
        stop = r["stops"].search(rest)
        phrase = " ".join((rest[: stop.start()] if stop else rest).split()[:10]).strip(" ,-–")
        if phrase and not PERIODISH.match(phrase):
            return phrase
    return None


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc_text(doc)))]
    return [(s.start_char, s.end_char) for s in doc.sents]


def money_in(doc: Doc) -> list[Money]:
    """Sums in ``doc`` with period, kind and purpose read from their sentence."""
    text = doc_text(doc)
    found = find_money(text)
    if not found:
        return []
    bounds = sentence_bounds(doc)
    out, i = [], 0
    for m in found:
        while i + 1 < len(bounds) and bounds[i][1] <= m.start:
            i += 1
        out.append(describe(text, m, sentence=bounds[i]))
    return out


if not Doc.has_extension("money"):
    Doc.set_extension("money", default=None)


@Language.factory("minutes_money", assigns=["doc.spans", "doc._.money"])
def make_money(nlp: Language, name: str) -> MoneyFinder:
    return MoneyFinder()


class MoneyFinder:
    """Writes ``doc.spans["money"]`` and the matching ``doc._.money`` records."""

    def __call__(self, doc: Doc) -> Doc:
        found = money_in(doc)
        set_found_spans(doc, KEY, None, found, lambda _m: "MONEY")
        doc._.money = tuple(found)
        return doc


def amounts(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[Amount]:
    """Amount records for every sum the component found (or finds now)."""
    found = doc._.money if doc._.money is not None else money_in(doc)
    return [
        Amount(fact(m.start, m.end), m.raw, m.value_gbp, m.period, m.kind, m.purpose, m.suspect)
        for m in found
    ]
