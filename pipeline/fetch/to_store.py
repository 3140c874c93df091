"""From fetched files to the store: which meetings it has, and ingesting new files.

Each fetched file is ingested with the meeting facts the walk already knows
(committee, date, ModernGov meeting id), so the store can recognise the
meeting next time even before the file's own loader says anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlite_utils

from ..config import Config
from ..records import MeetingMeta
from ..run import Summary, ingest
from ..run.manifest import ManifestIndex
from .report import FetchReport
from .walk import Known


def known_in(db: sqlite_utils.Database) -> Known:
    """``known(meeting_id, date)``: a stored meeting with that ModernGov id and date.

    Read once here, so the check is safe from the walk's worker threads
    (a SQLite connection belongs to the thread that made it)."""
    pairs: set[tuple[str, str]] = set()
    if "meetings" in db.table_names():
        pairs = {(str(mid), str(day)) for mid, day in db.execute(
            "select external_id, date from meetings where external_id is not null and date is not null")}

    def known(meeting_id: str, when: date | None) -> bool:
        return when is not None and (meeting_id, when.isoformat()) in pairs

    return known


def ingest_fetched(
    report: FetchReport,
    *,
    db: sqlite_utils.Database,
    council: str | None = None,
    workers: int | None = None,
    config: Config | None = None,
    on_progress: Callable[[str, str], None] | None = None,
) -> Summary:
    """Ingest every saved (or earlier saved) file of ``report``; unchanged files are skipped by ingest."""
    entries: dict[str, MeetingMeta] = {}
    for outcome in report.meetings:
        if outcome.path and outcome.outcome in ("saved", "skipped"):
            entries[str(Path(outcome.path).resolve())] = MeetingMeta(
                council=council, committee=report.committee, date=outcome.date, external_id=outcome.meeting_id
            )
    if not entries:
        return Summary()
    return ingest(
        report.files(),
        db=db,
        manifest=ManifestIndex(explicit=entries),
        workers=workers,
        config=config,
        on_progress=on_progress,
    )
