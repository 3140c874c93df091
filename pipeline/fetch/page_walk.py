"""The meeting-page walk, for sites whose web service is refused: the
committee list and meeting listings as HTML, then per meeting its printed
minutes PDF, or the page itself when the minutes are on it.
"""

from __future__ import annotations

from . import pages
from .errors import FetchError
from .paths import write_atomic
from .refs import MeetingRef
from .report import FAILED, NO_MINUTES, SAVED, MeetingOutcome
from .sniff import sniff
from .walk import Walk, iso


class PageWalk(Walk):
    def run(self) -> None:
        wanted = self.request.committee.strip()
        if wanted.isdigit():
            self.choose([], self.request.site)
        else:
            url = self.client.url(pages.COMMITTEES_PAGE)
            self.choose(pages.committee_links(self.html(url), url), url)
        found: list[MeetingRef] = []
        for year in range(self.request.since.year, self.until.year + 1):
            url = self.client.url(pages.MEETINGS_PAGE, {"CId": self.committee.id, "Year": str(year)})
            found += pages.meeting_links(self.html(url), url)
        self.each(found, self._page_meeting)

    def _page_meeting(self, mid: str, ref: MeetingRef) -> MeetingOutcome:
        url = self.client.url(pages.MEETING_PAGE, {"CId": self.committee.id, "MId": mid})
        pdf_path, html_path = self.file(ref.date, mid, "-minutes.pdf"), self.file(ref.date, mid, ".html")
        for path in (pdf_path, html_path):
            skipped = self.skip(mid, ref, url, path)
            if skipped:
                return skipped
        body = self.html(url)
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
            return MeetingOutcome(mid, iso(ref.date), SAVED, link, path=str(pdf_path))
        if pages.has_inline_minutes(body):
            write_atomic(html_path, body)
            return MeetingOutcome(mid, iso(ref.date), SAVED, url, path=str(html_path))
        if problems:
            return MeetingOutcome(
                mid, iso(ref.date), FAILED, url, reason=f"printed minutes not fetched: {problems[-1]}"
            )
        return MeetingOutcome(
            mid, iso(ref.date), NO_MINUTES, url, reason="no printed minutes on the meeting page yet"
        )
