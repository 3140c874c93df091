"""One found commitment and the small text helpers every action reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .action_extent import LIST_INTRO, list_end, run_on
from .action_words import NP, find_due
from .clauses import block_bounds, sentence_end, sentence_start, trim

_OWNER_NP = re.compile(
    rf"(?:^|(?<=[\s,(–—-]))(?P<np>{NP}|[Oo]fficers|[Tt]he\s+[a-z]+\s+(?:officers?|team|members)"
    r"|[Tt]he\s+(?:parish\s+|town\s+)?(?:clerk|chair\w*|vice[- ]chair\w*|"
    r"treasurer|secretary|warden|officer)|[Hh]e|[Ss]he|[Tt]hey)\s*$"
)
_LEAD_NP = re.compile(rf"^(?P<np>{NP}|[Oo]fficers)\b")
NOT_SUBJECT = (
    "as ",
    "if ",
    "when ",
    "on ",
    "whereas ",
    "although ",
    "because ",
    "once ",
    "since ",
    "while ",
    "whilst ",
    "with ",
    "in ",
    "following ",
    "during ",
    "however",
    "after ",
    "before ",
)
#: The next numbered list item on its own line ("\n2. Ford defibrillator", "\n3.Highways").
_NEXT_ITEM = re.compile(r"\n[^\S\n]*\d{1,3}[.)](?:[^\S\n]+|(?=[A-Z]))")
_MARKUP = re.compile(
    r"</?(?:div|p|br|li|ul|ol|td|tr|th|table|tbody|span|b|i|em|strong|u|sup)\b[^>]*>", re.IGNORECASE
)
#: A contrasting clause after the commitment: what will not be done is not part of it.
_CONTRAST = re.compile(r",\s+(?:but|however|although|though)\b|;\s+however\b", re.IGNORECASE)
#: Whether the list a commitment introduces ("agreed to seek the following detail;" then
#: bullets) is part of the action's text or only of its context. Context, for now: the gold
#: (dev2 Bristol 2025-05-15) annotates the stem alone, and with the list in the text the
#: guide's matching (>= 40% of the prediction's words in the gold) loses that entry.
LIST_IN_TEXT = False
PRONOUNS = {"he", "she", "they", "it", "this", "that", "there", "members", "a member", "the member"}


@dataclass(frozen=True)
class Commitment:
    """One action found in the text (offsets exact)."""

    start: int
    end: int
    owner: str | None
    due: str | None
    context_start: int
    context_end: int
    from_resolution: bool = False


def commitment(
    text: str, start: int, end: int, owner: str | None, *, from_resolution: bool = False
) -> Commitment:
    """A Commitment over ``text[start:end]`` trimmed, with its due and the bullet around it."""
    start, end = trim(text, start, end)
    end = trim(text, start, run_on(text, start, end))[1]  # "(ACTION: X to arrange" <gap> "briefings.)"
    intro = LIST_INTRO.search(text, start, min(len(text), end + 12))
    listed = None
    if intro is not None and intro.start() <= end + 1:
        listed = list_end(text, intro.start())
        start, end = trim(text, start, intro.start())  # "agreed to seek the following detail;" then a list
    item = _NEXT_ITEM.search(text, start, min(len(text), end + 3))
    if item is not None and item.start() < end:
        start, end = trim(
            text, start, item.start()
        )  # a wrapped line never starts "2. Ford ...": the next list item
    tag = _MARKUP.search(text, start, end)
    if tag is not None:
        start, end = trim(text, start, tag.start())  # markup the loader left in a web page's text
    contrast = _CONTRAST.search(text, start, end)
    if contrast is not None and contrast.start() - start >= 20:
        start, end = trim(
            text, start, contrast.start()
        )  # "results would be made available, but it was unlikely ..."
    owner = clean_owner(owner)
    if owner and re.fullmatch(r"[A-Z]{2,4}(?:/[A-Z]{2,4})*", owner) and text[start:end].endswith(" " + owner):
        end = (
            start + len(text[start:end].rstrip()) - len(owner) - 1
        )  # "IK agreed to ... IK": the action column's initials
        start, end = trim(text, start, end)
    if listed is not None and LIST_IN_TEXT:
        end = listed
    cs, ce = block_bounds(text, start)
    ce = max(ce, end, listed or 0)  # the list a commitment introduces is shown with it
    return Commitment(start, end, owner, find_due(text[start:end]), min(cs, start), ce, from_resolution)


def clean_owner(owner: str | None) -> str | None:
    if owner is None:
        return None
    owner = " ".join(owner.split()).strip(" ,–—-")  # "The\nChair" wrapped by a PDF line end
    if not owner or owner.lower() in PRONOUNS or owner.lower().startswith(("it ", "there ")):
        return None
    return owner


def sentence(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence around ``pos``."""
    s = sentence_start(text, pos)
    return s, sentence_end(text, s, s + 2000) if s <= pos else sentence_end(text, pos, pos + 2000)


def owner_before(text: str, s: int, pos: int) -> str | None:
    """The noun phrase just before ``pos`` in its sentence ("Ms Gleave offered to"); an aside
    in brackets ("Kenny Combe (Vice Chair) agreed") and a heading line above are skipped."""
    chunk = text[s:pos].rstrip()
    chunk = re.sub(r"\s*\([^()]{1,60}\)$", "", chunk)
    nl = chunk.rfind("\n")
    if nl >= 0:
        above = text[text.rfind("\n", 0, s + nl) + 1 : s + nl].strip()
        if (
            len(above.split()) <= 5
            and not above.endswith((".", ",", ";", ":"))
            and not re.search(r"\b(?:the|The|Mr|Mrs|Ms|Dr|Cllr|Councillor|and)$", above)
        ):
            chunk = chunk[nl + 1 :]  # "7. Correspondence\nIK agreed to ...": the line above is a heading
    m = _OWNER_NP.search(chunk)
    if m is None or re.search(r"\b(?:of|to|for|with|by)\s*$", chunk[: m.start()]):
        return None
    inner = re.search(r"\s(The\s+\S.*)$", m.group("np"))
    return (
        inner.group(1) if inner else m.group("np")
    )  # "Gardens Refurbishment The Councillors": a heading glued on


def speaker(text: str, s: int, pos: int) -> str | None:
    """The sentence's opening noun phrase, for "X shared that ... and offered to"."""
    marker = re.match(r"\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)])\s+", text[s:pos])
    m = _LEAD_NP.match(text[s + (marker.end() if marker else 0) : pos])
    if m is None or (m.group("np") + " ").lower().startswith(NOT_SUBJECT):
        return None
    return m.group("np")


def after_dash(text: str, s: int, pos: int) -> int:
    """Minutes often write "question. – Answer": the commitment starts after the dash."""
    dash = max(text.rfind(" – ", s, pos), text.rfind(" - ", s, pos))
    return dash + 3 if dash >= 0 else s
