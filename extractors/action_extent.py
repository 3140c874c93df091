"""Where an action's words end: across a break inside an unfinished sentence, and over
the list a commitment introduces.

PDF text often breaks a sentence across a paragraph gap ("(ACTION: Officer to arrange",
blank line, "Members' briefing sessions.)"): the sentence reader stops at the blank line,
so the action would lose its object. A commitment that introduces a list ("Officers
agreed to obtain the following figures:" then bullets) has its substance in the list.
Both are read here, within one paragraph's reach and with a cap, never past a heading,
a numbered minute or another action line.
"""

from __future__ import annotations

import re

from .clauses import BULLETS

#: A sentence cut before its end: the words stop on one of these.
_DANGLING = re.compile(
    r"\b(?:to|the|a|an|of|for|with|and|or|on|at|by|from|in|into|about|regarding|including|"
    r"between|via|per|whether|that|their|its|his|her|our|all|any)$",
    re.IGNORECASE,
)
#: The continuation of a cut sentence: one short line that ends the sentence.
_RUN_ON = re.compile(
    r"[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*(?P<rest>[^\n]{1,160}?[.!?])(?=[\"'”’)\]]*(?:[^\S\n]|\n|$))"
)
#: A line that cannot continue a sentence: a bullet, a numbered or lettered part, a label.
_NOT_CONTINUED = re.compile(
    rf"[{BULLETS}\-–*]\s|\(?(?:\d{{1,3}}|[a-z]|[ivx]{{1,4}})[.)]\s|\d{{1,3}}\s{{2,}}|"
    r"(?:actions?|resolved|agreed|decision|minutes?)\s*[:\-–]",
    re.IGNORECASE,
)
#: A list entry at a line start: a bullet or dash, "(a)", "b)", "ii.", "1.".
_ITEM = re.compile(
    rf"[^\S\n]*(?P<mark>[{BULLETS}\-–*]|\(?(?:[a-z]|[ivx]{{1,4}}|\d{{1,2}})[.)])[^\S\n]+\S"
)
#: A line that ends the list: a heading such as "7    Annual Report" or "Item 8".
_HEADING = re.compile(r"[^\S\n]*(?:\d{1,3}(?:[.)]|\s{2,})\s*[A-Z]|item\s+\d)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"[^\S\n]*\n")
#: A clause that ends in ";" or ":" at a line end, introducing a list of its own details
#: (blank lines between, as PDF text often has them).
LIST_INTRO = re.compile(
    rf"[;:][^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*(?=[{BULLETS}\-–*]\s|\(?[a-z0-9]{{1,3}}[.)]\s)"
)
MAX_LIST_ITEMS = 8
MAX_LIST_CHARS = 1500


def run_on(text: str, start: int, end: int) -> int:
    """``end`` moved over a paragraph break the sentence runs across: the words stop
    mid-sentence (inside an open bracket, or on a word like "to" / "the") and the next
    line, which is no bullet, part or label, finishes the sentence."""
    words = text[start:end].rstrip()
    if not words or words[-1] in ".!?;:)" or _LINE_BREAK.match(text, end) is None:
        return end
    line = text[text.rfind("\n", 0, start) + 1 : end]
    if line.count("(") <= line.count(")") and not _DANGLING.search(words):
        return end
    m = _RUN_ON.match(text, end)
    if m is None or _NOT_CONTINUED.match(m.group("rest")):
        return end
    return m.end()


def list_end(text: str, intro_end: int) -> int | None:
    """The end of the list that starts on the line after ``intro_end`` (its entries and their
    wrapped lines), or None when no list follows."""
    pos = intro_end
    nl = text.find("\n", pos)
    if nl < 0:
        return None
    items = 0
    end: int | None = None
    kind: str | None = None
    at = nl + 1
    while at < len(text) and items <= MAX_LIST_ITEMS and at - intro_end <= MAX_LIST_CHARS:
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        line = text[at:line_end]
        item = _ITEM.match(line)
        if not line.strip():
            if end is None and at == nl + 1:
                at = line_end + 1
                continue  # a blank line between the intro and its first entry
            if end is None or at + 1 >= len(text):
                break
            nxt = _ITEM.match(text, _next_line(text, at))
            if nxt is None or _mark_kind(nxt.group("mark")) != kind:
                break  # a blank line ends the list unless another entry of it follows
        elif item is not None:
            if kind is not None and _mark_kind(item.group("mark")) != kind:
                break  # "7. Annual Report" after a bulleted list: the next minute
            kind = _mark_kind(item.group("mark"))
            items += 1
            if items > MAX_LIST_ITEMS:
                break
            end = at + len(line.rstrip())
        elif (
            end is not None
            and not _HEADING.match(line)
            and (line[:1].isspace() or text[end - 1] not in ".;")
        ):
            end = at + len(line.rstrip())  # the entry's wrapped line
        else:
            break
        at = line_end + 1
    return end


def _next_line(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\n":
        at += 1
    return text.rfind("\n", 0, at) + 1


def _mark_kind(mark: str) -> str:
    core = mark.strip("().")
    return "digit" if core.isdigit() else "letter" if core.isalpha() else "bullet"
