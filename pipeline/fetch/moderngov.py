"""Walk one committee of a ModernGov site and save the minutes it does not have yet.

Web service first (GetCommittees -> GetMeetings -> GetMeeting); when the
service is refused (403/404, HTML, a redirect stub, an empty answer), the
meeting pages and their printed-minutes PDFs instead. Files land under
``<out>/<council>/<committee>/<date>-<id>.xml`` (or ``-minutes.pdf`` /
``.html``); a file already there is never asked for again, so an interrupted
run simply resumes.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx

from ..config import FetchConfig
from ..errors import UsageError
from . import pages, webservice
from .cache import CACHE_DIRNAME, ValidatorCache
from .client import SiteClient
from .errors import FetchError, OffSiteError
from .paths import contained, council_slug, meeting_file, safe_meeting_id, slugify, write_atomic
from .refs import CommitteeRef, MeetingRef
from .report import FAILED, NO_MINUTES, SAVED, SKIPPED, FetchReport, MeetingOutcome
from .sniff import expect_xml, sniff

#: ``known(meeting_id, date)``: does the store already hold this meeting?
Known = Callable[[str, date | None], bool]
REFUSED_STATUSES = {401, 403, 404, 405, 410}


@dataclass(frozen=True)
class FetchRequest:
    site: str
    committee: str  # a title (case-insensitive) or a numeric committee id
    since: date
    until: date | None = None  # default: today
    out: Path = Path("corpus")
    documents: bool = False  # also download each item's linked documents


class ServiceRefused(Exception):
    """The web service said no; the meeting pages may still say yes."""


def fetch_committee(
    request: FetchRequest,
    *,
    config: FetchConfig,
    known: Known | None = None,
    progress: Callable[[str], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Fetch every meeting of ``request.committee`` in the date range; never raises
    for one bad meeting (it becomes a "failed" outcome). UsageError when the
    committee does not exist or the dates are backwards."""
    until = request.until or date.today()
    if until < request.since:
        raise UsageError(f"--until {until} is before --since {request.since}")
    report = FetchReport(site=request.site.rstrip("/"), council=council_slug(request.site))
    cache = ValidatorCache(request.out.resolve() / CACHE_DIRNAME)
    with SiteClient(request.site, config=config, cache=cache, transport=transport) as client:
        walk = _Walk(
            request, until, client, report, known or (lambda _id, _d: False), progress or (lambda _m: None)
        )
        try:
            walk.run()
        except FetchError as exc:
            report.errors.append(str(exc))
            walk.say(f"error: {exc}")
        finally:
            report.requests = client.counters.as_dict()
    return report


class _Walk:
    def __init__(self, request: FetchRequest, until: date, client: SiteClient, report: FetchReport,
                 known: Known, say: Callable[[str], None]) -> None:
        self.request, self.until, self.client, self.report = request, until, client, report
        self.known, self.say = known, say
        self.committee = CommitteeRef("", "")

    # -- the two walks -------------------------------------------------
    def run(self) -> None:
        try:
            committees, url = self._ws_committees()
        except ServiceRefused as exc:
            self.note(f"web service refused ({exc}); falling back to the meeting pages")
            self.report.source = "meeting-pages"
            self._run_pages()
            return
        self._choose(committees, url)
        meetings = self._ws_meetings()
        self._each(meetings, self._ws_meeting)

    def _run_pages(self) -> None:
        wanted = self.request.committee.strip()
        if wanted.isdigit():
            self._choose([], self.request.site)
        else:
            url = self.client.url(pages.COMMITTEES_PAGE)
            self._choose(pages.committee_links(self._html(url), url), url)
        found: list[MeetingRef] = []
        for year in range(self.request.since.year, self.until.year + 1):
            url = self.client.url(pages.MEETINGS_PAGE, {"CId": self.committee.id, "Year": str(year)})
            found += pages.meeting_links(self._html(url), url)
        self._each(found, self._page_meeting)

    # -- committees and meetings ----------------------------------------
    def _ws_committees(self) -> tuple[list[CommitteeRef], str]:
        url = self.client.url(f"{webservice.SERVICE}/GetCommittees")
        try:
            answer = self.client.get(url)
        except OffSiteError as exc:
            raise ServiceRefused(str(exc)) from exc
        except FetchError as exc:
            if exc.status in REFUSED_STATUSES:
                raise ServiceRefused(str(exc)) from exc
            raise
        found = expect_xml(answer.body, answer.content_type, root="committees")
        if found.kind != "xml" or found.root is None:
            raise ServiceRefused(f"{url}: {found.reason}")
        committees = webservice.committees(found.root)
        if not committees:
            raise ServiceRefused(f"{url}: empty result (no committees listed)")
        return committees, url

    def _choose(self, committees: list[CommitteeRef], url: str) -> None:
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

    def _ws_meetings(self) -> list[MeetingRef]:
        # Without --until, ask up to the end of this year: the URL then stays the
        # same night after night, so the cache can revalidate it.
        query_to = self.request.until or date(self.until.year, 12, 31)
        url = self.client.url(f"{webservice.SERVICE}/GetMeetings", {
            "lCommitteeId": self.committee.id,
            "sFromDate": self.request.since.strftime("%d/%m/%Y"),
            "sToDate": query_to.strftime("%d/%m/%Y"),
        })
        answer = self.client.get(url)
        found = expect_xml(answer.body, answer.content_type, root="getmeetings")
        if found.kind != "xml" or found.root is None:
            raise FetchError(url, found.reason)
        meetings = webservice.meetings(found.root)
        if not meetings:
            self.note(f"{url}: empty result (no meetings listed)")
        return meetings

    def _each(self, refs: list[MeetingRef], fetch_one: Callable[[str, MeetingRef], MeetingOutcome]) -> None:
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
            return MeetingOutcome(mid, _iso(ref.date), FAILED, exc.url, reason=exc.reason)
        except OSError as exc:
            return MeetingOutcome(
                mid, _iso(ref.date), FAILED, self.request.site, reason=f"cannot write file ({exc})"
            )

    # -- one meeting -----------------------------------------------------
    def _ws_meeting(self, mid: str, ref: MeetingRef) -> MeetingOutcome:
        url = self.client.url(f"{webservice.SERVICE}/GetMeeting", {"lMeetingId": mid})
        path = self._file(ref.date, mid, ".xml")
        skipped = self._skip(mid, ref, url, path)
        if skipped:
            return skipped
        answer = self.client.get(url)
        found = expect_xml(answer.body, answer.content_type, root="meeting")
        if found.kind != "xml" or found.root is None:
            return MeetingOutcome(mid, _iso(ref.date), FAILED, url, reason=found.reason)
        said_id = webservice.meeting_id(found.root)
        if said_id and said_id != mid:
            return MeetingOutcome(
                mid, _iso(ref.date), FAILED, url, reason=f"answer is for meeting {said_id[:40]!r}, not {mid}"
            )
        why_not = webservice.minutes_state(found.root)
        if why_not:
            return MeetingOutcome(mid, _iso(ref.date), NO_MINUTES, url, reason=why_not)
        write_atomic(path, answer.body)
        docs = self._documents(found.root, mid, ref) if self.request.documents else ()
        return MeetingOutcome(mid, _iso(ref.date), SAVED, url, path=str(path), documents=docs)

    def _page_meeting(self, mid: str, ref: MeetingRef) -> MeetingOutcome:
        url = self.client.url(pages.MEETING_PAGE, {"CId": self.committee.id, "MId": mid})
        pdf_path, html_path = self._file(ref.date, mid, "-minutes.pdf"), self._file(ref.date, mid, ".html")
        for path in (pdf_path, html_path):
            skipped = self._skip(mid, ref, url, path)
            if skipped:
                return skipped
        body = self._html(url)
        problems = []
        for link in pages.minutes_links(body, url):
            try:
                self.client.check_on_site(link)
                answer = self.client.get(link)
            except FetchError as exc:
                self.note(str(exc))
                problems.append(str(exc))
                continue
            found = sniff(answer.body, answer.content_type)
            if found.kind != "pdf":
                problems.append(f"{link}: {found.reason or 'not a PDF'}")
                self.note(problems[-1])
                continue
            write_atomic(pdf_path, answer.body)
            return MeetingOutcome(mid, _iso(ref.date), SAVED, link, path=str(pdf_path))
        if pages.has_inline_minutes(body):
            write_atomic(html_path, body)
            return MeetingOutcome(mid, _iso(ref.date), SAVED, url, path=str(html_path))
        if problems:
            return MeetingOutcome(
                mid, _iso(ref.date), FAILED, url, reason=f"printed minutes not fetched: {problems[-1]}"
            )
        return MeetingOutcome(
            mid, _iso(ref.date), NO_MINUTES, url, reason="no printed minutes on the meeting page yet"
        )

    def _documents(self, root: object, mid: str, ref: MeetingRef) -> tuple[str, ...]:
        saved = []
        for attachment, _title, link in webservice.linked_documents(root):  # type: ignore[arg-type]
            try:
                self.client.check_on_site(link)
                dest = contained(
                    self.request.out,
                    slugify(self.report.council),
                    slugify(self.committee.title),
                    "documents",
                    f"{_iso(ref.date)}-{mid}-{slugify(attachment)}.pdf",
                )
                if not dest.exists():
                    answer = self.client.get(link)
                    found = sniff(answer.body, answer.content_type)
                    if found.kind != "pdf":
                        self.note(f"{link}: {found.reason or 'not a PDF'}; not saved")
                        continue
                    write_atomic(dest, answer.body)
                saved.append(str(dest))
            except FetchError as exc:
                self.note(str(exc))
        return tuple(saved)

    # -- helpers -----------------------------------------------------------
    def _html(self, url: str) -> bytes:
        answer = self.client.get(url)
        found = sniff(answer.body, answer.content_type)
        if found.kind != "html":
            reason = found.reason if found.kind != "xml" else "XML instead of an HTML page"
            raise FetchError(url, reason or f"not an HTML page ({found.kind})")
        return answer.body

    def _file(self, when: date | None, mid: str, suffix: str) -> Path:
        return meeting_file(self.request.out, self.report.council, self.committee.title, when, mid, suffix)

    def _skip(self, mid: str, ref: MeetingRef, url: str, path: Path) -> MeetingOutcome | None:
        if path.exists():
            return MeetingOutcome(mid, _iso(ref.date), SKIPPED, url, path=str(path), reason="already saved")
        if self.known(mid, ref.date):
            return MeetingOutcome(mid, _iso(ref.date), SKIPPED, url, reason="already in the store")
        return None

    def note(self, message: str) -> None:
        self.report.notes.append(message)
        self.say(f"note: {message}")

    def _record(self, outcome: MeetingOutcome) -> None:
        self.report.meetings.append(outcome)
        where = outcome.path or outcome.url
        self.say(f"{outcome.outcome}: meeting {outcome.meeting_id} ({outcome.date or 'no date'}) {where}"
                 + (f": {outcome.reason}" if outcome.reason else ""))


def _iso(when: date | None) -> str | None:
    return when.isoformat() if when else None
