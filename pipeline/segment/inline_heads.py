"""Minute numbers inside flattened text ("... J Broadhead 24/21 Declaration of Interests ...").

A Word or PDF page saved as one long line keeps its minute numbers but loses
the line breaks before them. Minute-year numbers ("23/21", "C124/20") are
distinctive enough to find mid-line when at least three of them follow in
order with the same year; plain numbers are not, and are left alone.
"""

from __future__ import annotations

from collections import defaultdict

from .heading_forms import INLINE_MINUTE, SENTENCE_OPENERS
from .heading_lines import SMALL_WORDS

LONG_LINE = 400  # a text with no line this long keeps its line breaks
MIN_RUN = 3
MAX_STEP = 2
MAX_TITLE_WORDS = 8


def inline_minutes(text: str) -> list[tuple[int, str, str | None]]:
    """(offset, number, title) of each minute number in a flattened text, or [] for an ordinary one."""
    if max((len(line) for line in text.split("\n")), default=0) < LONG_LINE:
        return []
    groups: dict[tuple[str, str], list[tuple[int, int, str, int]]] = defaultdict(list)
    for match in INLINE_MINUTE.finditer(text):
        prefix, suffix = match.group("prefix") or "", match.group("suffix")
        number = f"{prefix}{match.group('key')}/{suffix}"
        groups[(prefix, suffix)].append((match.start(), int(match.group("key")), number, match.end()))
    best: list[tuple[int, int, str, int]] = []
    for found in groups.values():
        run = _rising(found)
        if len(run) > len(best):
            best = run
    if len(best) < MIN_RUN:
        return []
    return [(start, number, _title(text, end)) for start, _key, number, end in best]


def _rising(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """Longest run with keys rising by small steps, in text order."""
    length = [1] * len(found)
    back = [-1] * len(found)
    for i, (_s, key, _n, _e) in enumerate(found):
        for j in range(i):
            if 1 <= key - found[j][1] <= MAX_STEP and length[j] + 1 > length[i]:
                length[i], back[i] = length[j] + 1, j
    if not found:
        return []
    end = max(range(len(found)), key=lambda k: (length[k], -k))
    run = []
    while end != -1:
        run.append(found[end])
        end = back[end]
    return run[::-1]


def _title(text: str, at: int) -> str | None:
    """The capitalised words after a minute number: "Apologies for Absence"."""
    taken: list[str] = []
    for word in text[at : at + 200].split():
        bare = word.strip(",.;:()")
        if not bare or not bare[0].isalpha() or (taken and bare in SENTENCE_OPENERS):
            break
        if not bare[0].isupper() and bare.lower() not in SMALL_WORDS:
            break
        taken.append(word)
        if len(taken) >= MAX_TITLE_WORDS or word.endswith((".", ":", ";")):
            break
    while taken and taken[-1].lower() in SMALL_WORDS:
        taken.pop()
    return " ".join(taken).strip(" .,:;") or None
