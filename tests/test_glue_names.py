"""Glued-word repair splits only what is really glued.

Names and compounds printed in real minutes (../shared/corpus and dev2: Kent,
Bristol, Ayton, Govan, Grindon, Norfolk parishes, WECA, Scottish Borders ...)
must come out as printed, even inside a document that is glued all through
(seed 000, text copied from a web page); the glued words of the seeds and the
corpora must still be split.
"""

from __future__ import annotations

import re

import pytest
from conftest import seed_path

from pipeline.clean import clean
from pipeline.clean.glue_policy import context_of
from pipeline.clean.textrepair import repair_text
from pipeline.load import load
from pipeline.records import Block, LoadedDocument

#: Real names and compounds from the corpora that wordfreq does not know and
#: that split into two common words. Each must stay whole.
REAL_WORDS = [
    # surnames and given names
    "Stepto", "Campkin", "Stanish", "Kempshall", "Barnfather", "Hawkyard", "Underhay", "Onebanjo",
    "Satyen", "Linkim", "Elfan", "Maslows", "Heygates", "Fallart", "Shearlaw",
    # places, streets and estates
    "Martinslow", "Peelwalls", "Hotwells", "Elderpark", "Glazewing", "Severnside",
    "Welltower", "Horsefair", "Millmead", "Bendish", "Southdean", "Bumpstead", "Grassmere",
    "Crossloan", "Freebridge", "Patchway", "stringside", "wereham",
    # organisations, schemes and brands
    "Pubwatch", "Railfuture", "Gainshare", "Barhale", "Quietway", "Horsemat", "AskBristol",
    "ModernGov", "UKFrance",
    # compounds and terms of art
    "lengthsman", "micromobility", "overprogramming", "soakaway", "undernoted",
    "streetspace", "ringfence", "workstreams", "timebound", "surfaceway", "centrelines",
    "dipwells", "backcourts", "monoslabs", "Wayleave", "baselining", "wetpour",
    "quorate", "taxbase", "fatherinclusive", "heling",
]

#: Glued words of the seeds and the corpora, and how they must read.
GLUED = {
    "Planningmeeting": "Planning meeting",
    "inFebruary": "in February",
    "NWCSPreviewed": "NWCSP reviewed",
    "andagreed": "and agreed",
    "amountfrom": "amount from",
    "thePCC": "the PCC",
    "of£139,250k": "of £139,250k",
    "ProtectingVulnerable": "Protecting Vulnerable",
    "Communitiesincluding": "Communities including",
    "HateCrime": "Hate Crime",
    "Shopliftingand": "Shoplifting and",
    "toidentify": "to identify",
    "teamwould": "team would",
    "Policefor": "Police for",
    "Forceboundary": "Force boundary",
    "thiswould": "this would",
    "forCumberland": "for Cumberland",
    "BCCdonation": "BCC donation",
    "donationBCC": "donation BCC",
    "followsAGM": "follows AGM",
    "onStoke": "on Stoke",
}


def _document(*paragraphs: str) -> LoadedDocument:
    return LoadedDocument(doc_id="x", path="mem", format="text", blocks=tuple(Block(p) for p in paragraphs))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def test_the_list_holds_fifty_real_words() -> None:
    assert len(set(REAL_WORDS)) >= 50


def test_real_words_survive_in_a_plain_document() -> None:
    text = clean(_document("Present: " + ", ".join(REAL_WORDS) + ".")).text
    assert not (set(REAL_WORDS) - _words(text))


def test_real_words_survive_in_a_glued_document() -> None:
    """Seed 000 is glued all through; names added to it still stand, and its glue is still split."""
    seed = load(seed_path("000"))
    doc = _document(*(b.text for b in seed.blocks), "Also present: " + ", ".join(REAL_WORDS) + ".")
    assert context_of((b.text for b in doc.blocks), 3.0).glued
    text = clean(doc).text
    assert not (set(REAL_WORDS) - _words(text))
    flat = re.sub(r"\s+", " ", text)
    for fragment in [
        "Planning meeting in February",
        "NWCSP reviewed and agreed",
        "amount from the PCC of £139,250k",
    ]:
        assert fragment in flat


#: An invented paragraph glued as text copied out of a web page is.
GLUED_LEAD = "It was agreed inFebruary that thePCC wouldreport andnoted the issues."


@pytest.mark.parametrize(("glued", "want"), sorted(GLUED.items()))
def test_glued_words_split_in_a_glued_document(glued: str, want: str) -> None:
    doc = _document(GLUED_LEAD, f"Invented line: {glued} here.")
    assert f"Invented line: {want} here." in clean(doc).text


def test_strong_glue_splits_in_any_document() -> None:
    """A lower-case word glued to a capital or an acronym, or a function word to a
    word, is glue wherever it stands."""
    for glued in ["inFebruary", "thePCC", "forCumberland", "thiswould", "andagreed", "BCCdonation"]:
        assert repair_text(f"The Panel noted {glued} today.").text == f"The Panel noted {GLUED[glued]} today."


def test_weak_glue_waits_for_a_glued_document() -> None:
    """Two content words glued, or a capitalised word, split only where the document shows glue."""
    plain = "The Castlegreen scheme was discussed and the Chair thanked officers."
    assert repair_text(plain).text == plain
    glued = f"{GLUED_LEAD} The Castlegreen scheme was noted."
    assert "Castle green" in repair_text(glued).text


def test_a_form_seen_elsewhere_stays_whole() -> None:
    """In a glued document a run that recurs, or is also written with a hyphen, is a name."""
    lead = GLUED_LEAD
    twice = repair_text(f"{lead} Castlegreen was noted. Castlegreen residents spoke.").text
    assert twice.count("Castlegreen") == 2
    hyphen = repair_text(f"{lead} Castle-Green was noted. The CastleGreen residents spoke.").text
    assert "CastleGreen" in hyphen
    # a strong cut is made however often the glue recurs ("thePCC" three times in seed 000)
    assert repair_text("thePCC and thePCC").text == "the PCC and the PCC"


def test_kent_style_repeated_name_is_kept() -> None:
    """A surname that happens to be "Step" + "to", printed many times in one document."""
    text = " ".join(f"Mr Stepto spoke on item {n}." for n in range(1, 6))
    assert repair_text(text).text == text


def test_lists_of_labels_keep_their_commas() -> None:
    assert repair_text("options A,B,C were considered").text == "options A,B,C were considered"
    assert repair_text("Councillor Lloyd,Councillor Day").text == "Councillor Lloyd, Councillor Day"
