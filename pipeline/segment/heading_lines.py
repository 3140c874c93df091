"""Lines of a cleaned text, and what a line reads like (a title, prose, a date).

The heading finders look at one line at a time and at its neighbours; these
tests are shared by all of them so that "reads like a title" means the same
for numbered, unnumbered and lettered headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import MONTHS
from ..text.itemtext import strip_furniture
from .heading_forms import CUE_START, LABEL, MEETING_PREAMBLE, PAGE_NUMBER, PERSON_OPENERS, SENTENCE_OPENERS

#: Words a title leaves in lower case ("Declaration of Interest").
SMALL_WORDS = frozenset(
    {"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from", "or", "as"}
)
MAX_TITLE = 160
MAX_TITLE_WORDS = 20
RUN_ON_WORDS = 4  # a heading line longer than this may carry the minute after its title
BULLETS = frozenset("•·▪◦\uf0b7*")
RUN_ON_REST = 3
SENTENCE_WINDOW = 4  # words a run-on minute has after its first lower-case word
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_MONTH_START = re.compile(
    r"^(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+\d", re.IGNORECASE
)
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b.{0,25}$"
    r"|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$",
    re.IGNORECASE,
)
#: A labelled field ("Present:- Cllr ...", "In attendance: ..."), not running text.
_FIELD = re.compile(r"^(?:[\w'’()&/-]+\s+){0,3}[\w'’()&/-]+\s*:")
#: Words written with a full stop that does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "no",
        "nos",
        "cllr",
        "rd",
        "ave",
        "co",
        "ltd",
        "rev",
        "sgt",
        "pc",
        "prof",
        "cttee",
        "approx",
        "para",
        "ref",
    }
)
#: A second sentence inside the line: ". The", "? It"
_INNER_SENTENCE = re.compile(r"[.?!]\s+[A-Z][a-z]")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the line's first visible character in the text
    text: str  # stripped
    after_blank: bool = False  # a blank line separates it from the line above


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets."""
    out: list[Line] = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(Line(len(out), pos + raw.index(stripped[0]), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def clean_title(title: str) -> str | None:
    """A title as printed, without link furniture, closing punctuation or
    Markdown marks ("**", a closing "\\")."""
    title = strip_furniture(re.sub(r"\s+", " ", title)).strip("*#_\\ ").rstrip(" .:;-–*\\")
    return title or None


def run_on_title(text: str) -> str:
    """The title at the start of a heading line whose minute runs on after it.

    "Police Report The CPO presented ..." -> "Police Report"; "Treasurer's
    Report IK presented ..." -> "Treasurer's Report" (initials open the
    sentence); "Christmas Lights Concern was expressed" -> "Christmas Lights"
    (the capitalised word before the first lower-case one opens the
    sentence). Without such a break the first sentence is the title.
    """
    found = text.split()
    if len(found) <= RUN_ON_WORDS or text.isupper():
        return text
    cuts = [k for k in (_opener(found), _lower_case_start(found), _repeat(found)) if k]
    if cuts:
        return " ".join(found[: min(cuts)])
    if len(found) <= MAX_TITLE_WORDS:
        return text
    return re.split(r"(?<=[.?!])\s+(?=[A-Z])", text, maxsplit=1)[0]


def _opener(found: list[str]) -> int | None:
    """Position of a word that opens a sentence or names a person: "... The
    Clerk reported", "... Cllr Dale"."""
    for k in range(1, min(len(found), MAX_TITLE_WORDS + 1)):
        word = found[k].strip(",;:()")
        if word[:1] in BULLETS or (word in PERSON_OPENERS and k >= 2):
            return k
        if word in SENTENCE_OPENERS and not word.isupper() and _sentence_after(found, k):
            return k
    return None


def _lower_case_start(found: list[str]) -> int | None:
    """Where the sentence starts before the first lower-case word: "Christmas Lights | Concern was ...",
    "Treasurer's Report | IK presented ..."."""
    for k in range(2, min(len(found), MAX_TITLE_WORDS + 1)):
        word, before = found[k].strip(",;:()"), found[k - 1]
        if not word[:1].islower() or word.lower() in SMALL_WORDS:
            continue
        if len(found) - k < RUN_ON_REST:
            return None  # "... Update report": a title that ends in a lower-case word
        if _INITIALS.match(before) or (
            k >= 3 and before[:1].isupper() and all(map(_title_word, found[: k - 1]))
        ):
            cut = k - 1
            while cut > 0 and found[cut - 1].lower() in SMALL_WORDS:
                cut -= 1
            return cut if cut >= 2 else None
        return None
    return None


def _repeat(found: list[str]) -> int | None:
    """ "Apologies for Absence Apologies were received": the minute repeats the title's first word."""
    for k in range(2, min(len(found), 2 * RUN_ON_WORDS + 1)):
        if found[k] == found[0]:
            return k
    return None


def _sentence_after(found: list[str], k: int) -> bool:
    """A lower-case word within the next few words after position k: "The Clerk reported", "No new"."""
    content = [w for w in found[k + 1 :] if w.lower() not in SMALL_WORDS][:SENTENCE_WINDOW]
    return any(w[:1].islower() for w in content)


def _title_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in SMALL_WORDS


def is_sentence(text: str) -> bool:
    """Ends like a sentence and is long, or holds two sentences ("St. Martin's" is not a sentence end)."""
    text = text.strip()
    for match in _INNER_SENTENCE.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        if not before or before[-1].lower().strip("(") not in ABBREVIATIONS:
            return True
    return text.endswith((".", "!", "?")) and len(words(text)) > 12


def titleish(title: str, *, max_len: int = MAX_TITLE) -> bool:
    """Reads like a heading: short, not a sentence, mostly capitalised words."""
    title = title.strip()
    if not title or len(title) > max_len or title.endswith((",", ";")) or CUE_START.match(title):
        return False
    if is_sentence(title):
        return False
    content = [w for w in words(title) if w.lower() not in SMALL_WORDS]
    if not content:
        return False
    if title.isupper() or len(content) <= 3:
        return True
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6


def is_date(text: str) -> bool:
    """A date line ("13 NOVEMBER 2009", "Wednesday, 21 May 2003", "7/11/2024")
    or a title opening with a month."""
    return bool(_DATE_LINE.match(text.strip()) or _MONTH_START.match(text.strip()))


def is_prose(text: str) -> bool:
    """A line of running minutes: several words, mostly lower case, not a label or the meeting's preamble."""
    text = text.strip()
    if LABEL.match(text) or _FIELD.match(text) or MEETING_PREAMBLE.match(text) or PAGE_NUMBER.match(text):
        return False
    found = words(text)
    if len(found) < 3 or (len(found) < 5 and not text.endswith((".", "!", "?"))):
        return False
    lower = sum(1 for w in found if w[0].islower())
    return lower / len(found) >= 0.34
