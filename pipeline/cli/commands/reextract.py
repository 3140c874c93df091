"""`minutes reextract`: re-run extraction from stored text after rules change."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ...config import load_config
from .common import config_option, db_option, emit_json, err, one_line, open_db


def register(group: click.Group) -> None:
    group.add_command(reextract_cmd)


@click.command("reextract")
@db_option
@config_option
@click.option("--document", "doc_ids", multiple=True, help="Only this document id (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or per-document errors on stderr.")
def reextract_cmd(db_path, config_path, doc_ids, as_json, quiet):  # type: ignore[no-untyped-def]
    """Re-run extraction over the stored text, after rules or config change.

    Source files are not read again: the text, pages, agenda items and
    meeting details come from the store. Each document's resolutions,
    actions, amounts and scheme mentions are replaced in one transaction;
    documents and agenda items keep their ids, and an action that is found
    again keeps its status.

    \b
    Example:
      minutes reextract --db output/minutes.db --config config.yaml
    """
    from ...run.reextract import reextract  # the extraction stack: not part of other commands' start-up

    config = load_config(config_path)  # a bad config is the first thing said
    db = open_db(db_path)
    ids = list(doc_ids) or None
    total = len(ids) if ids else db["documents"].count
    bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=quiet, dynamic_ncols=True)
    summary = reextract(db, config=config, doc_ids=ids, on_progress=lambda _d, _o: bar.update(1))
    bar.close()
    if not quiet:
        for doc_id, message in summary.failures:
            err(one_line(f"error: {doc_id}: {message}"))
    if as_json:
        emit_json(summary.as_dict())
    else:
        click.echo(
            f"{summary.documents} documents re-extracted, {summary.failed} failed; "
            f"{summary.facts} facts stored in {db_path}"
        )
    sys.exit(summary.exit_code)
