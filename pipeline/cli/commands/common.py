"""Options and output helpers shared by every command."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
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


def config_option(fn: F) -> F:
    """--config FILE: the user's settings, read over the packaged defaults."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False),
        help="Config file read over the packaged defaults (default: ./config.yaml when there is one).",
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


#: The commands that may create a store: they bring minutes into it. Every
#: other command reads (or amends) one that exists, so a wrong --db or working
#: folder is an error, never a new empty store that reports "all clear".
CREATE_STORE = ("ingest", "fetch")


def open_db(path: str, *, create: bool | None = None) -> sqlite_utils.Database:
    """The store at ``path``; a missing one (or a file that is not one) is one
    line on stderr and exit 2 unless ``create`` (default: the running command
    is one of CREATE_STORE)."""
    if create is None:
        ctx = click.get_current_context(silent=True)
        create = ctx is not None and ctx.info_name in CREATE_STORE
    if not create and path != ":memory:":
        problem = store_problem(path)
        if problem:
            raise UsageError(problem)
    try:
        return store.connect(path)
    except Exception as exc:  # sqlite3 and OS errors: one line, exit 1
        raise StoreError(f"cannot open store {path}: {exc}") from exc


def store_problem(path: str) -> str | None:
    """Why ``path`` is not a store to read, or None. Looked at read-only, so
    asking never creates a file."""
    where = Path(path)
    if not where.exists():
        return (f"no store at {path} (wrong --db or working folder?); "
                f"`minutes ingest FOLDER --db {path}` creates one")
    if where.is_dir():
        return f"{path} is a folder, not a store: give the .db file with --db"
    try:
        conn = sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"{path} is not a Minutes Miner store ({exc})"
    if not tables:  # a new store an ingest is creating right now, or an empty file
        return f"the store {path} holds no minutes yet: nothing to read"
    if "documents" not in tables:
        return f"{path} is not a Minutes Miner store (it has no documents table)"
    return None


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
