"""ModernGov web-service XML: GetMeeting with minutes, other operations, hostile and broken answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.errors import NotMinutesError, SourceError
from pipeline.load import load
from pipeline.load.moderngov_xml import load_xml
from pipeline.segment import segment


@pytest.fixture(scope="module")
def xml_dir(shared_corpus: Path) -> Path:
    return shared_corpus / "xml"


@pytest.fixture(scope="module")
def with_minutes(xml_dir: Path) -> Path:
    return xml_dir / "mgws_GetMeeting_manchester_audit_2026-02-10_with_minutes.xml"


def test_get_meeting_items_use_display_numbers_and_titles(with_minutes):
    doc = load(with_minutes)
    got = [(b.number, b.title, b.issue_id) for b in doc.blocks if b.role == "item"]
    assert got == [("1", "Minutes", "18831"), ("9", "Work Programme", "18833")]


def test_get_meeting_minute_text_follows_each_item(with_minutes):
    items = segment(clean(load(with_minutes)))
    assert "25 November 2025 as a correct record" in items[0].text
    assert "future Work Programme for the remainder of 2025/26" in items[1].text
    assert "<p" not in items[1].text and "&lt;" not in items[1].text


def test_get_meeting_metadata(with_minutes):
    meta = load(with_minutes).meta
    assert meta.date == "2026-02-10"
    assert meta.venue == "Council Antechamber, Level 2, Town Hall Extension"
    assert meta.external_id == "4967"
    assert meta.committee == "Audit Committee"
    assert meta.attendees == ("Councillor Basil Curley",)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("mgws_GetCommittees_manchester_trimmed.xml", "GetCommittees"),
        ("mgws_GetMeetings_manchester_audit_committee_144.xml", "GetMeetings"),
        ("mgws_GetCouncillorsByWard_london-fire.xml", "GetCouncillorsByWard"),
        ("mgws_GetMeeting_manchester_audit_2026-01-13_cancelled_no_minutes.xml", "no published minutes"),
    ],
)
def test_other_responses_are_not_minutes(xml_dir, name, reason):
    with pytest.raises(NotMinutesError, match=reason):
        load(xml_dir / name)


@pytest.mark.parametrize(
    "data, reason",
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><meeting>&b;</meeting>',
            "unsafe XML",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><meeting>&x;</meeting>',
            "unsafe XML",
        ),
        (b"<!DOCTYPE html><html><body><h1>Runtime Error</h1></body></html>", "HTML page"),
        (b'<script>window.location.href="/mgWebService.asmx"</script>', "JavaScript redirect"),
        (b"  \n ", "empty"),
        (b"<meeting><agendaitems>", "malformed XML"),
    ],
    ids=["entity-expansion", "external-entity", "html-error", "js-redirect", "empty", "truncated"],
)
def test_broken_or_hostile_answers_are_source_errors(data, reason):
    with pytest.raises(SourceError, match=reason) as caught:
        load_xml(Path("answer.xml"), data, "id")
    assert not isinstance(caught.value, NotMinutesError)


def test_quirks_whitespace_elements_and_double_encoded_entities():
    data = b"""<?xml version="1.0" encoding="utf-8"?><meeting><meetingid> 12 </meetingid>
    <meetingdate>01/04/2025</meetingdate><meetinglocation>
    </meetinglocation><agendaitems><agendaitem><agendaitemid>7</agendaitemid>
    <agendaitemtitle>Parks &amp;amp; Open Spaces</agendaitemtitle><agendaitemnumber> 5</agendaitemnumber>
    <fulldisplaynumberformat>
    </fulldisplaynumberformat><commentlabel2>Actions</commentlabel2>
    <commenttext2>&amp;lt;p&amp;gt;Officers to report back.&amp;lt;/p&amp;gt;</commenttext2>
    <minutesnonemptyhtmlbody>&lt;p&gt;RESOLVED that the plan be approved.&lt;/p&gt;</minutesnonemptyhtmlbody>
    </agendaitem></agendaitems></meeting>"""
    doc = load_xml(Path("q.xml"), data, "id")
    (item,) = [b for b in doc.blocks if b.role == "item"]
    assert (item.number, item.title) == ("5", "Parks & Open Spaces")
    texts = [b.text for b in doc.blocks]
    assert "RESOLVED that the plan be approved." in texts
    assert "Officers to report back." in texts
    assert doc.meta.venue is None
    assert doc.meta.external_id == "12"
