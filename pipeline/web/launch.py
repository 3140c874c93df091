"""Start Datasette over a store with the metadata, templates and plugin the
project ships. Datasette opens the file with ``mode=ro`` connections (not
``immutable``, which would ignore rows still in the WAL of a running ingest),
so the UI can read but never write."""

from __future__ import annotations

import json
import signal
import socket
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from .. import store
from ..errors import UsageError

WEB_DIR = Path(__file__).resolve().parent
METADATA = WEB_DIR / "metadata.yaml"
TEMPLATES = WEB_DIR / "templates"
PLUGINS = WEB_DIR / "plugins"
STATIC = WEB_DIR / "static"
STATIC_MOUNT = "minutes-static"
#: The database key metadata.yaml is written against; renamed to the file stem.
METADATA_DB = "minutes"


def metadata(db_path: str | Path, *, allowed_hosts: Sequence[str] = ()) -> dict[str, Any]:
    """metadata.yaml with its database section keyed by this store's name
    (Datasette names a database after its file: output/minutes.db -> minutes),
    and the Host names the guard plugin lets through (default: loopback)."""
    data: dict[str, Any] = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    name = Path(db_path).stem
    dbs = data.get("databases", {})
    if METADATA_DB in dbs:
        dbs[name] = dbs.pop(METADATA_DB)
    for dashboard in data.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in (*dashboard.get("charts", {}).values(), *dashboard.get("filters", {}).values()):
            if part.get("db") == METADATA_DB:
                part["db"] = name
    if allowed_hosts:
        data.setdefault("plugins", {})["minutes-guard"] = {"allowed_hosts": list(allowed_hosts)}
    return data


def prepare(db_path: str | Path) -> None:
    """Check the store exists and has the views the UI's facets and canned
    queries read (created by store.ensure_schema)."""
    path = Path(db_path)
    if not path.is_file():
        raise UsageError(f"no store at {path}: run `minutes ingest corpus/ --db {path}` first")
    store.connect(path).conn.close()


#: Datasette's own bounds on a query; plugins/guard.py adds size bounds.
LIMITS = {"sql_time_limit_ms": 1000, "facet_time_limit_ms": 200, "max_returned_rows": 1000, "max_csv_mb": 50}


def settings_dict(*, public: bool = False) -> dict[str, Any]:
    """Datasette settings; ``public`` turns custom SQL off (canned queries stay)."""
    values: dict[str, Any] = {"truncate_cells_html": 300, "default_page_size": 50, **LIMITS}
    if public:
        values["default_allow_sql"] = False
    return values


def settings(*, public: bool = False) -> list[str]:
    argv: list[str] = []
    for key, value in settings_dict(public=public).items():
        argv += ["--setting", key, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    return argv


def check_port(host: str, port: int) -> None:
    """UsageError (one line, exit 2) when ``port`` on ``host`` cannot be
    listened on: Datasette's server would log a paragraph and exit 3, which
    means "something flagged" to a cron job."""
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind(address)
        except OSError as exc:
            reason = "the port is in use" if exc.errno in (98, 48, 10048) else (exc.strerror or str(exc))
            raise UsageError(f"cannot listen on {host}:{port}: {reason}; choose another with --port") from exc


@contextmanager
def datasette_argv(
    db_path: str | Path, *, host: str, port: int, public: bool = False, allowed_hosts: Sequence[str] = ()
) -> Iterator[list[str]]:
    """`datasette serve` arguments; the generated metadata file lives as long
    as the context does."""
    with tempfile.TemporaryDirectory(prefix="minutes-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(metadata(db_path, allowed_hosts=allowed_hosts)), encoding="utf-8")
        yield [
            "serve", str(db_path),
            "--host", host, "--port", str(port),
            "--metadata", str(meta_path),
            "--template-dir", str(TEMPLATES),
            "--plugins-dir", str(PLUGINS),
            "--static", f"{STATIC_MOUNT}:{STATIC}",
            *settings(public=public),
        ]


def is_loopback(host: str) -> bool:
    return host.strip("[]").lower() in ("localhost", "::1") or host.startswith("127.")


def serve_hosts(host: str, *, public: bool, allow_hosts: Sequence[str]) -> list[str]:
    """The Host names to answer: loopback names, plus with ``public`` the
    names given (or the bound address itself). Sharing beyond this machine
    without ``public``, or ``public`` on a wildcard address without a name,
    is a usage error."""
    if not public:
        if not is_loopback(host):
            raise UsageError(
                f"--host {host} shares the UI beyond this machine: add --public (custom "
                "SQL off, Host checked)"
            )
        return []
    names = list(allow_hosts) or ([] if host in ("0.0.0.0", "::", "") else [host])
    if not names:
        raise UsageError(f"--public on {host} needs --allow-host NAME: the host name people will type")
    return ["localhost", "127.0.0.1", "::1", *names]


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    public: bool = False,
    allow_hosts: Sequence[str] = (),
) -> None:
    """Run Datasette in this process until interrupted (Ctrl-C or SIGTERM;
    either removes the temporary metadata folder on the way out)."""
    from datasette.cli import cli

    hosts = serve_hosts(host, public=public, allow_hosts=allow_hosts)
    prepare(db_path)
    check_port(host, port)
    # uvicorn re-raises a SIGTERM it caught once it has shut down; with the
    # default handler that kills the process inside the `with` below.
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        with datasette_argv(db_path, host=host, port=port, public=public, allowed_hosts=hosts) as argv:
            cli.main(args=argv, prog_name="datasette", standalone_mode=False)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)
