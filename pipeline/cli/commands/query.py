"""`minutes actions|resolutions|amounts|schemes|search|export`: thin wrappers
over pipeline.reports.query and pipeline.reports.export that parse options and format rows."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ...config import load_config
from ...reports import query
from ...reports import search as search_mod
from ...reports.export import FORMATS, export_store
from ...reports.themes import check_theme
from . import tabulate
from .common import db_option, emit_csv, emit_json, format_option, open_db

F = TypeVar("F", bound=Callable[..., Any])

#: What the terminal table shows; json and csv carry every column.
#: ``id`` is shown as the shortest unique prefix (at least 8 characters),
#: which `minutes action ID` and the web UI's fact pages accept.
TABLE_COLUMNS = {
    "actions": ["id", "date", "council", "status", "owner", "themes", "text", "source"],
    "resolutions": ["id", "date", "council", "committee", "themes", "text", "source"],
    "amounts": ["id", "date", "council", "raw", "value_gbp", "kind", "purpose", "source"],
    "schemes": ["name", "mentions", "documents", "years", "amounts", "total_gbp"],
    "search": ["id", "date", "council", "item", "snippet", "source"],
}
#: Listing/search kind -> the table whose ids the id column shortens.
ID_TABLES = {"actions": "actions", "resolutions": "resolutions", "amounts": "amounts"}


def register(group: click.Group) -> None:
    for cmd in (actions_cmd, resolutions_cmd, amounts_cmd, schemes_cmd, search_cmd, export_cmd):
        group.add_command(cmd)


def filter_options(fn: F) -> F:
    """The filters every listing shares (each becomes a bound SQL parameter)."""
    for decorator in reversed(
        [
            click.option(
                "--theme",
                help="Only facts tagged with this theme or one of its sub-themes (case-insensitive; "
                "`minutes themes` lists them).",
            ),
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


def _short_ids(db: Any, kind: str, rows: list[dict[str, Any]]) -> dict[str, str]:
    table = ID_TABLES.get(kind)
    if table is None:
        return {}
    every = [r[0] for r in db.execute(f"select id from [{table}]")]
    return tabulate.short_ids(every, [str(r["id"]) for r in rows if r.get("id")])


def _emit(rows: list[dict[str, Any]], columns: Sequence[str], table_columns: Sequence[str], fmt: str,
          ids: dict[str, str] | None = None) -> None:
    """The one place output is formatted: json and csv complete, table short
    (ids shortened by ``ids``; cells cut only to fit a terminal)."""
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        emit_csv(
            [{k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows], columns
        )
    elif not rows:
        click.echo("(no rows)", err=True)
    else:
        ids = ids or {}
        shown = [
            {**r, "source": _source(r), "item": _item(r), "id": ids.get(str(r.get("id")), r.get("id"))}
            for r in rows
        ]
        click.echo(tabulate.render(shown, table_columns))


def _run(kind: str, opts: dict[str, Any], status: str | None = None) -> None:
    fmt = "json" if opts.pop("as_json") else opts.pop("fmt")
    db = open_db(opts["db_path"])
    check_theme(db, opts["theme"], load_config().themes)  # UsageError: the group says it, exit 2
    if kind == "schemes":
        rows = query.schemes(db, _filters(opts))
        columns = query.SCHEME_COLUMNS
    else:
        rows = query.facts(db, kind, _filters(opts, status))
        columns = query.COLUMNS[kind]
    _emit(rows, columns, TABLE_COLUMNS[kind], fmt, _short_ids(db, kind, rows) if fmt == "table" else None)


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
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--kind",
    type=click.Choice(search_mod.KINDS),
    default="items",
    show_default=True,
    help="What to search: agenda items, or the actions, resolutions or amounts (with the words around them).",
)
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most this many hits."
)
@format_option("table", "json", "csv")
@db_option
def search_cmd(words: tuple[str, ...], kind: str, limit: int, fmt: str, as_json: bool, db_path: str) -> None:
    """Full-text search, best match first, with snippets: agenda items by
    default, or facts with --kind actions|resolutions|amounts.

    WORDS are taken as typed: words with hyphens and apostrophes work
    (anti-social behaviour, children's services, covid-19), and FTS5 syntax
    still does: "quoted phrases", AND/OR/NOT, prefix*, NEAR(a b). Words are
    stemmed (partnerships finds partnership). Matches are shown in [brackets].

    \b
    Example:
      minutes search '"serious violence" AND funding' --limit 5
      minutes search anti-social behaviour --kind actions
    """
    db = open_db(db_path)
    rows = search_mod.search(db, " ".join(words), kind=kind, limit=limit)
    fmt = "json" if as_json else fmt
    if kind == "items":
        rows_shown = rows if fmt != "table" else [{**r, "id": r["item_id"]} for r in rows]
        _emit(rows_shown, search_mod.columns(kind), TABLE_COLUMNS["search"], fmt)
    else:
        ids = _short_ids(db, kind, rows) if fmt == "table" else None
        _emit(rows, search_mod.columns(kind), TABLE_COLUMNS["search"], fmt, ids)


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
    counts = export_store(db, out_dir, fmt=fmt)
    for table, n in counts.items():
        click.echo(f"{table}: {n} rows -> {out_dir}/{table}.{fmt}", err=True)
