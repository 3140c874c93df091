"""`minutes link`, `flag`, `action`, `scheme` and `consistency`: follow-through.

`minutes flag` exits 0 when nothing is flagged and 3 when something is, so a
nightly job (cron, systemd timer) can alert on the exit code alone.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from ...config import load_config
from ...errors import UsageError
from ...link import link
from ...link.overrides import resolve_action_id, set_override
from ...link.text import STATUSES
from ...reports.consistency import count_issues, figure_issues
from ...reports.detail import action_detail
from ...reports.flag import FlagQuery, flagged, untrackable
from ...reports.nightly import prepare
from ...reports.render import render
from ...reports.timeline import scheme_timeline
from ...text.durations import parse_days
from ..exits import EXIT_FLAGGED, EXIT_OK
from .common import check_date, config_option, db_option, emit_json, err, format_option, open_db

log = logging.getLogger(__name__)


def register(group: click.Group) -> None:
    for cmd in (link_cmd, flag_cmd, action_cmd, scheme_cmd, consistency_cmd):
        group.add_command(cmd)


@click.command("link")
@db_option
@config_option
@format_option("table", "json")
def link_cmd(db_path, config_path, fmt, as_json):  # type: ignore[no-untyped-def]
    """Re-run follow-through over the whole store (ingest does this too).

    \b
    Example:
      minutes link --db output/minutes.db --json
    """
    config = load_config(config_path).link  # a bad config is the first thing said
    db = open_db(db_path)
    summary = link(db, config=config)
    if as_json or fmt == "json":
        emit_json(summary.as_dict())
        return
    counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.status_counts.items())) or "no actions"
    click.echo(f"{summary.actions} actions ({counts}), {summary.resolutions} resolutions, "
               f"{summary.evidence} pieces of evidence, {summary.due_dates_resolved} due dates resolved "
               f"in {summary.seconds:.2f}s")


@click.command("flag")
@db_option
@config_option
@click.option(
    "--as-of",
    "as_of",
    envvar="MINUTES_AS_OF",
    show_envvar=True,
    help="Report as on this date (YYYY-MM-DD; default today).",
)
@click.option(
    "--older-than",
    "older_than",
    help="Only actions at least this old, e.g. 90d, 4w, 3m "
    "(default link.flag_older_than in config, 28d). Undated meetings are always listed.",
)
@click.option(
    "--since", "since", help="Only actions first seen (their meeting) or due on or after this date."
)
@click.option("--council", help="Only councils whose name contains this.")
@click.option("--committee", help="Only committees whose name contains this.")
@format_option("table", "json", "csv", "markdown", "html")
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    help="Write the report here instead of stdout (its folder is created if missing).",
)
def flag_cmd(db_path, config_path, as_of, older_than, since, council, committee, fmt, as_json, output):  # type: ignore[no-untyped-def]
    """List actions with no evidence of completion that are overdue.

    Overdue means the due date in force on --as-of has passed, or (no due
    date) the meeting is older than --older-than. Actions "not trackable"
    (too vague to check) are listed apart and never counted. Each row has the
    short id `minutes action ID` takes; actions not flagged by the last run
    (kept in the store's flag_runs table) are listed first as new. Exit
    status: 0 nothing flagged, 3 something flagged, 2 usage error or no store.

    \b
    Example:
      minutes flag --as-of 2026-11-23 --older-than 90d --format markdown --output outstanding.md
    """
    config = load_config(config_path).link
    as_of = as_of or date.today().isoformat()
    check_date(as_of, "--as-of")
    check_date(since, "--since")
    try:
        days = parse_days(older_than or config.flag_older_than)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    db = open_db(db_path)
    if not db.execute("select 1 from documents limit 1").fetchone():
        raise UsageError(f"the store {db_path} holds no minutes: nothing was checked")
    query = FlagQuery(as_of, days, council, committee)
    rows, vague, nightly = prepare(db, query, flagged(db, query), untrackable(db, query), since=since)
    odd = sorted({r.problem for r in [*rows, *vague] if r.problem})
    if odd:
        err(
            f"warning: {len(odd)} impossible stored date(s), their actions listed as "
            f"undated: {'; '.join(odd[:3])}"
        )
    text = render(rows, "json" if as_json else fmt, as_of=as_of, vague=vague, nightly=nightly)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
        log.info("%d flagged action(s) written to %s", len(rows), output)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_FLAGGED if rows else EXIT_OK)


@click.command("action")
@click.argument("action_id")
@db_option
@config_option
@click.option(
    "--status",
    type=click.Choice(STATUSES + ("in_progress", "not_trackable")),
    help="Officer override of the status.",
)
@click.option(
    "--note", default="", help="Why (required with --status; kept with the override in its history)."
)
@format_option("table", "json")
def action_cmd(action_id, db_path, config_path, status, note, fmt, as_json):  # type: ignore[no-untyped-def]
    """Show one action (id or unique prefix), or override its status.

    An override wins over computed status and survives re-ingest; --status
    needs --note, and every override stays in the status history.

    \b
    Example:
      minutes action 3f9a2c --status done --note "Packs emailed to Members 4 Nov"
    """
    config = load_config(config_path)  # a bad --config stops here, even when it is not needed
    if status and not note.strip():
        raise UsageError("--status needs --note saying why (it is kept with the override)")
    db = open_db(db_path)
    full = resolve_action_id(db, action_id)  # NotFound: exit 2
    if status:
        set_override(db, full, status=status, note=note)
        link(db, config=config.link)
    detail = action_detail(db, full)
    if as_json or fmt == "json":
        emit_json(asdict(detail))
        return
    a = detail.action
    click.echo(f"action {a['id']}  [{a['status']}]")
    click.echo(f"  {a['council'] or '?'} / {a['committee'] or '?'} / {a['meeting_date'] or 'undated'}")
    if a["item_title"]:
        click.echo(f"  item:    {a['item_title']}")
    click.echo(f"  action:  {a['text']}")
    if a["context"] and a["context"] != a["text"]:
        click.echo(f"  context: {' '.join(str(a['context']).split())}")
    click.echo(f"  owner:   {a['owner'] or '-'}   due: {a['due_date'] or a['due'] or '-'}")
    page = f" p.{a['page']}" if a["page"] is not None else ""
    click.echo(f"  source:  {a['document']}{page} chars {a['start_char']}–{a['end_char']}")
    click.echo("status history:")
    for c in detail.changes:
        score = f" score {c['score']}" if c["score"] is not None else ""
        click.echo(
            f"  {c['seq']}. {c['at'] or 'undated'}  {c['status']:<11} ({c['rule']}{score}) {c['quote'] or ''}"
        )
        if c["rule"] not in ("override",) and c["document"]:
            click.echo(f"       {c['document']} chars {c['start_char']}–{c['end_char']}")
    if detail.due_changes:
        click.echo("due dates:" + ("  (moved)" if len(detail.due_changes) > 1 else ""))
        for d in detail.due_changes:
            click.echo(f"  {d['seq']}. set {d['at'] or 'undated'}  due {d['due_date'] or '?'} ({d['rule']}:"
                       f" {d['due_text']})  {d['quote']}")
            click.echo(
                f"       {d['document']} item {d['item_title'] or '-'} chars "
                f"{d['start_char']}–{d['end_char']}"
            )
    if detail.evidence:
        click.echo("evidence:")
        for e in detail.evidence:
            click.echo(f"  {e['meeting_date']}  {e['rule']} -> {e['status'] or 'mentioned'}: {e['quote']}"
                       f"  [{e['document']} chars {e['start_char']}–{e['end_char']}]")


@click.command("scheme")
@click.argument("name")
@db_option
@config_option
@format_option("table", "json")
def scheme_cmd(name, db_path, config_path, fmt, as_json):  # type: ignore[no-untyped-def]
    """Every mention of a scheme and the amounts in its sentence, by year,
    then each matched scheme's total and the amounts it adds up (a sum
    printed twice at one meeting once; suspect amounts left out).

    \b
    Example:
      minutes scheme "nominated neighbour"
    """
    config = load_config(config_path)
    db = open_db(db_path)
    tl = scheme_timeline(db, name, config=config.link)
    if as_json or fmt == "json":
        emit_json({"matches": [asdict(m) for m in tl.matches],
                   "years": {y: [asdict(m) for m in ms] for y, ms in tl.years.items()},
                   "totals": [asdict(t) for t in tl.totals]})
        return
    if not tl.matches:
        err(f"no scheme matches {name!r}")
        return
    click.echo("matched: " + "; ".join(f"{m.name} ({m.score:g})" for m in tl.matches))
    for year, mentions in tl.years.items():
        click.echo(f"\n{year}")
        for m in mentions:
            money = f"  amounts: {', '.join(m.amounts)}" if m.amounts else ""
            click.echo(f"  {m.meeting_date or 'undated'}  {m.council or '?'} / {m.committee or '?'}  "
                       f"{m.document} chars {m.start_char}–{m.end_char}{money}")
            click.echo(f"    {m.quote}")
    for t in tl.totals:
        click.echo(f"\ntotal for {t.name}: £{t.total_gbp:,.0f}"
                   + (f" = {' + '.join(t.summed)}" if t.summed else " (no amount in a sentence naming it)"))


@click.command("consistency")
@db_option
@format_option("table", "json")
def consistency_cmd(db_path, fmt, as_json):  # type: ignore[no-untyped-def]
    """Figures that disagree across documents, and counts that don't add up
    inside one. Exit status 3 when anything is listed.

    \b
    Example:
      minutes consistency --json
    """
    db = open_db(db_path)
    figures, counts = figure_issues(db), count_issues(db)
    if as_json or fmt == "json":
        emit_json({"figures": [asdict(f) for f in figures],
                   "counts": [{**asdict(c), "total_of_parts": c.total_of_parts} for c in counts]})
    else:
        click.echo(f"{len(figures)} figure disagreement(s), {len(counts)} count disagreement(s)")
        for f in figures:
            click.echo(f"\n[{f.kind}] {f.message}")
            for a in f.amounts:
                page = f" p.{a.page}" if a.page is not None else ""
                click.echo(
                    f"  {a.meeting_date or 'undated'}  {a.raw:<12} {a.document}{page} chars "
                    f"{a.start_char}–{a.end_char}"
                )
        for c in counts:
            parts = " + ".join(str(p[0]) for p in c.parts)
            click.echo(
                f"\n[count] {c.document}: states {c.stated} {c.noun}, then lists {parts} = {c.total_of_parts}"
            )
            click.echo(f"  {c.quote}  (chars {c.stated_at[0]}–{c.parts[-1][2]})")
    sys.exit(EXIT_FLAGGED if figures or counts else EXIT_OK)
