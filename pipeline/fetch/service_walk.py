"""The web-service walk: GetCommittees -> GetMeetings -> GetMeeting, one XML
file per meeting (and, on request, each item's linked PDFs).

``ServiceRefused`` means the service said no (403/404, HTML, a redirect stub,
an empty committee list): the meeting pages may still say yes.
"""

from __future__ import annotations

from datetime import date

from . import webservice
from .errors import FetchError, OffSiteError
from .paths import contained, slugify, write_atomic
from .refs import CommitteeRef, MeetingRef
from .report import FAILED, NO_MINUTES, SAVED, MeetingOutcome
from .sniff import expect_xml, sniff
from .walk import Walk, iso

REFUSED_STATUSES = {401, 403, 404, 405, 410}


class ServiceRefused(Exception):
    """The web service said no; the meeting pages may still say yes."""


class ServiceWalk(Walk):
    def run(self) -> None:
        """Raises ServiceRefused before fetching anything when the service says no."""
        committees, url = self._ws_committees()
        self.choose(committees, url)
        self.each(self._ws_meetings(), self._ws_meeting)

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

    def _ws_meeting(self, mid: str, ref: MeetingRef) -> MeetingOutcome:
        url = self.client.url(f"{webservice.SERVICE}/GetMeeting", {"lMeetingId": mid})
        path = self.file(ref.date, mid, ".xml")
        skipped = self.skip(mid, ref, url, path)
        if skipped:
            return skipped
        answer = self.client.get(url)
        found = expect_xml(answer.body, answer.content_type, root="meeting")
        if found.kind != "xml" or found.root is None:
            return MeetingOutcome(mid, iso(ref.date), FAILED, url, reason=found.reason)
        said_id = webservice.meeting_id(found.root)
        if said_id and said_id != mid:
            return MeetingOutcome(
                mid, iso(ref.date), FAILED, url, reason=f"answer is for meeting {said_id[:40]!r}, not {mid}"
            )
        why_not = webservice.minutes_state(found.root)
        if why_not:
            return MeetingOutcome(mid, iso(ref.date), NO_MINUTES, url, reason=why_not)
        write_atomic(path, answer.body)
        docs = self._documents(found.root, mid, ref) if self.request.documents else ()
        return MeetingOutcome(mid, iso(ref.date), SAVED, url, path=str(path), documents=docs)

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
                    f"{iso(ref.date)}-{mid}-{slugify(attachment)}.pdf",
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
