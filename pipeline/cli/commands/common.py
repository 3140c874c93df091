"""Options and output helpers shared by every command."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click
import sqlite_utils

from ... import store
from ...errors import MinutesError

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "output/minutes.db"


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite store to use.",
    )(fn)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """--format CHOICE plus --json as a shorthand for --format json."""

    def decorate(fn: F) -> F:
        fn = click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json.")(fn)
        return click.option(
            "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
        )(fn)

    return decorate


def open_db(path: str) -> sqlite_utils.Database:
    try:
        return store.connect(path)
    except (MinutesError, OSError, Exception) as exc:  # sqlite3 errors too
        raise click.ClickException(f"cannot open store {path}: {exc}") from exc


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def emit_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buf.getvalue(), nl=False)


def err(message: str) -> None:
    click.echo(message, err=True)


def check_date(value: str | None, option: str = "--date") -> None:
    """A meeting date must be a real day written YYYY-MM-DD: else one line and exit 2."""
    from ...text.dates import is_iso_date

    if value is not None and not is_iso_date(value):
        err(f"error: {option} {value!r} is not a date; write it as YYYY-MM-DD (e.g. 2025-01-09)")
        sys.exit(2)


def is_tty_stderr() -> bool:
    return sys.stderr.isatty()
