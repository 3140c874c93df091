"""Start Datasette over a store with the metadata, templates and plugin the
project ships. Datasette opens the file with ``mode=ro`` connections (not
``immutable``, which would ignore rows still in the WAL of a running ingest),
so the UI can read but never write."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
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


def metadata(db_path: str | Path) -> dict[str, Any]:
    """metadata.yaml with its database section keyed by this store's name
    (Datasette names a database after its file: output/minutes.db -> minutes)."""
    data: dict[str, Any] = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    name = Path(db_path).stem
    dbs = data.get("databases", {})
    if METADATA_DB in dbs:
        dbs[name] = dbs.pop(METADATA_DB)
    for dashboard in data.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in (*dashboard.get("charts", {}).values(), *dashboard.get("filters", {}).values()):
            if part.get("db") == METADATA_DB:
                part["db"] = name
    return data


def prepare(db_path: str | Path) -> None:
    """Check the store exists and has the views the UI's facets and canned
    queries read (created by store.ensure_schema)."""
    path = Path(db_path)
    if not path.is_file():
        raise UsageError(f"no store at {path}: run `minutes ingest corpus/ --db {path}` first")
    store.connect(path).conn.close()


def settings() -> list[str]:
    return ["--setting", "truncate_cells_html", "300", "--setting", "default_page_size", "50"]


@contextmanager
def datasette_argv(db_path: str | Path, *, host: str, port: int) -> Iterator[list[str]]:
    """`datasette serve` arguments; the generated metadata file lives as long
    as the context does."""
    with tempfile.TemporaryDirectory(prefix="minutes-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(metadata(db_path)), encoding="utf-8")
        yield [
            "serve", str(db_path),
            "--host", host, "--port", str(port),
            "--metadata", str(meta_path),
            "--template-dir", str(TEMPLATES),
            "--plugins-dir", str(PLUGINS),
            "--static", f"{STATIC_MOUNT}:{STATIC}",
            *settings(),
        ]


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette in this process until interrupted."""
    from datasette.cli import cli

    prepare(db_path)
    with datasette_argv(db_path, host=host, port=port) as argv:
        cli.main(args=argv, prog_name="datasette", standalone_mode=False)
