"""Datasette plugin: bounds on what one query may cost, and a Host check.

The UI runs read-only SQL, and read-only SQL can still ask for a lot of
memory: ``select zeroblob(200000000)`` once took the server to 6.1 GB. So
every connection gets

- ``zeroblob`` and ``randomblob`` refused ("not authorized");
- SQLite's own length limit on any one string or blob (never below the largest
  value stored, so every stored document can still be shown);
- a result budget: the bytes of text and blobs one statement may hand to
  Python, counted as they arrive, so a query fails instead of filling memory;
- limits on the SQL length and the number of result columns.

The asgi_wrapper answers 400 to a request whose ``Host:`` header is not an
allowed name, so a web page on another site cannot reach the UI through DNS
rebinding, and `--public` shares it only under the names given.

Loaded by `minutes serve` through --plugins-dir (only absolute imports here).
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from datasette import hookimpl

MB = 1024 * 1024
#: Functions refused outright: they make n bytes from a few characters of SQL.
REFUSED_FUNCTIONS = frozenset({"zeroblob", "randomblob"})
#: Floor of SQLite's per-value length limit (raised to twice the largest stored value).
VALUE_BYTES_FLOOR = 4 * MB
#: Text and blob bytes one statement may return (raised to fit the largest stored value).
RESULT_BYTES = 64 * MB
SQL_LENGTH = 100_000
COLUMNS = 64
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
PLUGIN = "minutes-guard"
# sqlite3_limit() ids (sqlite3.SQLITE_LIMIT_* from Python 3.11)
LIMIT_LENGTH, LIMIT_SQL_LENGTH, LIMIT_COLUMN = 0, 1, 2

_largest: dict[str, int] = {}
_largest_lock = threading.Lock()


class ResultTooLarge(sqlite3.OperationalError):
    """A statement's result went over its byte budget."""


def _authorize(action: int, arg1: str | None, arg2: str | None, _db: str | None, _source: str | None) -> int:
    """Refuse the functions whose only purpose is a large value from a small query."""
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def largest_stored_value(conn: sqlite3.Connection, key: str) -> int:
    """Bytes of the largest document text or page map (0 without a documents
    table). Read once per database: it sets the length limit below."""
    with _largest_lock:
        if key not in _largest:
            try:
                row = conn.execute(
                    "select max(max(length(cast(text as blob))), max(length(cast(page_map as "
                    "blob)))) from documents"
                ).fetchone()
                _largest[key] = int(row[0] or 0)
            except sqlite3.Error:
                _largest[key] = 0
        return _largest[key]


class Budget:
    """Bytes handed to Python by the statement running on one connection;
    reset when SQLite starts the next statement (its trace callback)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def reset(self, _statement: str) -> None:
        self.used = 0

    def add(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise ResultTooLarge(f"result over {self.limit // MB} MB: select fewer rows or shorter values")

    def text(self, raw: bytes) -> str:
        self.add(len(raw))
        return str(raw, "utf-8", "replace")

    def row(self, cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> sqlite3.Row:
        blob_bytes = sum(len(v) for v in values if isinstance(v, bytes))
        if blob_bytes:
            self.add(blob_bytes)
        return sqlite3.Row(cursor, values)


def limit_connection(conn: sqlite3.Connection, key: str) -> Budget:
    """Apply every bound to ``conn`` (``key`` names its database file)."""
    largest = largest_stored_value(conn, key)
    value_limit = max(VALUE_BYTES_FLOOR, 2 * largest)
    setlimit = getattr(conn, "setlimit", None)  # Python 3.11+; the budget below still holds on 3.10
    if setlimit is not None:
        for limit_id, value in (
            (LIMIT_LENGTH, value_limit),
            (LIMIT_SQL_LENGTH, SQL_LENGTH),
            (LIMIT_COLUMN, COLUMNS),
        ):
            setlimit(limit_id, value)
    conn.set_authorizer(_authorize)
    budget = Budget(max(RESULT_BYTES, largest + MB))
    conn.set_trace_callback(budget.reset)
    conn.text_factory = budget.text
    conn.row_factory = budget.row
    return budget


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    db = datasette.databases.get(database)
    key = str(getattr(db, "path", None) or database)
    limit_connection(conn, key)


def host_name(header: str) -> str:
    """``Host:`` value without its port, lower-cased (``[::1]:8001`` -> ``::1``)."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(datasette: Any) -> set[str]:
    config = datasette.plugin_config(PLUGIN) or {}
    names = config.get("allowed_hosts") or LOOPBACK_HOSTS
    return {host_name(str(n)) for n in names}


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def checked(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                headers = dict(scope.get("headers") or [])
                host = host_name(headers.get(b"host", b"").decode("latin-1"))
                if host not in allowed_hosts(datasette):
                    await _refuse(send)
                    return
            await app(scope, receive, send)

        return checked

    return wrap


async def _refuse(send: Any) -> None:
    body = b"Host not allowed: start `minutes serve --public --allow-host NAME` to serve under another name\n"
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
