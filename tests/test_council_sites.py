"""The council-site gazetteer and the host forms that reach it.

When minutes do not name their council, the loader reads it from a web or
e-mail host the page prints or from the page's source URL. The gazetteer is
scored on councils nobody has seen, so it is checked as data (one label per
council host, no generic labels, names that are councils' names), host forms
are checked on invented addresses, and every principal council's address in
../shared's SOURCES files must resolve to the council they record.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from conftest import need_shared

from pipeline.load.council import SITES_FILE, council_for_host, hosts_in, site_council
from pipeline.load.meta import meta_from_text
from pipeline.reports.evaluate.meeting import same_council

#: Labels that name a platform, a service or a kind of body, never one council.
GENERIC_LABELS = {
    "www", "democracy", "moderngov", "modgov", "moderngovwebpublic", "council", "councils", "gov", "uk",
    "co", "org", "com", "net", "wales", "scot", "cymru", "llyw", "committees", "committee", "cmis",
    "minutes", "minutes3", "meetings", "democratic", "governance", "edemocracy", "egenda", "apps",
    "mail", "mycouncil", "councillors", "services", "decisions", "parish", "town", "city", "county",
    "borough", "district", "public-i", "intranet", "online",
}
#: A council's (or authority's) formal name as its own minutes print it.
COUNCIL_NAME = re.compile(
    r"^[A-Z][A-Za-z'&,. -]+(?:Council|Authority|Corporation|Assembly)$"
    r"|^(?:London Borough|Royal Borough|City and County|Borough|Borough Council) of [A-Z][A-Za-z' &-]+$"
    r"|^Council of the [A-Z][A-Za-z ]+$"
    r"|^Comhairle nan Eilean Siar$"
    r"|^Local Government Association$"
)


def _rows() -> list[dict[str, str]]:
    with SITES_FILE.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_gazetteer_has_one_row_per_label_sorted():
    labels = [row["site"] for row in _rows()]
    assert len(labels) > 400
    assert len(set(labels)) == len(labels), [x for x in labels if labels.count(x) > 1]
    assert labels == sorted(labels)


def test_labels_are_single_specific_host_labels():
    for row in _rows():
        label = row["site"]
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z0-9]", label), label
        assert label not in GENERIC_LABELS, label


def test_every_name_looks_like_a_councils_name():
    for row in _rows():
        name = row["council"]
        assert name == name.strip() and "  " not in name, name
        assert COUNCIL_NAME.match(name), f"{row['site']}: {name!r}"


@pytest.mark.parametrize(
    ("address", "council"),
    [
        ("https://democracy.hants.gov.uk/ieListDocuments.aspx?CId=1&MId=2", "Hampshire County Council"),
        ("https://moderngov.royalgreenwich.gov.uk/mgAi.aspx?ID=5", "Royal Borough of Greenwich"),
        ("https://n-somerset.moderngov.co.uk/ieIssueDetails.aspx?IId=3", "North Somerset Council"),
        ("http://committees.surreycc.gov.uk/mgCommitteeDetails.aspx?ID=4", "Surrey County Council"),
        ("https://democracy.carmarthenshire.gov.wales/mgAi.aspx", "Carmarthenshire County Council"),
        ("https://committees.highland.gov.scot/meeting/1", "The Highland Council"),
        ("https://rctcbc.moderngov.co.uk/mgAi.aspx", "Rhondda Cynon Taf County Borough Council"),
        ("https://kingston.cmis.uk.com/kingston/Meetings.aspx", "Royal Borough of Kingston upon Thames"),
        ("gwynedd.llyw.cymru", "Gwynedd Council"),
        ("a.clerk@surreycc.gov.uk", "Surrey County Council"),
        ("mailto:democratic.services@lisburncastlereagh.gov.uk", "Lisburn & Castlereagh City Council"),
        ("committee.services@derrystrabane.com", "Derry City and Strabane District Council"),
        ("democracy.kent.gov.uk/ieListDocuments.aspx?MId=1", "Kent County Council"),
        ("https://democracy.northyorks.gov.uk:443/x", "North Yorkshire Council"),
        ("WWW.LBHF.GOV.UK", "London Borough of Hammersmith & Fulham"),
        ("https://democracy.greatermanchester-ca.gov.uk/x", "Greater Manchester Combined Authority"),
        ("https://democracy.peakdistrict.gov.uk/x", "Peak District National Park Authority"),
        ("https://democracy.buckscc.gov.uk/x", "Buckinghamshire County Council"),
        ("https://democracy.cne-siar.gov.uk/x", "Comhairle nan Eilean Siar"),
    ],
)
def test_invented_addresses_of_each_form_resolve(address: str, council: str):
    assert council_for_host(address) == council


@pytest.mark.parametrize(
    "address",
    [
        "https://www.kent.ac.uk/study",  # a university in the county
        "press.office@kent.police.uk",
        "https://www.kent.fire-uk.org/",
        "https://www.leeds.nhs.uk/",
        "https://www.boston.gov/departments",  # another country's Boston
        "https://glentham.parish.lincolnshire.gov.uk/council-business",  # a parish under its county's domain
        "https://democracy.example.gov.uk/x",
        "https://moderngov.co.uk/",
        "",
    ],
)
def test_hosts_of_other_bodies_name_no_council(address: str):
    assert council_for_host(address) is None


def test_a_bare_council_host_in_text_is_read():
    text = "Printed minutes\nWebsite: democracy.eastriding.gov.uk  Tel 01482 000000\n"
    assert "democracy.eastriding.gov.uk" in hosts_in(text)
    assert site_council(text) == "East Riding of Yorkshire Council"
    assert hosts_in("see the annual report.pdf and item 4.gov") == []


def test_the_host_printed_most_often_is_the_pages_own():
    text = (
        "Members noted the London Plan (www.london.gov.uk/plan).\n"
        "Contact: A Smith, a.smith@rbkc.gov.uk\nwww.rbkc.gov.uk/committees\n"
    )
    assert site_council(text) == "Royal Borough of Kensington and Chelsea"
    assert site_council("www.bolton.gov.uk and www.bury.gov.uk") == "Bolton Council"
    assert site_council(text, "https://democracy.wigan.gov.uk/ieListDocuments.aspx") == "Wigan Council"


def test_meta_takes_the_council_from_a_printed_host():
    text = (
        "Agenda and minutes\n\nAudit Committee - Tuesday, 4th June, 2024 2.00 pm\n\n"
        "Contact: Democratic Services, committee.admin@dumgal.gov.uk\n"
    )
    assert meta_from_text(text).council == "Dumfries and Galloway Council"


# --- the real addresses in ../shared ---------------------------------------------------------

_URL = re.compile(r"https?://[^\s\])]+")
_NOT_PRINCIPAL = re.compile(
    r"\b(?:Parish|Town|Community) Council\b|Integration Joint Board|Fire|Police|Association|Panel",
    re.IGNORECASE,
)
#: Hosts under which a council publishes itself; a page there must resolve.
_COUNCIL_SUFFIXES = (".gov.uk", ".gov.wales", ".gov.scot", ".llyw.cymru", ".moderngov.co.uk", ".cmis.uk.com")


def principal_addresses(sources: Path) -> list[tuple[str, str]]:
    """(URL, council) for every URL a SOURCES.tsv gives for a principal council's document."""
    out = []
    with sources.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            council = re.sub(r"\s*\([^)]*\)", "", row["council"]).strip()
            if not council or _NOT_PRINCIPAL.search(council):
                continue
            out += [(url, council) for url in _URL.findall(row["source"])]
    return out


@pytest.mark.parametrize("where", ["dev2", "corpus"])
def test_real_principal_council_addresses_resolve_to_their_council(where: str):
    addresses = principal_addresses(need_shared(where, "SOURCES.tsv"))
    assert addresses
    wrong, unresolved = [], []
    for url, council in addresses:
        found = council_for_host(url)
        host = re.sub(r"^https?://", "", url).split("/")[0].lower()
        if found is None and host.endswith(_COUNCIL_SUFFIXES):
            unresolved.append(url)
        elif found is not None and not same_council(council, found):
            wrong.append((url, council, found))
    assert not wrong
    assert not unresolved

