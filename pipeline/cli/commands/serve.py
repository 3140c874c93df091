"""`minutes serve`: browse the store in Datasette (read-only)."""

from __future__ import annotations

import click

from ...errors import UsageError
from .common import db_option


class UsageFailure(click.ClickException):
    exit_code = 2


def register(group: click.Group) -> None:
    group.add_command(serve_cmd)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (keep 127.0.0.1 unless you mean to share).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port (0 picks a free one).")
def serve_cmd(db_path: str, host: str, port: int) -> None:
    """Browse the store in Datasette: facets by theme, council, committee,
    year and status; canned queries; and a source view for every fact
    showing the document text with the fact highlighted.

    The database is opened read-only. Stop with Ctrl-C.

    \b
    Example:
      minutes serve --db output/minutes.db --port 8001
      # then open http://127.0.0.1:8001/
    """
    try:
        from ...web.launch import serve
    except ImportError as exc:  # datasette is the optional `web` extra
        raise click.ClickException(f"{exc}: install the web extra: pip install -e '.[web]'") from exc
    try:
        serve(db_path, host=host, port=port)
    except UsageError as exc:
        raise UsageFailure(str(exc)) from exc
