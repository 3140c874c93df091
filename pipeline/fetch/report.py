"""What a fetch run did, meeting by meeting, in a shape the CLI can print or dump as JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

#: Outcomes of one meeting. Only "failed" makes the run exit 1.
SAVED, SKIPPED, NO_MINUTES, FAILED = "saved", "skipped", "no-minutes", "failed"


@dataclass(frozen=True)
class MeetingOutcome:
    meeting_id: str
    date: str | None  # ISO
    outcome: str  # saved | skipped | no-minutes | failed
    url: str
    path: str | None = None  # the file to ingest, when there is one
    reason: str = ""
    documents: tuple[str, ...] = ()  # linked documents saved beside it


@dataclass
class FetchReport:
    site: str
    council: str
    committee_id: str | None = None
    committee: str | None = None
    source: str = "web-service"  # or "meeting-pages" after a fallback
    meetings: list[MeetingOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one-line warnings: refused links, sniffed junk
    errors: list[str] = field(default_factory=list)  # run-level failures
    requests: dict[str, int] = field(default_factory=dict)
    ingest: dict[str, object] | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for m in self.meetings if m.outcome == outcome)

    def files(self) -> list[Path]:
        """Saved or previously saved minutes files, in date order, for ingest."""
        return [Path(m.path) for m in sorted(self.meetings, key=lambda m: (m.date or "", m.meeting_id))
                if m.path and m.outcome in (SAVED, SKIPPED)]

    @property
    def exit_code(self) -> int:
        failed_ingest = bool(self.ingest and self.ingest.get("failed"))
        return 1 if (self.errors or self.count(FAILED) or failed_ingest) else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "site": self.site,
            "council": self.council,
            "committee_id": self.committee_id,
            "committee": self.committee,
            "source": self.source,
            "counts": {k: self.count(k) for k in (SAVED, SKIPPED, NO_MINUTES, FAILED)},
            "meetings": [asdict(m) for m in self.meetings],
            "notes": self.notes,
            "errors": self.errors,
            "requests": self.requests,
            "ingest": self.ingest,
        }
