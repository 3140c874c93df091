"""Figures, targets and the printed table."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | None  # None: could not be measured
    unit: str
    target: float | None = None
    better: str = ">="  # ">=" or "<="
    note: str = ""

    @property
    def met(self) -> bool | None:
        """True/False against the target; None when there is no target."""
        if self.target is None:
            return None
        if self.value is None:
            return False
        compare: Callable[[float, float], bool] = operator.ge if self.better == ">=" else operator.le
        return compare(self.value, self.target)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "value": self.value, "unit": self.unit, "target": self.target,
            "better": self.better, "met": self.met, "note": self.note,
        }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 0.1 or value == 0:
        text = f"{value:,.2f}"
    else:
        text = f"{value:.2g}"
    return f"{text} {unit}".strip()


def table(figures: list[Figure]) -> str:
    rows = [("Figure", "Measured", "Target", "Result", "Note")]
    for f in figures:
        target = "" if f.target is None else f"{f.better} {_fmt(f.target, f.unit)}"
        result = {True: "met", False: "MISSED", None: "-"}[f.met]
        rows.append((f.name, _fmt(f.value, f.unit), target, result, f.note))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + (f"  {r[4]}" if r[4] else ""))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ----")
    return "\n".join(lines)
