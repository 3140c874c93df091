"""Fuzzing the per-document stages with hypothesis (a modest number of inputs;
`python -m bench.fuzz --examples 10000` is the long run).

Only the project's declared errors may escape, and every offset stored lies
inside the cleaned text and slices it to exactly the stored text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import fuzz
from pipeline.clean.textrepair import repair_text, to_raw
from pipeline.config import CleanConfig
from pipeline.records import Block

EXAMPLES = 80


@pytest.mark.parametrize("prop", fuzz.properties(EXAMPLES), ids=lambda p: p.__name__)
def test_stages_keep_offsets_exact_and_raise_only_declared_errors(prop):
    before = fuzz.TALLY.runs
    prop()
    assert fuzz.TALLY.runs - before >= EXAMPLES // 2  # the property really ran


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(fuzz.minutes_text(max_fragments=60), st.booleans(), st.booleans())
def test_text_repair_anchors_stay_inside_both_texts(raw, mojibake, split):
    config = CleanConfig(fix_mojibake=mojibake, split_glued_words=split)
    repaired = repair_text(raw, config)
    last = (0, 0)
    for out_pos, src_pos in repaired.anchors:
        assert 0 <= out_pos <= len(repaired.text) and 0 <= src_pos <= len(raw)
        assert out_pos >= last[0] and src_pos >= last[1], "anchors go backwards"
        last = (out_pos, src_pos)
    for offset in range(0, len(repaired.text) + 1, max(1, len(repaired.text) // 16)):
        assert 0 <= to_raw(repaired.anchors, offset) <= len(raw)


def test_checks_catch_a_fact_that_does_not_slice_the_text():
    """Control: the invariant checks are not vacuous."""
    from dataclasses import replace

    from pipeline.clean import clean
    from pipeline.config import cached_config
    from pipeline.extract import extract
    from pipeline.segment import segment

    doc = clean(
        fuzz.loaded((Block("1. Budget\n\nRESOLVED that £1,000k be approved for the Highways Fund."),))
    )
    items = segment(doc)
    extraction = extract(doc, items, config=cached_config())
    assert fuzz.check_extraction(doc, items, extraction) > 0
    amount = extraction.amounts[0]
    shifted = replace(amount, fact=replace(amount.fact, start_char=amount.fact.start_char + 1))
    with pytest.raises(AssertionError):
        fuzz.check_extraction(doc, items, replace(extraction, amounts=(shifted,)))
