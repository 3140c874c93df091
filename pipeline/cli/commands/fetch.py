"""`minutes fetch`: pull new minutes of one committee from a ModernGov site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ...config import load_config
from ...errors import UsageError
from .common import DEFAULT_DB, config_option, db_option, emit_json, err, open_db


def register(group: click.Group) -> None:
    group.add_command(fetch_cmd)


@click.command("fetch")
@click.option("--site", required=True, help="ModernGov site, e.g. https://democracy.manchester.gov.uk")
@click.option("--committee", required=True, help="Committee title (any case) or numeric committee id.")
@click.option(
    "--since", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First meeting date (YYYY-MM-DD)."
)
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last meeting date (default: today).")
@click.option(
    "--out",
    default="corpus",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for <council>/<committee>/<date>-<id>.xml files and the .fetch-cache.",
)
@click.option("--ingest", "do_ingest", is_flag=True, help="Ingest the fetched files into --db.")
@click.option("--documents", is_flag=True, help="Also download each item's linked documents (PDF).")
@click.option("--council", help="Council name to store with ingested meetings.")
@db_option
@click.option(
    "--workers", type=click.IntRange(min=1), help="Ingest worker processes (default: number of cores)."
)
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
def fetch_cmd(
    site,
    committee,
    since,
    until,
    out,
    do_ingest,
    documents,
    council,
    db_path,
    workers,
    config_path,
    as_json,
    quiet,
):  # type: ignore[no-untyped-def]
    """Fetch a committee's minutes from a ModernGov site, politely.

    Uses the web service (GetCommittees, GetMeetings, GetMeeting) and falls back
    to the meeting pages and their printed-minutes PDFs when it is refused.
    Meetings already saved under --out (or already in --db) are not asked for
    again; everything else is revalidated with ETag / Last-Modified. Rate,
    concurrency, timeout, retries and User-Agent come from config.yaml `fetch:`.
    Exit 0 ok, 1 some meetings failed, 2 usage error.

    \b
    Example:
      minutes fetch --site https://democracy.manchester.gov.uk \\
        --committee "Audit Committee" --since 2025-01-01 --ingest --db output/minutes.db
    """
    # Imported here, as every command's heavy machinery is: the HTTP client is
    # not part of any other command's start-up (`minutes stats`).
    from ...fetch import FetchRequest, fetch_committee
    from ...fetch.client import origin

    scheme, host, _ = origin(site)
    if scheme not in ("http", "https") or not host:
        raise UsageError(f"--site '{site}' is not an http(s) site address")
    full_config = load_config(config_path)
    config = full_config.fetch
    say = (lambda _m: None) if quiet else err
    db = open_db(db_path) if (do_ingest or Path(db_path).exists()) else None
    known = None
    if db is not None:
        from ...fetch.to_store import known_in

        known = known_in(db)
    request = FetchRequest(
        site=site,
        committee=committee,
        since=since.date(),
        until=until.date() if until else None,
        out=Path(out),
        documents=documents,
    )
    report = fetch_committee(request, config=config, known=known, progress=say)
    if do_ingest and db is not None:
        from ...fetch.to_store import ingest_fetched

        summary = ingest_fetched(report, db=db, council=council, workers=workers, config=full_config)
        report.ingest = summary.as_dict()
        for failure in summary.failures:
            say(f"error: {failure.path}: {failure.message}")
    if as_json:
        emit_json(report.as_dict())
    else:
        counts = report.as_dict()["counts"]
        line = (
            f"{report.committee or committee}: {counts['saved']} saved, {counts['skipped']} skipped, "  # type: ignore[index]
            f"{counts['no-minutes']} without minutes, {counts['failed']} failed; "  # type: ignore[index]
            f"{report.requests.get('requests', 0)} requests "
            f"({report.requests.get('not_modified', 0)} not modified)"
        )
        if report.ingest is not None:
            line += (f"; ingest: {report.ingest['new']} new, {report.ingest['unchanged']} unchanged, "
                     f"{report.ingest['failed']} failed into {db_path or DEFAULT_DB}")
        click.echo(line)
    sys.exit(report.exit_code)
