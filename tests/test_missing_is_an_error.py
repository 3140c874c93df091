"""Missing things are named errors: a document the store does not hold is a
DocumentNotFound (so a KeyError from a bug is reported as the bug it is), and an
extractor module or factory that is missing stops extraction instead of
leaving a kind of fact silently empty."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from spacy.language import Language

import pipeline.extract as extract_mod
import pipeline.extract.nlp as nlp_mod
import pipeline.run.reextract as rx
from pipeline import store
from pipeline.config import default_config
from pipeline.errors import DocumentNotFound, ExtractError
from pipeline.run import ingest
from pipeline.run.process import Failure, process_file
from pipeline.run.reextract import rebuild, reextract

MINUTES = """Planning Committee
Minutes of the meeting held on 9 January 2025

1. Street lighting
RESOLVED that the Committee approves £12,000 for new street lights. The Clerk agreed to order them.
"""


@pytest.fixture
def stored(tmp_path: Path) -> tuple[sqlite_utils.Database, str]:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    db = store.connect(tmp_path / "m.db")
    assert ingest([path], db=db, workers=1).new == 1
    (doc_id,) = db.execute("select id from documents").fetchone()
    return db, doc_id


def test_document_not_found_is_not_a_key_error() -> None:
    assert not issubclass(DocumentNotFound, KeyError)


def test_rebuild_and_replace_name_a_missing_document(stored, tmp_path: Path) -> None:
    db, _ = stored
    with pytest.raises(DocumentNotFound, match="nope"):
        rebuild(db, "nope")
    path = tmp_path / "other.txt"
    path.write_text(MINUTES.replace("12,000", "13,000"), encoding="utf-8")
    processed = process_file(str(path))
    assert not isinstance(processed, Failure), processed
    with pytest.raises(DocumentNotFound, match=processed.clean.source.doc_id):
        store.replace_facts(db, processed)  # never stored


def test_reextract_reports_an_unknown_id_as_not_in_the_store(stored) -> None:
    db, _ = stored
    summary = reextract(db, config=default_config(), doc_ids=["0000nope"])
    assert summary.failures == [("0000nope", "no such document in the store")]


def test_a_key_error_in_an_extractor_is_reported_as_the_bug(stored, monkeypatch: pytest.MonkeyPatch) -> None:
    db, doc_id = stored

    def extractor_with_a_bug(*_args: object, **_kwargs: object) -> None:
        return {}["resolution_cue"]  # a bug in a rule: the kind a missing-document catch used to hide

    monkeypatch.setattr(rx, "extract", extractor_with_a_bug)
    summary = reextract(db, config=default_config(), doc_ids=[doc_id])
    assert summary.failures == [(doc_id, "KeyError: 'resolution_cue'")]


def test_a_missing_extractor_module_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(
        extract_mod, "EXTRACTORS", (*extract_mod.EXTRACTORS, ("no_such_kind", "facts", "x", "x"))
    )
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = process_file(str(path))
    assert isinstance(result, Failure) and result.stage == "extract"
    assert "extractors/no_such_kind.py is missing" in result.message


def test_a_missing_extractor_function_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(extract_mod, "EXTRACTORS", (("money", "no_such_function", "amount", "amounts"),))
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    result = process_file(str(path))
    assert isinstance(result, Failure) and "no function no_such_function()" in result.message


def test_a_missing_component_module_or_factory_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    config = default_config()
    monkeypatch.setattr(nlp_mod, "COMPONENTS", (("minutes_nothing", "no_such_kind"),))
    with pytest.raises(ExtractError, match="extractors/no_such_kind.py is missing"):
        nlp_mod.build_nlp(config)
    monkeypatch.setattr(nlp_mod, "COMPONENTS", (("minutes_nothing", "money"),))
    assert "minutes_nothing" not in Language.factories
    with pytest.raises(ExtractError, match="registers no spaCy factory 'minutes_nothing'"):
        nlp_mod.build_nlp(config)
