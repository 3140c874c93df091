"""`minutes fetch` against a fake ModernGov site on 127.0.0.1 serving real web-service XML."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NO_SHARED, SHARED
from fetch_server import Reply, Server

from pipeline import store
from pipeline.cli import main
from pipeline.config import FetchConfig
from pipeline.fetch import FetchRequest, fetch_committee
from pipeline.fetch.client import RateLimiter
from pipeline.fetch.paths import council_slug, meeting_file, slugify

if not SHARED.is_dir():  # every fake site below serves the real XML in ../shared/corpus/xml
    pytest.skip(NO_SHARED, allow_module_level=True)
XML = SHARED / "corpus" / "xml"
COMMITTEES = (XML / "mgws_GetCommittees_manchester_trimmed.xml").read_bytes()
MEETINGS = (XML / "mgws_GetMeetings_manchester_audit_committee_144.xml").read_bytes()
CANCELLED = (XML / "mgws_GetMeeting_manchester_audit_2026-01-13_cancelled_no_minutes.xml").read_bytes()
WITH_MINUTES = (XML / "mgws_GetMeeting_manchester_audit_2026-02-10_with_minutes.xml").read_bytes()
WS = "/mgWebService.asmx/"
UA = "minutes-miner-test/1.0 (+mailto:test@example.org)"
FAST = FetchConfig(user_agent=UA, requests_per_second=200.0, max_concurrency=2, timeout_seconds=2.0,
                   retries=2, backoff_seconds=0.01, max_backoff_seconds=0.05)
HTML_ERROR = (
    b"<!DOCTYPE html><html><head><title>Runtime "
    b"Error</title></head><body><h1>Server Error in '/' "
    b"Application.</h1></body></html>"
)
JS_STUB = (
    b"<html><head><script type='text/javascript'>window.location.href = "
    b"'/mgError.aspx';</script></head><body></body></html>"
)
META_REFRESH = b'<html><head><meta http-equiv="refresh" content="0; url=/login.aspx"></head></html>'
FAKE_PDF = b"%PDF-1.4\n% fake printed minutes\n%%EOF\n"


def manchester(site) -> None:  # type: ignore[no-untyped-def]
    """The real responses: committee 144 has a cancelled meeting and one with minutes."""
    site.add(WS + "GetCommittees", Reply(body=COMMITTEES))
    site.add(WS + "GetMeetings", Reply(body=MEETINGS), lCommitteeId="144")
    site.add(WS + "GetMeeting", Reply(body=CANCELLED), lMeetingId="4966")
    site.add(WS + "GetMeeting", Reply(body=WITH_MINUTES), lMeetingId="4967")


def request(site, tmp_path: Path, **kw) -> FetchRequest:  # type: ignore[no-untyped-def]
    return FetchRequest(
        site=site.base,
        committee=kw.pop("committee", "Audit Committee"),
        since=date(2026, 1, 1),
        until=kw.pop("until", date(2026, 3, 31)),
        out=tmp_path / "corpus",
        **kw,
    )


def by_id(report) -> dict:  # type: ignore[no-untyped-def]
    return {m.meeting_id: m for m in report.meetings}


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and ".fetch-cache" not in p.parts]


@pytest.fixture()
def cfg(tmp_path: Path) -> str:
    path = tmp_path / "config.yaml"
    path.write_text(
        "fetch:\n"
        f"  user_agent: '{UA}'\n"
        "  requests_per_second: 200\n  max_concurrency: 2\n  timeout_seconds: 2\n"
        "  retries: 2\n  backoff_seconds: 0.01\n  max_backoff_seconds: 0.05\n",
        encoding="utf-8",
    )
    return str(path)


# -- end to end through the CLI --------------------------------------------------


def test_fetch_ingests_new_meeting_then_second_run_is_conditional_only(tmp_path: Path, cfg: str) -> None:
    db_path = tmp_path / "minutes.db"
    with Server() as site:
        manchester(site)
        args = ["fetch", "--site", site.base, "--committee", "audit committee", "--since", "2026-01-01",
                "--out", str(tmp_path / "corpus"), "--ingest", "--db", str(db_path), "--config", cfg,
                "--workers", "1", "--json"]
        first = CliRunner().invoke(main, args)
        assert first.exit_code == 0, first.output
        report = json.loads(first.stdout)
        saved = tmp_path / "corpus" / council_slug(site.base) / "audit-committee" / "2026-02-10-4967.xml"
        assert saved.read_bytes() == WITH_MINUTES
        assert report["counts"] == {"saved": 1, "skipped": 0, "no-minutes": 1, "failed": 0}
        cancelled = next(m for m in report["meetings"] if m["meeting_id"] == "4966")
        assert "cancelled" in cancelled["reason"]
        assert not list(saved.parent.glob("*4966*"))  # never saved as minutes
        assert report["ingest"]["new"] == 1 and report["ingest"]["failed"] == 0
        assert all(s.headers.get("user-agent") == UA for s in site.seen)
        first_count = len(site.seen)

        db = store.connect(db_path)
        doc = db.execute("select id, meeting_id from documents where path = ?", [str(saved)]).fetchone()
        assert doc is not None
        items = db.execute("select title from agenda_items where document_id = ?", [doc[0]]).fetchall()
        assert {"Minutes", "Work Programme"} <= {t for (t,) in items}
        meeting = db.execute("select external_id, date from meetings where id = ?", [doc[1]]).fetchone()
        assert meeting == ("4967", "2026-02-10")
        counts = store.stats(db)

        second = CliRunner().invoke(main, args)
        assert second.exit_code == 0, second.output
        again = json.loads(second.stdout)
        later = site.seen[first_count:]
        assert later, "the second run asked nothing at all"
        assert all(s.conditional for s in later), [(s.path, s.query) for s in later if not s.conditional]
        assert again["requests"]["not_modified"] == len(later)
        assert not site.requests_to(WS + "GetMeeting", lMeetingId="4967")[1:]  # saved meeting not asked again
        assert again["counts"]["saved"] == 0 and again["counts"]["skipped"] == 1
        assert again["ingest"]["new"] == 0
        assert store.stats(store.connect(db_path)) == counts


def test_unknown_committee_is_a_usage_error_naming_close_titles(tmp_path: Path, cfg: str) -> None:
    with Server() as site:
        manchester(site)
        result = CliRunner().invoke(main, ["fetch", "--site", site.base, "--committee", "Audit Comittee",
                                           "--since", "2026-01-01", "--out", str(tmp_path), "--config", cfg])
    assert result.exit_code == 2
    assert "no committee named 'Audit Comittee'" in result.output and "Audit Committee" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "01/01/2026"],
        ["--since", "2026-03-01", "--until", "2026-01-01"],
        ["--since", "2026-01-01", "--site", "ftp://x"],
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str]) -> None:
    base = ["fetch", "--committee", "Audit Committee", "--out", str(tmp_path)]
    if "--site" not in args:
        base += ["--site", "http://127.0.0.1:9"]
    assert CliRunner().invoke(main, base + args).exit_code == 2


# -- robustness ------------------------------------------------------------------


def test_500_then_success_is_retried(tmp_path: Path) -> None:
    with Server() as site:
        manchester(site)
        site.routes.insert(
            0, (WS.lower() + "getcommittees", {}, [Reply(500, b"oops", "text/plain"), Reply(body=COMMITTEES)])
        )
        report = fetch_committee(request(site, tmp_path), config=FAST)
    assert report.exit_code == 0, report.errors
    assert len(site.requests_to(WS + "GetCommittees")) == 2
    assert report.requests["retries"] == 1
    assert by_id(report)["4967"].outcome == "saved"


def test_slow_response_times_out_is_retried_then_reported(tmp_path: Path) -> None:
    config = FetchConfig(user_agent=UA, requests_per_second=200.0, max_concurrency=2, timeout_seconds=0.2,
                         retries=1, backoff_seconds=0.01, max_backoff_seconds=0.05)
    with Server() as site:
        manchester(site)
        site.add(WS + "GetMeeting", Reply(body=WITH_MINUTES, delay=1.0), lMeetingId="4967")
        site.routes.pop(3)  # drop the fast 4967 route
        report = fetch_committee(request(site, tmp_path), config=config)
        asked = len(site.requests_to(WS + "GetMeeting", lMeetingId="4967"))
    outcome = by_id(report)["4967"]
    assert outcome.outcome == "failed"
    assert "timed out" in outcome.reason and "gave up after 2 attempts" in outcome.reason
    assert "lMeetingId=4967" in outcome.url
    assert asked == 2
    assert report.exit_code == 1
    assert not files_under(tmp_path / "corpus")


def test_4xx_is_not_retried(tmp_path: Path) -> None:
    with Server() as site:
        manchester(site)
        site.routes.pop(3)
        site.add(WS + "GetMeeting", Reply(410, b"gone", "text/plain"), lMeetingId="4967")
        report = fetch_committee(request(site, tmp_path), config=FAST)
        asked = len(site.requests_to(WS + "GetMeeting", lMeetingId="4967"))
    assert asked == 1
    assert by_id(report)["4967"].reason.startswith("HTTP 410")
    assert report.exit_code == 1


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(body=HTML_ERROR, content_type="text/html"), "HTML page 'Runtime Error' instead of XML"),
        (Reply(body=JS_STUB, content_type="text/html"), "JavaScript redirect stub to '/mgError.aspx'"),
        (Reply(body=META_REFRESH, content_type="text/html"), "meta refresh redirect to '/login.aspx'"),
        (Reply(body=b"  \n", content_type="text/xml"), "empty response"),
        (Reply(body=b"Service temporarily unavailable", content_type="text/plain"), "not XML"),
        (Reply(body=COMMITTEES), "unexpected XML <committees> (expected <meeting>)"),
    ],
    ids=["html-error", "js-stub", "meta-refresh", "empty", "plain-text", "wrong-xml"],
)
def test_junk_answers_are_reported_not_saved(tmp_path: Path, reply: Reply, reason: str) -> None:
    with Server() as site:
        manchester(site)
        site.routes.pop(3)
        site.add(WS + "GetMeeting", reply, lMeetingId="4967")
        report = fetch_committee(request(site, tmp_path), config=FAST)
    outcome = by_id(report)["4967"]
    assert outcome.outcome == "failed"
    assert reason in outcome.reason
    assert outcome.url.endswith("GetMeeting?lMeetingId=4967")
    assert not files_under(tmp_path / "corpus")


def test_dates_are_filtered_locally_when_the_server_ignores_the_range(tmp_path: Path) -> None:
    with Server() as site:
        manchester(site)
        report = fetch_committee(request(site, tmp_path, until=date(2026, 1, 31)), config=FAST)
        asked = site.requests_to(WS + "GetMeetings")[0].query
    assert (asked["sfromdate"], asked["stodate"]) == ("01/01/2026", "31/01/2026")
    assert set(by_id(report)) == {"4966"}  # 10/02/2026 is outside the range although listed
    assert not site.requests_to(WS + "GetMeeting", lMeetingId="4967")


def test_existing_file_is_not_fetched_again(tmp_path: Path) -> None:
    with Server() as site:
        manchester(site)
        req = request(site, tmp_path)
        target = meeting_file(
            req.out, council_slug(site.base), "Audit Committee", date(2026, 2, 10), "4967", ".xml"
        )
        target.parent.mkdir(parents=True)
        target.write_bytes(b"<meeting/>")  # left by an interrupted earlier run
        report = fetch_committee(req, config=FAST)
        assert not site.requests_to(WS + "GetMeeting", lMeetingId="4967")
    assert by_id(report)["4967"].outcome == "skipped"
    assert not list(target.parent.glob(".part-*"))


def test_concurrency_is_capped(tmp_path: Path) -> None:
    many = b"".join(
        b"<meeting><meetingid>%d</meetingid><meetingdate>%02d/02/2026</meetingdate></meeting>"
        % (5000 + i, i + 1)
        for i in range(6)
    )
    with Server() as site:
        site.add(WS + "GetCommittees", Reply(body=COMMITTEES))
        site.add(WS + "GetMeetings", Reply(body=b"<getmeetings><committee><committeemeetings>" + many
                                           + b"</committeemeetings></committee></getmeetings>"))
        site.add(WS + "GetMeeting", Reply(body=CANCELLED.replace(b"4966", b"0"), delay=0.15))
        config = FetchConfig(user_agent=UA, requests_per_second=200.0, max_concurrency=2, timeout_seconds=2,
                             retries=0, backoff_seconds=0.01)
        report = fetch_committee(request(site, tmp_path), config=config)
        peak = site.peak_in_flight
    assert len(report.meetings) == 6
    assert 1 <= peak <= 2


def test_rate_limiter_spaces_request_starts() -> None:
    sleeps: list[float] = []
    limiter = RateLimiter(2.0, clock=lambda: 100.0, sleep=sleeps.append)
    for _ in range(3):
        limiter.wait()
    assert sleeps == [0.5, 1.0]


# -- staying inside the site and the output folder -------------------------------


def test_web_service_refused_falls_back_to_meeting_pages(tmp_path: Path) -> None:
    with Server() as site:
        site.add(WS + "GetCommittees", Reply(403, b"<html><title>Forbidden</title></html>", "text/html"))
        site.add(
            "/mgListCommittees.aspx",
            Reply(
                body=b'<html><body><a href="mgCommitteeDetails.aspx?ID=144">Audit '
                b'Committee</a><a href="mgCommitteeDetails.aspx?ID=1">Cabinet</a>'
                b"</body></html>",
                content_type="text/html",
            ),
        )
        site.add(
            "/ieListMeetings.aspx",
            Reply(
                body=b"<html><body>"
                b'<a href="ieListDocuments.aspx?CId=144&amp;MId=4967">10 Feb 2026 10.00 am</a>'
                b'<a href="ieListDocuments.aspx?CId=144&amp;MId=4968">17 Mar 2026 10.00 am</a>'
                b'<a href="ieListDocuments.aspx?CId=144&amp;MId=4900">1 Dec 2025</a>'
                b"</body></html>",
                content_type="text/html",
            ),
            CId="144",
            Year="2026",
        )
        site.add(
            "/ieListDocuments.aspx",
            Reply(
                body=b'<html><body><a href="documents/g4967/Printed%20minutes%2010th-Feb'
                b'-2026.pdf?T=1">Printed minutes 10th-Feb-2026 10.00 Audit Committee '
                b"PDF 120 KB</a></body></html>",
                content_type="text/html",
            ),
            MId="4967",
        )
        site.add(
            "/ieListDocuments.aspx",
            Reply(
                body=b'<html><body><a href="https://evil.example/minutes.pdf">'
                b"Printed minutes</a></body></html>",
                content_type="text/html",
            ),
            MId="4968",
        )
        site.add(
            "/documents/g4967/Printed minutes 10th-Feb-2026.pdf",
            Reply(body=FAKE_PDF, content_type="application/pdf"),
        )
        report = fetch_committee(request(site, tmp_path), config=FAST)
        paths = {s.path for s in site.seen}
    assert report.source == "meeting-pages"
    assert any("HTTP 403" in n and "falling back" in n for n in report.notes)
    got = by_id(report)
    assert set(got) == {"4967", "4968"}  # 4900 is before --since
    assert got["4967"].outcome == "saved" and Path(got["4967"].path).read_bytes() == FAKE_PDF
    assert got["4967"].path.endswith("audit-committee/2026-02-10-4967-minutes.pdf")
    assert got["4968"].outcome == "failed" and "outside the site" in got["4968"].reason
    assert any("https://evil.example/minutes.pdf" in n for n in report.notes)
    assert "/minutes.pdf" not in paths


def test_hostile_ids_titles_and_redirects_stay_contained(tmp_path: Path) -> None:
    committees = (b"<committees><committee><committeeid>144</committeeid>"
                  b"<committeetitle>../../../etc/passwd</committeetitle></committee></committees>")
    meetings = (b"<getmeetings><committee><committeemeetings>"
                b"<meeting><meetingid>../../../../etc/passwd</meetingid><meetingdate>10/02/2026</meetingdate></meeting>"
                b"<meeting><meetingid>4969</meetingid><meetingdate>../../x</meetingdate></meeting>"
                b"<meeting><meetingid>4968</meetingid><meetingdate>10/02/2026</meetingdate></meeting>"
                b"<meeting><meetingid>4970</meetingid><meetingdate>11/02/2026</meetingdate></meeting>"
                b"<meeting><meetingid>4971</meetingid><meetingdate>12/02/2026</meetingdate></meeting>"
                b"</committeemeetings></committee></getmeetings>")
    with Server() as site:
        site.add(WS + "GetCommittees", Reply(body=committees))
        site.add(WS + "GetMeetings", Reply(body=meetings))
        site.add(WS + "GetMeeting", Reply(body=WITH_MINUTES.replace(b"4967", b"4968")), lMeetingId="4968")
        site.add(WS + "GetMeeting", Reply(body=WITH_MINUTES), lMeetingId="4970")  # says it is 4967
        site.add(
            WS + "GetMeeting",
            Reply(302, headers=(("Location", "http://evil.example/steal"),)),
            lMeetingId="4971",
        )
        report = fetch_committee(
            request(site, tmp_path, committee="../../../etc/passwd", documents=True), config=FAST
        )
    out = (tmp_path / "corpus").resolve()
    everything = [p.resolve() for p in tmp_path.rglob("*")]
    assert all(
        p.is_relative_to(out) or p in (tmp_path.resolve() / "corpus",)
        for p in everything
        if p != tmp_path.resolve()
    )
    assert not any("passwd" == p.name for p in everything)
    got = by_id(report)
    assert got["4968"].outcome == "saved"
    assert Path(got["4968"].path) == out / council_slug(site.base) / "etc-passwd" / "2026-02-10-4968.xml"
    assert (
        got["../../../../etc/passwd"].outcome == "failed"
        and "unsafe meeting id" in got["../../../../etc/passwd"].reason
    )
    assert got["4969"].outcome == "failed" and "unreadable meeting date" in got["4969"].reason
    assert got["4970"].outcome == "failed" and "answer is for meeting '4967'" in got["4970"].reason
    assert (
        got["4971"].outcome == "failed"
        and "refused redirect to http://evil.example/steal" in got["4971"].reason
    )
    # --documents: the linked documents live on democracy.manchester.gov.uk, another host
    assert any("mgConvert2PDF.aspx?ID=60860" in n and "outside the site" in n for n in report.notes)
    assert report.exit_code == 1


def test_hostile_committee_id_is_refused(tmp_path: Path) -> None:
    committees = (
        b"<committees><committee><committeeid>../../1</committeeid>"
        b"<committeetitle>Audit</committeetitle></committee></committees>"
    )
    with Server() as site:
        site.add(WS + "GetCommittees", Reply(body=committees))
        report = fetch_committee(request(site, tmp_path, committee="Audit"), config=FAST)
        assert not site.requests_to(WS + "GetMeetings")
    assert report.exit_code == 1 and "unsafe id '../../1'" in report.errors[0]


@pytest.mark.parametrize("raw", ["../../etc/passwd", "..", "/", "a/../../b", "C:\\Windows", "\x00", "", "…"])
def test_slugs_never_hold_separators(raw: str) -> None:
    slug = slugify(raw)
    assert slug and "/" not in slug and "\\" not in slug and ".." not in slug and "\x00" not in slug


def test_council_slug_from_host() -> None:
    assert council_slug("https://democracy.manchester.gov.uk") == "manchester"
    assert council_slug("https://moderngov.kent.gov.uk/") == "kent"
    assert council_slug("http://127.0.0.1:8080") == "127-0-0-1-8080"


def test_on_site_redirect_is_followed(tmp_path: Path) -> None:
    with Server() as site:
        manchester(site)
        site.routes.pop(3)
        site.add(WS + "GetMeeting", Reply(302, headers=(("Location", "/moved/4967.xml"),)), lMeetingId="4967")
        site.add("/moved/4967.xml", Reply(body=WITH_MINUTES))
        report = fetch_committee(request(site, tmp_path), config=FAST)
    assert by_id(report)["4967"].outcome == "saved"
    assert Path(by_id(report)["4967"].path).read_bytes() == WITH_MINUTES
