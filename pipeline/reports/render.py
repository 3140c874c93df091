"""Render flag rows as table, JSON, CSV, Markdown or HTML (one string)."""

from __future__ import annotations

import csv
import html
import io
import json
import textwrap
from collections.abc import Sequence

from .flag import FlagRow

COLUMNS = ("council", "committee", "meeting", "item", "action", "owner", "due", "days", "status",
           "last evidence", "source")


def _cells(r: FlagRow) -> tuple[str, ...]:
    return (r.council or "", r.committee or "", r.when, r.item_title or "", r.action, r.owner or "",
            r.due_date or r.due or "", "undated" if r.days_outstanding is None else str(r.days_outstanding),
            r.status, r.last_evidence or "", r.source)


def render(rows: Sequence[FlagRow], fmt: str, *, as_of: str) -> str:
    if fmt == "json":
        return json.dumps({"as_of": as_of, "flagged": len(rows), "actions": [r.as_dict() for r in rows]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(rows[0].as_dict()) if rows else list(FlagRow.__dataclass_fields__) + ["source"]
        writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.as_dict() for r in rows)
        return buf.getvalue()
    if fmt == "markdown":
        head = f"# Outstanding actions as of {as_of}: {len(rows)}\n\n"
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += [
            "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in _cells(r)) + " |"
            for r in rows
        ]
        return head + "\n".join(lines) + "\n"
    if fmt == "html":
        th = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r)) + "</tr>\n" for r in rows
        )
        return (
            f'<!doctype html>\n<html><head><meta charset="utf-8"><title>Outstanding actions {as_of}</title>'
            f"</head><body>\n<h1>Outstanding actions as of {html.escape(as_of)}: {len(rows)}</h1>\n"
            f"<table>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}</tbody></table>\n</body></html>\n"
        )
    return _table(rows, as_of)


def _table(rows: Sequence[FlagRow], as_of: str) -> str:
    """One block per action: a one-line header, then the action, its context,
    the last evidence and the source reference, wrapped for a terminal."""
    out = [f"{len(rows)} outstanding action(s) as of {as_of}"]
    for r in rows:
        days = "undated" if r.days_outstanding is None else f"{r.days_outstanding} days"
        out.append("")
        out.append(
            f"[{r.action_id[:10]}] {r.council or '?'} / {r.committee or '?'} / {r.when} ({days}, {r.status})"
        )
        if r.item_title:
            out.append(f"  item:     {r.item_title}")
        out.append(textwrap.fill(r.action, 100, initial_indent="  action:   ", subsequent_indent=" " * 12))
        if r.context and r.context.strip() != r.action.strip():
            ctx = " ".join(r.context.split())
            ctx = ctx if len(ctx) <= 400 else ctx[:397] + "..."
            out.append(textwrap.fill(ctx, 100, initial_indent="  context:  ", subsequent_indent=" " * 12))
        if r.owner or r.due or r.due_date:
            out.append(f"  owner:    {r.owner or '-'}   due: {r.due_date or r.due or '-'}")
        if r.last_evidence:
            out.append(textwrap.fill(f"{r.last_evidence_date} {r.last_evidence}", 100,
                                     initial_indent="  last:     ", subsequent_indent=" " * 12))
        out.append(f"  source:   {r.source}")
    return "\n".join(out) + "\n"
