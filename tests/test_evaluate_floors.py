"""Extraction quality may not regress: each kind stays above the F1 it reached
on the hand-written gold (tests/gold). Raise a floor when the rules improve."""

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate

GOLD = Path(__file__).resolve().parent / "gold"
SHARED = Path(__file__).resolve().parents[2] / "shared"

#: F1 floors, a little under the figures measured when they were last raised.
FLOORS = {
    "items": 0.89,
    "resolutions": 0.88,
    "actions": 0.90,
    "amounts": 0.98,
    "schemes": 0.87,
}


@pytest.fixture(scope="module")
def report():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    return evaluate(GOLD)


def test_every_gold_document_is_found_and_processed(report):
    assert len(report.documents) >= 20
    assert [d.document for d in report.documents if d.error] == []


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_stays_above_its_floor(report, kind):
    score = report.by_kind()[kind]
    assert score.f1 >= FLOORS[kind], f"{kind}: F1 {score.f1:.3f} fell below {FLOORS[kind]} ({score.as_dict()})"
