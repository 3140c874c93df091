"""`minutes meta`: correct the meeting of documents already stored, without re-ingesting."""

from __future__ import annotations

import sys

import click

from ...config import load_config
from ...errors import DocumentNotFound, UsageError
from ...link import link
from ...store.meetings import find_document_id, set_meeting
from ..exits import EXIT_FAILED, EXIT_OK
from .common import check_date, config_option, db_option, emit_json, err, open_db


def register(group: click.Group) -> None:
    group.add_command(meta_cmd)


@click.command("meta")
@click.argument("refs", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--council", help="The council these documents' meeting belongs to.")
@click.option("--committee", help="The committee that met.")
@click.option("--date", "meeting_date", help="The meeting date, YYYY-MM-DD.")
@click.option(
    "--fill", is_flag=True, help="Only fill what the stored meeting leaves empty (default: replace)."
)
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print what changed as JSON.")
def meta_cmd(refs, db_path, council, committee, meeting_date, fill, config_path, as_json):  # type: ignore[no-untyped-def]
    """Set the council, committee or date of stored documents' meeting.

    Each PATH is a stored file (found by its bytes), its stored path or its
    document id. The document (and its duplicates in other formats) moves to
    the meeting those values identify; its facts, their ids, statuses and
    officers' overrides are kept, and follow-through is re-linked.

    \b
    Example:
      minutes meta minutes/2025-01-09.pdf --committee Cabinet --date 2025-01-09
      minutes meta 3f9a1c2b --council "Kent County Council"
    """
    check_date(meeting_date)
    config = load_config(config_path)
    if not (council or committee or meeting_date):
        raise UsageError("give at least one of --council, --committee, --date")
    db = open_db(db_path)
    values = {"council": council, "committee": committee, "date": meeting_date}
    changes, failed = [], 0
    for ref in refs:
        try:
            changes.append(set_meeting(db, find_document_id(db, ref), values, override=not fill))
        except DocumentNotFound as exc:  # one line; the other documents go on (exit 1)
            err(f"error: {exc}")
            failed += 1
    if any(c.changed for c in changes):
        link(db, config=config.link)
    if as_json:
        emit_json({"documents": [c.as_dict() for c in changes], "failed": failed})
    else:
        for c in changes:
            shown = ", ".join(f"{k} {c.after[k] or '-'}" for k in ("council", "committee", "date"))
            click.echo(f"{c.path}: {'now ' if c.changed else 'already '}{shown}")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
