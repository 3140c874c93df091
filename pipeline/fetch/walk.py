"""What both walks of a ModernGov committee share: the request, choosing the
committee, fetching each listed meeting in range on capped threads, and
recording one outcome per meeting.

The web-service walk (fetch/service_walk.py) and the meeting-page walk
(fetch/page_walk.py) differ only in how they list meetings and fetch one;
fetch/moderngov.py picks between them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import UsageError
from .client import SiteClient
from .errors import FetchError
from .paths import meeting_file, safe_meeting_id
from .refs import CommitteeRef, MeetingRef
from .report import FAILED, SKIPPED, FetchReport, MeetingOutcome
from .sniff import sniff

#: ``known(meeting_id, date)``: does the store already hold this meeting?
Known = Callable[[str, date | None], bool]


@dataclass(frozen=True)
class FetchRequest:
    site: str
    committee: str  # a title (case-insensitive) or a numeric committee id
    since: date
    until: date | None = None  # default: today
    out: Path = Path("corpus")
    documents: bool = False  # also download each item's linked documents


class Walk:
    """One committee's meetings, fetched into ``request.out``; subclasses say how."""

    def __init__(self, request: FetchRequest, until: date, client: SiteClient, report: FetchReport,
                 known: Known, say: Callable[[str], None]) -> None:
        self.request, self.until, self.client, self.report = request, until, client, report
        self.known, self.say = known, say
        self.committee = CommitteeRef("", "")

    def run(self) -> None:
        raise NotImplementedError

    # -- the committee and its meetings ---------------------------------
    def choose(self, committees: list[CommitteeRef], url: str) -> None:
        wanted = " ".join(self.request.committee.split())
        match: CommitteeRef | None
        if wanted.isdigit():
            match = next(
                (c for c in committees if c.id.strip() == wanted), CommitteeRef(wanted, f"committee-{wanted}")
            )
        else:
            match = next((c for c in committees if c.title.casefold() == wanted.casefold()), None)
            if match is None:
                titles = [c.title for c in committees]
                close = difflib.get_close_matches(wanted, titles, n=5, cutoff=0.5) or titles[:5]
                raise UsageError(
                    f"no committee named '{wanted}' at {url}"
                    + (f"; close names: {'; '.join(close)}" if close else "")
                    + " (or pass the numeric committee id)"
                )
        if safe_meeting_id(match.id) is None:
            raise FetchError(
                url, f"committee '{match.title[:80]}' has an unsafe id {match.id[:80]!r}; refused"
            )
        self.committee = CommitteeRef(match.id.strip(), match.title)
        self.report.committee_id, self.report.committee = self.committee.id, self.committee.title
        self.say(f"{self.report.council}: {match.title} (id {self.committee.id}) via {self.report.source}")

    def each(self, refs: list[MeetingRef], fetch_one: Callable[[str, MeetingRef], MeetingOutcome]) -> None:
        """Check each listed meeting, keep those in range, fetch them (capped threads)."""
        todo: dict[str, MeetingRef] = {}
        for ref in refs:
            mid = safe_meeting_id(ref.id)
            if mid is None:
                self._record(MeetingOutcome(ref.id[:80], None, FAILED, self.request.site,
                                            reason=f"unsafe meeting id {ref.id[:80]!r} refused"))
            elif ref.date is None:
                self._record(MeetingOutcome(mid, None, FAILED, self.request.site,
                                            reason=f"unreadable meeting date {ref.raw_date[:80]!r}"))
            elif self.request.since <= ref.date <= self.until:
                todo.setdefault(mid, ref)
        self.say(f"{len(todo)} meeting(s) between {self.request.since} and {self.until}")
        workers = max(1, self.client.config.max_concurrency)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(lambda item: self._safely(fetch_one, *item), todo.items()):
                self._record(outcome)

    def _safely(
        self, fetch_one: Callable[[str, MeetingRef], MeetingOutcome], mid: str, ref: MeetingRef
    ) -> MeetingOutcome:
        try:
            return fetch_one(mid, ref)
        except FetchError as exc:
            return MeetingOutcome(mid, iso(ref.date), FAILED, exc.url, reason=exc.reason)
        except OSError as exc:
            return MeetingOutcome(
                mid, iso(ref.date), FAILED, self.request.site, reason=f"cannot write file ({exc})"
            )

    # -- helpers -----------------------------------------------------------
    def html(self, url: str) -> bytes:
        answer = self.client.get(url)
        found = sniff(answer.body, answer.content_type)
        if found.kind != "html":
            reason = found.reason if found.kind != "xml" else "XML instead of an HTML page"
            raise FetchError(url, reason or f"not an HTML page ({found.kind})")
        return answer.body

    def file(self, when: date | None, mid: str, suffix: str) -> Path:
        return meeting_file(self.request.out, self.report.council, self.committee.title, when, mid, suffix)

    def skip(self, mid: str, ref: MeetingRef, url: str, path: Path) -> MeetingOutcome | None:
        if path.exists():
            return MeetingOutcome(mid, iso(ref.date), SKIPPED, url, path=str(path), reason="already saved")
        if self.known(mid, ref.date):
            return MeetingOutcome(mid, iso(ref.date), SKIPPED, url, reason="already in the store")
        return None

    def note(self, message: str) -> None:
        self.report.notes.append(message)
        self.say(f"note: {message}")

    def _record(self, outcome: MeetingOutcome) -> None:
        self.report.meetings.append(outcome)
        where = outcome.path or outcome.url
        self.say(f"{outcome.outcome}: meeting {outcome.meeting_id} ({outcome.date or 'no date'}) {where}"
                 + (f": {outcome.reason}" if outcome.reason else ""))


def iso(when: date | None) -> str | None:
    return when.isoformat() if when else None
