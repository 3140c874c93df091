"""`minutes actions|resolutions|amounts|schemes|search|export`: thin wrappers
over pipeline.reports.query and pipeline.reports.export that parse options and format rows."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ...errors import UsageError
from ...reports import query
from ...reports.export import FORMATS, export_store
from . import tabulate
from .common import db_option, emit_csv, emit_json, format_option, open_db

F = TypeVar("F", bound=Callable[..., Any])

#: What the terminal table shows; json and csv carry every column.
TABLE_COLUMNS = {
    "actions": ["date", "council", "status", "owner", "themes", "text", "source"],
    "resolutions": ["date", "council", "committee", "themes", "text", "source"],
    "amounts": ["date", "council", "raw", "value_gbp", "kind", "purpose", "source"],
    "schemes": ["name", "mentions", "documents", "years", "amounts", "total_gbp"],
    "search": ["date", "council", "item", "snippet", "source"],
}


class UsageFailure(click.ClickException):
    """A usage error printed as one line ("Error: ...") with exit code 2."""

    exit_code = 2


def register(group: click.Group) -> None:
    for cmd in (actions_cmd, resolutions_cmd, amounts_cmd, schemes_cmd, search_cmd, export_cmd):
        group.add_command(cmd)


def filter_options(fn: F) -> F:
    """The filters every listing shares (each becomes a bound SQL parameter)."""
    for decorator in reversed(
        [
            click.option("--theme", help="Only facts tagged with this theme (case-insensitive)."),
            click.option("--council", help="Council name contains this text."),
            click.option("--committee", help="Committee name contains this text."),
            click.option(
                "--from", "date_from", metavar="YEAR|DATE", help="Meetings on or after (2019 = 2019-01-01)."
            ),
            click.option(
                "--to", "date_to", metavar="YEAR|DATE", help="Meetings on or before (2019 = 2019-12-31)."
            ),
            click.option(
                "--search",
                metavar="FTS",
                help='Only agenda items matching this FTS5 expression, e.g. \'"youth club" OR CCTV\'.',
            ),
            click.option("--limit", type=click.IntRange(min=0), help="At most this many rows."),
            format_option("table", "json", "csv"),
            db_option,
        ]
    ):
        fn = decorator(fn)
    return fn


def _filters(opts: dict[str, Any], status: str | None = None) -> query.Filters:
    return query.Filters(
        theme=opts["theme"], council=opts["council"], committee=opts["committee"],
        date_from=opts["date_from"], date_to=opts["date_to"], status=status,
        search=opts["search"], limit=opts["limit"],
    )


def _source(row: dict[str, Any]) -> str:
    page = row.get("page", row.get("page_start"))
    path = (row.get("document_path") or "").rsplit("/", 1)[-1]
    return f"{path}:p{page}" if page is not None else path


def _item(row: dict[str, Any]) -> str:
    return " ".join(filter(None, [row.get("item_number"), row.get("item_title")]))


def _emit(rows: list[dict[str, Any]], columns: Sequence[str], table_columns: Sequence[str], fmt: str) -> None:
    """The one place output is formatted: json and csv complete, table short."""
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        emit_csv([{k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows], columns)
    elif not rows:
        click.echo("(no rows)", err=True)
    else:
        shown = [{**r, "source": _source(r), "item": _item(r)} for r in rows]
        click.echo(tabulate.render(shown, table_columns))


def _run(kind: str, opts: dict[str, Any], status: str | None = None) -> None:
    fmt = "json" if opts.pop("as_json") else opts.pop("fmt")
    db = open_db(opts["db_path"])
    try:
        if kind == "schemes":
            rows = query.schemes(db, _filters(opts))
            columns = query.SCHEME_COLUMNS
        else:
            rows = query.facts(db, kind, _filters(opts, status))
            columns = query.COLUMNS[kind]
    except UsageError as exc:
        raise UsageFailure(str(exc)) from exc
    _emit(rows, columns, TABLE_COLUMNS[kind], fmt)


@click.command("actions")
@filter_options
@click.option(
    "--status",
    type=click.Choice(query.ACTION_STATUSES, case_sensitive=False),
    help="Only actions with this status.",
)
def actions_cmd(status: str | None, **opts: Any) -> None:
    """List actions (who agreed to do what) with their meeting and source span.

    \b
    Example:
      minutes actions --theme "anti-social behaviour" --status open --from 2023
      minutes actions --council Bromsgrove --search CCTV --format csv > actions.csv
    """
    _run("actions", opts, status)


@click.command("resolutions")
@filter_options
def resolutions_cmd(**opts: Any) -> None:
    """List resolutions (what a committee decided) with their source span.

    \b
    Example:
      minutes resolutions --theme "community safety" --from 2022 --to 2024 --json
    """
    _run("resolutions", opts)


@click.command("amounts")
@filter_options
def amounts_cmd(**opts: Any) -> None:
    """List sums of money with what they are for and their source span.

    --theme matches the themes of the agenda item the amount appears in.

    \b
    Example:
      minutes amounts --theme CCTV --format csv > cctv-money.csv
    """
    _run("amounts", opts)


@click.command("schemes")
@filter_options
def schemes_cmd(**opts: Any) -> None:
    """List named schemes and funds with mentions, documents, years and money.

    Money totals add the amounts whose own sentence or clause names the
    scheme, a sum printed twice at one meeting once, leaving out amounts
    flagged as suspect; --json and csv list them in `summed`.

    \b
    Example:
      minutes schemes --council Redditch --from 2020
    """
    _run("schemes", opts)


@click.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most this many items.")
@format_option("table", "json", "csv")
@db_option
def search_cmd(text: str, limit: int, fmt: str, as_json: bool, db_path: str) -> None:
    """Full-text search over agenda items, best match first, with snippets.

    TEXT is an FTS5 expression: words, "quoted phrases", AND/OR/NOT, prefix*.
    Matched words are shown in [brackets].

    \b
    Example:
      minutes search '"serious violence" AND funding' --limit 5
    """
    db = open_db(db_path)
    try:
        rows = query.search(db, text, limit=limit)
    except UsageError as exc:
        raise UsageFailure(str(exc)) from exc
    _emit(rows, query.SEARCH_COLUMNS, TABLE_COLUMNS["search"], "json" if as_json else fmt)


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="File format."
)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False),
    help="Folder to write <table>.<format> files to.",
)
@db_option
def export_cmd(fmt: str, out_dir: str, db_path: str) -> None:
    """Write every table (documents with their full text, follow-through
    evidence, status and due-date history, officers' overrides and flag runs
    included) to OUT/<table>.json or OUT/<table>.csv.

    JSON files hold one array of row objects; JSON-array columns such as
    `themes` keep their stored JSON text. A summary goes to stderr.

    \b
    Example:
      minutes export --format csv --out export/
    """
    db = open_db(db_path)
    try:
        counts = export_store(db, out_dir, fmt=fmt)
    except UsageError as exc:
        raise UsageFailure(str(exc)) from exc
    for table, n in counts.items():
        click.echo(f"{table}: {n} rows -> {out_dir}/{table}.{fmt}", err=True)
