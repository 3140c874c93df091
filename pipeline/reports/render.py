"""Render flag rows as table, JSON, CSV, Markdown or HTML (one string).

Every row carries its short action id (what `minutes action ID` takes). With
a ``Nightly`` context the report opens with what is new since the last run and
then lists what was flagged before it; not-trackable actions come last."""

from __future__ import annotations

import csv
import html
import io
import json
import textwrap
from collections.abc import Sequence

from .flag import FlagRow
from .nightly import Nightly

COLUMNS = ("id", "council", "committee", "meeting", "item", "action", "owner", "due", "days", "status",
           "last evidence", "source")
UNTRACKABLE = "Not trackable (too vague to check; not counted as outstanding)"


def _cells(r: FlagRow, ctx: Nightly) -> tuple[str, ...]:
    return (ctx.short(r.action_id), r.council or "", r.committee or "", r.when, r.item_title or "", r.action,
            r.owner or "", r.due_date or r.due or "",
            "undated" if r.days_outstanding is None else str(r.days_outstanding),
            r.status, r.last_evidence or "", "; ".join((r.source, *r.also_in)))


def _sections(rows: Sequence[FlagRow], ctx: Nightly | None) -> list[tuple[str, Sequence[FlagRow]]]:
    """(heading, rows): new since the last run first, then the rest; one
    untitled section without a Nightly context."""
    if ctx is None:
        return [("", rows)]
    new, before = ctx.split(rows)
    if ctx.last_run is None:
        return [(f"New (first run: no earlier run to compare with): {len(new)}", new)]
    return [(f"New since the last run ({ctx.last_run}): {len(new)}", new),
            (f"Flagged before the last run and still outstanding: {len(before)}", before)]


def _header(rows: Sequence[FlagRow], as_of: str, ctx: Nightly | None) -> str:
    head = f"{len(rows)} outstanding action(s) as of {as_of}"
    if ctx and ctx.since:
        head += f", first seen or due since {ctx.since}"
    if ctx and ctx.last_run:
        head += f"; {len(ctx.split(rows)[0])} new since the last run ({ctx.last_run})"
    return head


def render(rows: Sequence[FlagRow], fmt: str, *, as_of: str, vague: Sequence[FlagRow] = (),
           nightly: Nightly | None = None) -> str:
    """``rows`` are the flagged actions; ``vague`` the "not trackable" ones, listed apart."""
    ctx = nightly or Nightly()
    if fmt == "json":
        def item(r: FlagRow) -> dict[str, object]:
            return {**r.as_dict(), "short_id": ctx.short(r.action_id), "new": ctx.is_new(r)}
        return json.dumps({"as_of": as_of, "since": ctx.since, "flagged": len(rows), "last_run": ctx.last_run,
                           "new_since_last_run": sum(ctx.is_new(r) for r in rows),
                           "actions": [item(r) for r in rows], "not_trackable": [item(r) for r in vague]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        fields = [*FlagRow.__dataclass_fields__, "source", "short_id", "new"]
        writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(
            {
                **{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.as_dict().items()},
                "short_id": ctx.short(r.action_id),
                "new": int(ctx.is_new(r)),
            }
            for r in (*rows, *vague)
        )
        return buf.getvalue()
    sections = _sections(rows, nightly)
    if vague:
        sections.append((f"{UNTRACKABLE}: {len(vague)}", vague))
    if fmt == "markdown":
        out = f"# Outstanding actions as of {as_of}: {len(rows)}\n\n{_header(rows, as_of, nightly)}.\n"
        for title, part in sections:
            out += (f"\n## {title}\n" if title else "") + ("\n" + _markdown(part, ctx) if part else "")
        return out
    if fmt == "html":
        body = "".join(
            (f"<h2>{html.escape(title)}</h2>\n" if title else "") + (_html(part, ctx) if part else "")
            for title, part in sections
        )
        return (
            f'<!doctype html>\n<html><head><meta charset="utf-8"><title>Outstanding actions {as_of}</title>'
            f"</head><body>\n<h1>Outstanding actions as of {html.escape(as_of)}: {len(rows)}</h1>\n"
            f"<p>{html.escape(_header(rows, as_of, nightly))}.</p>\n{body}</body></html>\n"
        )
    lines = [_header(rows, as_of, nightly)]
    for title, part in sections:
        if title:
            lines += ["", f"== {title} =="]
        _blocks(lines, part, ctx)
    return "\n".join(lines) + "\n"


def _markdown(rows: Sequence[FlagRow], ctx: Nightly) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in _cells(r, ctx)) + " |"
              for r in rows]
    return "\n".join(lines) + "\n"


def _html(rows: Sequence[FlagRow], ctx: Nightly) -> str:
    th = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r, ctx)) + "</tr>\n" for r in rows
    )
    return f"<table>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}</tbody></table>\n"


def _blocks(out: list[str], rows: Sequence[FlagRow], ctx: Nightly) -> None:
    """One block per action: a one-line header with its short id, then the
    action, its context, the last evidence (or that there is none) and the
    source reference, wrapped for a terminal."""
    for r in rows:
        days = "undated" if r.days_outstanding is None else f"{r.days_outstanding} days"
        out.append("")
        out.append(f"[{ctx.short(r.action_id)}] {r.council or '?'} / {r.committee or '?'} / {r.when}"
                   f" ({days}, {r.status})")
        if r.item_title:
            out.append(f"  item:     {r.item_title}")
        words = " ".join(r.action.split())  # an action run on across a paragraph gap: one line of words
        out.append(textwrap.fill(words, 100, initial_indent="  action:   ", subsequent_indent=" " * 12))
        if r.context and r.context.strip() != r.action.strip():
            ctx_text = " ".join(r.context.split())
            ctx_text = ctx_text if len(ctx_text) <= 400 else ctx_text[:397] + "..."
            out.append(
                textwrap.fill(ctx_text, 100, initial_indent="  context:  ", subsequent_indent=" " * 12)
            )
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
        if r.problem:
            out.append(f"  problem:  {r.problem}")
