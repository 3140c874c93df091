"""`minutes serve`: browse the store in Datasette (read-only)."""

from __future__ import annotations

import click

from ...errors import MinutesError, UsageError
from .common import db_option


def register(group: click.Group) -> None:
    group.add_command(serve_cmd)


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (keep 127.0.0.1 unless you mean to share).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port (0 picks a free one).",
)
@click.option(
    "--public",
    is_flag=True,
    help="Share beyond this machine: custom SQL off (canned queries stay), Host checked.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="With --public: a host name people will use (repeatable).",
)
def serve_cmd(db_path: str, host: str, port: int, public: bool, allow_hosts: tuple[str, ...]) -> None:
    """Browse the store in Datasette: facets by theme, council, committee,
    year and status; canned queries; and a source view for every fact
    showing the document text with the fact highlighted.

    The database is opened read-only, and the UI runs read-only SQL within
    bounds (1 s, 1,000 rows, 64 MB per query). It answers only to localhost
    unless started with --public, which also turns custom SQL off. Stop with
    Ctrl-C or SIGTERM.

    \b
    Example:
      minutes serve --db output/minutes.db --port 8001
      # then open http://127.0.0.1:8001/
      minutes serve --public --host 0.0.0.0 --allow-host minutes.example.gov.uk
    """
    try:
        from ...web.launch import serve
    except ImportError as exc:  # datasette is the optional `web` extra
        raise MinutesError(f"{exc}: install the web extra: pip install -e '.[web]'") from exc
    try:
        serve(db_path, host=host, port=port, public=public, allow_hosts=allow_hosts)
    except SystemExit as exc:  # the server could not start (e.g. the port was taken meanwhile): not "flagged"
        if exc.code not in (None, 0):
            raise UsageError(f"the server on {host}:{port} could not start (exit {exc.code})") from exc
