"""`minutes tracker`: the action tracker officers keep by hand, as a table,
CSV, JSON or an Excel workbook (pipeline.reports.tracker)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ...errors import UsageError
from ...reports import tracker as tr
from ...reports.spreadsheet import to_csv, write_xlsx
from ...text.durations import parse_days
from . import tabulate
from .common import db_option, err, open_db

TABLE_COLUMNS = [
    "reference",
    "meeting_date",
    "committee",
    "owner",
    "action",
    "due",
    "status",
    "rag",
    "action_taken",
]


def register(group: click.Group) -> None:
    group.add_command(tracker_cmd)


@click.command("tracker")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "xlsx", "json"]),
    default="table",
    show_default=True,
    help="Output format (xlsx needs --output or a pipe).",
)
@click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json.")
@click.option(
    "--output", "-o", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout."
)
@click.option("--as-of", "as_of", metavar="DATE", help="RAG as on this date (YYYY-MM-DD; default today).")
@click.option(
    "--red-after",
    "red_after",
    default="3m",
    show_default=True,
    metavar="DURATION",
    help="An action with no due date turns red this long after its meeting (90d, 12w, 3m, 1y).",
)
@click.option("--council", help="Only councils whose name contains this.")
@click.option("--committee", help="Only committees whose name contains this.")
@click.option(
    "--rag", "rag", multiple=True, type=click.Choice(tr.RAG), help="Only rows of this RAG (repeatable)."
)
def tracker_cmd(db_path, fmt, as_json, output, as_of, red_after, council, committee, rag):  # type: ignore[no-untyped-def]
    """The action tracker officers keep by hand: one row per action agreed in
    the minutes, with the columns of a scrutiny recommendation tracker:
    reference (the short id `minutes action` takes), committee, meeting date,
    directorate or owner, the action, due date, action taken (the officer's
    note or the latest evidence from a later meeting, dated), status and RAG.

    \b
    RAG rule (as on --as-of, default today):
      green  closed: done, superseded or dropped
      red    open or in progress and overdue: the due date has passed, or
             there is no due date and it was agreed at least --red-after ago
             (default 3m = 90 days), or at a meeting whose date is unknown
      amber  open or in progress and not overdue

    The same table is the canned query "tracker" of `minutes serve`.

    \b
    Example:
      minutes tracker --format xlsx --output tracker.xlsx
      minutes tracker --committee Scrutiny --rag red --rag amber --format csv > open.csv
    """
    fmt = "json" if as_json else fmt
    try:
        days = parse_days(red_after)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if fmt == "xlsx" and not output and tabulate.stdout_is_terminal():
        raise UsageError("--format xlsx writes a workbook: give --output FILE (or pipe it)")
    db = open_db(db_path)
    query = tr.TrackerQuery(
        as_of=as_of, red_after_days=days, council=council, committee=committee, rag=tuple(rag)
    )
    rows = tr.tracker_rows(db, query)
    every = [r[0] for r in db.execute("select id from actions")]
    short = tabulate.short_ids(every, [r["id"] for r in rows])
    for row in rows:
        row["reference"] = short.get(row["id"], row["reference"])
    as_of_text = as_of or "today"
    notes = [
        f"Action tracker from {db_path}, RAG as on {as_of_text}.",
        "RAG rule: " + tr.rule(days) + ".",
        "Reference: the action's short id (`minutes action REFERENCE` shows it in full).",
        "Action taken: the officer's latest note, or the latest evidence found in a later meeting's minutes.",
    ]
    if fmt == "xlsx":
        target = output or sys.stdout.buffer
        write_xlsx(rows, tr.COLUMNS, target, title="Actions", notes=notes)
    else:
        if fmt == "json":
            text = json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
        elif fmt == "csv":
            text = to_csv(rows, tr.COLUMNS)
        elif rows:
            text = (
                tabulate.render(rows, TABLE_COLUMNS, flex=("action", "action_taken", "owner", "committee"))
                + "\n"
            )
        else:
            text = ""
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
    counts = {c: sum(r["rag"] == c for r in rows) for c in tr.RAG}
    err(f"{len(rows)} action(s): {counts['red']} red, {counts['amber']} amber, {counts['green']} green"
        + (f" -> {output}" if output else ""))

