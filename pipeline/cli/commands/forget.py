"""`minutes forget PATH...`: remove stored documents whose files are gone (or
that should not be there), and everything extracted from them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ...config import load_config
from ...store import versions
from ..exits import EXIT_FAILED, EXIT_OK
from .common import config_option, db_option, emit_json, err, open_db


def register(group: click.Group) -> None:
    group.add_command(forget_cmd)


@click.command("forget")
@click.argument("paths", nargs=-1, required=True)
@db_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print what was forgotten as JSON.")
def forget_cmd(paths, db_path, config_path, as_json):  # type: ignore[no-untyped-def]
    """Remove the stored documents read from PATH (a file, or everything
    stored from under a folder), as the path was given to `minutes ingest`.

    Their agenda items and facts go with them, and follow-through is re-run.
    An officer's override on one of their actions is kept in
    action_overrides and reported. A stored duplicate of a forgotten
    document (the same minutes as PDF) is read again as a document of its
    own. `minutes ingest FOLDER --prune` does this for every file that is gone.

    \b
    Example:
      minutes forget corpus/withdrawn-2019-10-01.txt --db output/minutes.db
    """
    from ...run import ingest, relink_if_pending  # the ingest stack: not part of other commands' start-up
    from ...run.discover import shown_path

    config = load_config(config_path)
    db = open_db(db_path)
    found: dict[str, str] = {}
    unknown = []
    for raw in paths:
        rows = versions.under(db, shown_path(Path(raw)))
        if not rows:
            unknown.append(raw)
        found.update(rows)
    settled = versions.forget(db, list(found)) if found else versions.Settled()
    reread = [p for p in settled.reread if Path(p).is_file()]
    if reread:
        ingest(reread, db=db, config=config, isolate=True)
    relink_if_pending(db, config)
    if as_json:
        emit_json({"forgotten": sorted(set(found.values())), "unknown": unknown,
                   "kept_overrides": [k.message for k in settled.kept], "read_again": reread})
    else:
        for raw in unknown:
            err(f"error: {raw}: no stored document was read from this path")
        for k in settled.kept:
            err(f"warning: {k.path}: {k.message}")
        click.echo(
            f"{len(found)} document(s) forgotten"
            + (f"; {len(reread)} duplicate(s) read again" if reread else "")
        )
    sys.exit(EXIT_FAILED if unknown else EXIT_OK)
