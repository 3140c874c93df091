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
            r.status, r.last_evidence or "", "; ".join((r.source, *r.also_in)))


UNTRACKABLE = "Not trackable (too vague to check; not counted as outstanding)"


def render(rows: Sequence[FlagRow], fmt: str, *, as_of: str, vague: Sequence[FlagRow] = ()) -> str:
    """``rows`` are the flagged actions; ``vague`` the "not trackable" ones, listed apart."""
    if fmt == "json":
        return json.dumps({"as_of": as_of, "flagged": len(rows), "actions": [r.as_dict() for r in rows],
                           "not_trackable": [r.as_dict() for r in vague]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(FlagRow.__dataclass_fields__) + ["source"]
        writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "; ".join(v) if isinstance(v, list) else v for k, v in r.as_dict().items()}
                         for r in (*rows, *vague))
        return buf.getvalue()
    if fmt == "markdown":
        out = f"# Outstanding actions as of {as_of}: {len(rows)}\n\n" + _markdown(rows)
        return out + (f"\n## {UNTRACKABLE}: {len(vague)}\n\n" + _markdown(vague) if vague else "")
    if fmt == "html":
        more = f"<h2>{html.escape(UNTRACKABLE)}: {len(vague)}</h2>\n{_html(vague)}" if vague else ""
        return (f"<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Outstanding actions {as_of}</title>"
                f"</head><body>\n<h1>Outstanding actions as of {html.escape(as_of)}: {len(rows)}</h1>\n"
                f"{_html(rows)}{more}</body></html>\n")
    return _table(rows, as_of, vague)


def _markdown(rows: Sequence[FlagRow]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in _cells(r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _html(rows: Sequence[FlagRow]) -> str:
    th = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r)) + "</tr>\n" for r in rows)
    return f"<table>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}</tbody></table>\n"


def _table(rows: Sequence[FlagRow], as_of: str, vague: Sequence[FlagRow] = ()) -> str:
    """One block per action: a one-line header, then the action, its context,
    the last evidence (or that there is none) and the source reference,
    wrapped for a terminal."""
    out = [f"{len(rows)} outstanding action(s) as of {as_of}"]
    _blocks(out, rows)
    if vague:
        out += ["", f"{UNTRACKABLE}: {len(vague)}"]
        _blocks(out, vague)
    return "\n".join(out) + "\n"


def _blocks(out: list[str], rows: Sequence[FlagRow]) -> None:
    for r in rows:
        days = "undated" if r.days_outstanding is None else f"{r.days_outstanding} days"
        out.append("")
        out.append(f"[{r.action_id[:10]}] {r.council or '?'} / {r.committee or '?'} / {r.when} ({days}, {r.status})")
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
        else:
            out.append("  last:     no evidence in later minutes")
        out.append(f"  source:   {r.source}")
        for other in r.also_in:
            out.append(f"  also in:  {other}")
