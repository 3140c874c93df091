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
from ...errors import StoreError, UsageError
from ...reports.export import spreadsheet_safe

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
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(fn)

    return decorate


def open_db(path: str) -> sqlite_utils.Database:
    try:
        return store.connect(path)
    except Exception as exc:  # sqlite3 and OS errors: one line, exit 1
        raise StoreError(f"cannot open store {path}: {exc}") from exc


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def emit_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    click.echo(buf.getvalue(), nl=False)


def err(message: str) -> None:
    click.echo(message, err=True)


def check_date(value: str | None, option: str = "--date") -> None:
    """A meeting date must be a real day written YYYY-MM-DD (else a usage error)."""
    from ...text.dates import is_iso_date

    if value is not None and not is_iso_date(value):
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD (e.g. 2025-01-09)")


def one_line(text: str) -> str:
    """``text`` safe to print as one line: control characters (a newline in a
    file name would forge a second error line), line separators and the lone
    surrogates of a name that is not UTF-8 are written as escapes."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029) or 0xD800 <= code <= 0xDFFF:
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def is_tty_stderr() -> bool:
    return sys.stderr.isatty()
