"""The numbers Word prints before list paragraphs ("1)", "4.2", "b.", "•").

Word does not store a numbered paragraph's number in its text: the paragraph
names a list (``w:numId``) and a level (``w:ilvl``), directly or through its
style, and ``numbering.xml`` says how that level counts ("decimal",
"lowerLetter", ...) and prints ("%1.%2"). Minutes are numbered this way, and
the numbers are how their items are found, so they are rendered here as Word
renders them: a counter per list and level, deeper levels restarting when a
shallower one moves on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .list_numbers import format_number, int_or

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "•"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """List definitions of one document and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """Read ``numbering.xml`` of a python-docx Document (an empty one when absent)."""
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        numbering = cls()
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                levels[int_or(lvl.get(f"{W}ilvl"), 0)] = Level(
                    start=int_or(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                )
            numbering.levels[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId") or ""
            numbering.nums[num_id] = _val(num, "abstractNumId") or ""
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    numbering.overrides.setdefault(num_id, {})[int_or(override.get(f"{W}ilvl"), 0)] = int_or(
                        start, 1
                    )
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The printed label of the next paragraph of list ``num_id`` at level ``ilvl`` ("" if none)."""
        abstract = self.nums.get(num_id)
        if num_id in ("", "0") or abstract is None:
            return ""
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, [None] * 9)
        ilvl = max(0, min(ilvl, 8))
        if num_id not in self._seen:  # a list instance that restarts its numbering
            self._seen.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none":
            return ""
        out = level.text
        for lvl in range(9):
            token = f"%{lvl + 1}"
            if token in out:
                shown = levels.get(lvl, Level())
                count = counters[lvl]
                value = shown.start if count is None else count
                out = out.replace(token, format_number(value, shown.fmt if lvl != ilvl else level.fmt))
        return out.strip()


def _val(el: Any, name: str) -> str | None:
    child = el.find(f"{W}{name}")
    return None if child is None else child.get(f"{W}val")
