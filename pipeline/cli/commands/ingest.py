"""`minutes ingest` and `minutes stats`."""

from __future__ import annotations

import sys

import click

from ... import store
from ...config import load_config
from ...records import MeetingMeta
from .common import check_date, config_option, db_option, emit_json, err, format_option, one_line, open_db


def register(group: click.Group) -> None:
    group.add_command(ingest_cmd)
    group.add_command(stats_cmd)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False),
    help="CSV/TSV/YAML of file → council, committee, date.",
)
@click.option("--council", help="Council for files that do not say (with --override: for every file).")
@click.option("--committee", help="Committee for files that do not say (with --override: for every file).")
@click.option(
    "--date",
    "meeting_date",
    help="Meeting date (YYYY-MM-DD) for files that do not say (with --override: for every file).",
)
@click.option(
    "--override",
    is_flag=True,
    help="The given --council/--committee/--date and manifest values replace what "
    "documents say; files already stored are moved to that meeting without being read again.",
)
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask).")
@config_option
@click.option(
    "--prune", is_flag=True, help="Forget stored documents under the given folders whose files are gone."
)
@click.option("--retry-failed", is_flag=True, help="Read again files that failed before with the same bytes.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or per-file errors on stderr.")
def ingest_cmd(
    paths,
    db_path,
    manifest,
    council,
    committee,
    meeting_date,
    override,
    workers,
    executor,
    scheduler,
    config_path,
    prune,
    retry_failed,
    as_json,
    quiet,
):  # type: ignore[no-untyped-def]
    """Ingest minutes files and folders (PDF, Word .docx, ModernGov HTML/XML,
    text, Markdown, web pages saved as .php/.aspx).

    Folders are walked for every type read; any other file is reported in one
    line ("skipped: ...: unsupported type .odt") and left alone. Files already
    stored (same bytes) are skipped; a file at a stored path with new bytes is
    a correction and replaces its earlier version. Each bad file gets a
    one-line error and one row in `problems`; the rest of the batch goes on.
    A file that failed before with the same bytes is not read again (nor
    reported, nor does it fail the run) unless --retry-failed. Each document
    is read in a worker process with the time limit and memory ceiling of
    `ingest:` in the config.

    \b
    Example:
      minutes ingest corpus/ ../new-minutes/ --db output/minutes.db
      minutes ingest meeting.pdf --council "Kent County Council" --committee Cabinet --date 2025-01-09
      minutes ingest meeting.pdf --date 2025-01-09 --override
      minutes ingest corpus/ --prune
    """
    from tqdm import tqdm

    from ...run import discover, ingest  # the pipeline loads here, not for `minutes stats`
    from ...run.manifest import ManifestIndex

    check_date(meeting_date)
    config = load_config(config_path)  # every bad key now, not a traceback in each worker later
    db = open_db(db_path)
    cli_meta = (
        MeetingMeta(council=council, committee=committee, date=meeting_date)
        if (council or committee or meeting_date)
        else None
    )
    total = sum(1 for _ in discover(paths))
    tqdm.monitor_interval = (
        0  # no monitor thread: a single-threaded process may fork its workers (run/pool.py)
    )
    bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=quiet, dynamic_ncols=True)

    def progress(path: str, outcome: str) -> None:
        bar.update(1)
        bar.set_postfix_str(outcome, refresh=False)

    try:
        summary = ingest(
            paths,
            db=db,
            manifest=ManifestIndex.from_file(manifest),
            meta=cli_meta,
            workers=workers,
            executor=executor,
            scheduler=scheduler,
            config=config,
            on_progress=progress,
            prune=prune,
            isolate=True,
            override=override,
            retry_failed=retry_failed,
        )
    finally:  # a usage error (a bad manifest, no Dask) goes on up: the group prints it
        bar.close()
    if not quiet:
        for f in summary.skipped:
            err(one_line(f"skipped: {f.path}: {f.message}"))
        for f in summary.failures:
            err(one_line(f"error: {f.path}: {f.message}"))
        for f in summary.warnings:
            err(one_line(f"{'error' if f.stage == 'manifest' else 'warning'}: {f.path}: {f.message}"))
    if as_json:
        emit_json(summary.as_dict())
    else:
        replaced = f" ({summary.replaced} replacing an earlier version)" if summary.replaced else ""
        updated = f"{summary.updated} updated, " if summary.updated else ""
        forgotten = f"; {summary.forgotten} whose files are gone forgotten" if summary.forgotten else ""
        extra = f", {len(summary.skipped)} skipped" if summary.skipped else ""
        if summary.not_retried:
            extra += f", {summary.not_retried} failed before (not retried; --retry-failed)"
        click.echo(
            f"{summary.new} new{replaced}, {updated}{summary.unchanged} unchanged, "
            f"{summary.failed} failed documents"
            f"{extra}{forgotten}; {summary.items} agenda items stored in {db_path}"
        )
    sys.exit(summary.exit_code)


@click.command("stats")
@db_option
@format_option("table", "json")
def stats_cmd(db_path, fmt, as_json):  # type: ignore[no-untyped-def]
    """Count what the store holds, table by table.

    \b
    Example:
      minutes stats --db output/minutes.db --json
    """
    db = open_db(db_path)
    counts = store.stats(db)
    if as_json or fmt == "json":
        emit_json(counts)
        return
    width = max(len(k) for k in counts)
    for name, n in counts.items():
        click.echo(f"{name:<{width}}  {n:>8,}")
