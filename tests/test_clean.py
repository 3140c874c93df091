"""The clean stage: glued-word repair, odd spaces, bullets, mojibake, spans and offsets."""

from __future__ import annotations

import re

from conftest import seed_path
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean, source_offset
from pipeline.clean.glue_policy import context_of
from pipeline.clean.textrepair import repair_text, to_raw
from pipeline.config import CleanConfig
from pipeline.load import load
from pipeline.records import Block, LoadedDocument
from pipeline.text.words import join_hyphenated

SEED_000 = seed_path("000")
NEVER_SPLIT = [
    "NWCSP", "PCSC", "McDonald", "iPhone", "GETSAFE", "Bromsgrove", "Redditch",
    "Worcestershire", "wellbeing", "anti-social", "£139,250k", "MacLeod", "YouTube", "KPIs",
    "Shellina", "Kasaven", "Streatfeild", "O&S", "A&E", "www.merton.gov.uk", "£1,530.9m",
]


def _doc(*texts: str, joins: tuple[bool, ...] = ()) -> LoadedDocument:
    blocks = tuple(
        Block(t, page=i + 1, joins_previous=(joins[i] if i < len(joins) else False))
        for i, t in enumerate(texts)
    )
    return LoadedDocument(doc_id="x", path="mem", format="text", blocks=blocks)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_seed_000_glued_words_are_split() -> None:
    text = _flat(clean(load(SEED_000)).text)
    for fragment in [
        "At its Planning meeting in February 2024, the NWCSP reviewed and agreed its new priorities",
        "three-year period. The Partnership Plan",
        "ring-fenced amount from the PCC of £139,250k to identify",
        "Public Place Violence & the Serious Violence Duty",
        "Protecting Vulnerable Communities including Hate Crime & Targeted Harassment",
        "robbery (against the individual/household)",
    ]:
        assert fragment in text


def test_seed_000_real_words_survive() -> None:
    text = clean(load(SEED_000)).text
    for word in ["NWCSP", "GETSAFE", "Worcestershire", "£139,250k", "Anti-Social"]:
        assert re.search(rf"(?<![\w£]){re.escape(word)}(?![\w])", text), word


def test_never_split_words_and_names() -> None:
    sentence = " ".join(NEVER_SPLIT)
    assert repair_text(sentence).text == sentence


def test_glue_rules() -> None:
    cases = {
        "of£139": "of £139",
        "2024,the": "2024, the",
        "Violence&": "Violence &",
        "inFebruary": "in February",
        "thePCC": "the PCC",
        "implemented.These": "implemented. These",
        "£643,940": "£643,940",
        "Member(s)": "Member(s)",
    }
    for raw, want in cases.items():
        assert repair_text(raw).text == want, raw


def test_splitting_can_be_turned_off() -> None:
    config = CleanConfig(split_glued_words=False)
    assert (
        repair_text("the NWCSPreviewed andagreed inFebruary", config).text
        == "the NWCSPreviewed andagreed inFebruary"
    )


def test_odd_spaces_and_invisible_marks() -> None:
    assert repair_text("a\u00a0\u00a0b\t\t c\u200bd\u2009e  \u3000f").text == "a b cd e f"
    assert repair_text("  line one  \n\n\n   line two ").text == "line one\nline two"


def test_bullets_become_one_marker_at_line_start() -> None:
    raw = "\uf0b7 first point\no second point\n·            third point\n•fourth\nThe word o stays"
    lines = repair_text(raw).text.split("\n")
    assert lines[:4] == ["• first point", "• second point", "• third point", "• fourth"]
    assert lines[4] == "The word o stays"


def test_mojibake_is_fixed_only_when_enabled() -> None:
    raw = "the Councilâ€™s budget of Â£3m"
    assert repair_text(raw).text == "the Council’s budget of £3m"
    assert repair_text(raw, CleanConfig(fix_mojibake=False)).text == raw


def test_hyphen_repair_keeps_real_compounds() -> None:
    assert join_hyphenated("re", "sponsibility") == "responsibility"
    assert join_hyphenated("Govern", "ment") == "Government"
    assert join_hyphenated("ring", "fenced") == "ring-fenced"
    assert join_hyphenated("anti", "social") == "anti-social"


def test_spans_slice_the_repaired_blocks() -> None:
    doc = _doc(
        "  First\u00a0 block ", "", "second inFebruary", "continued here", joins=(False, False, False, True)
    )
    cleaned = clean(doc)
    assert cleaned.text == "First block\n\nsecond in February continued here"
    assert [cleaned.text[s.start : s.end] for s in cleaned.blocks] == [
        "First block",
        "second in February",
        "continued here",
    ]
    assert cleaned.page_at(cleaned.text.index("February")) == 3
    assert cleaned.page_at(cleaned.text.index("continued")) == 4


def test_offsets_map_back_to_the_raw_block() -> None:
    cleaned = clean(load(SEED_000))
    checked = 0
    for span in cleaned.blocks:
        piece = cleaned.text[span.start : span.end]
        for m in re.finditer(r"[A-Za-z]{2,}", piece):
            raw = to_raw(span.anchors, m.start())
            assert span.block.text[raw : raw + len(m.group())] == m.group()
            checked += 1
    assert checked > 1000
    at = cleaned.text.index("February 2024")
    span, raw = source_offset(cleaned, at)  # type: ignore[misc]
    assert span.block.text[raw : raw + 8] == "February"


_ODD = st.sampled_from(list("\u00a0\u200b\u2009\t\n\r•·\uf0b7oÂ€™£&,.(")) | st.characters()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ODD, max_size=200))
def test_repair_never_raises(text: str) -> None:
    repaired = repair_text(text)
    assert "  " not in repaired.text
    assert repaired.text == repaired.text.strip()


_MARKERS = re.compile(
    "[\\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad\x00-\x1f\x7f-\x9f•·▪■◦●∙‣⁃➢➤►▸◆◇○o\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071]"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ODD, max_size=200))
def test_repair_keeps_every_visible_character(text: str) -> None:
    repaired = repair_text(text, CleanConfig(fix_mojibake=False))
    assert _MARKERS.sub("", repaired.text) == _MARKERS.sub("", text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=_ODD, max_size=60), max_size=6), st.lists(st.booleans(), max_size=6))
def test_every_span_slices_its_block(texts: list[str], joins: list[bool]) -> None:
    doc = _doc(*texts, joins=tuple(joins))
    cleaned = clean(doc)
    context = context_of(texts, CleanConfig().min_part_zipf)  # glue is judged over the whole document
    for span in cleaned.blocks:
        assert cleaned.text[span.start : span.end] == repair_text(span.block.text, context=context).text
        assert span.end > span.start
