"""`minutes search --kind ...`: words as typed (hyphens, apostrophes), FTS5
syntax when written, over agenda items and over the facts."""

from __future__ import annotations

import json

import cli_fixtures as fx
import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.errors import UsageError
from pipeline.reports import search


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-search") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def hits(db_path: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--db", db_path, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def texts(rows: list[dict]) -> set[str]:
    return {r["text"] for r in rows}


def test_hyphenated_words_as_typed_find_actions_and_resolutions(db_path: str) -> None:
    assert texts(hits(db_path, "anti-social behaviour", "--kind", "resolutions")) == {
        "the update on anti-social behaviour be noted"
    }
    # the action sits in the same paragraph but does not say it: only facts that do are found
    assert hits(db_path, "anti-social behaviour", "--kind", "actions") == []
    assert texts(hits(db_path, "covid-19", "--kind", "actions")) == {fx.DASH_ACTION}


def test_apostrophes_as_typed(db_path: str) -> None:
    assert texts(hits(db_path, "children's services", "--kind", "actions")) == {fx.DUE_ACTION}
    found = hits(db_path, "children's services", "--kind", "resolutions")
    assert texts(found) == {"children's services be invited to the September meeting"}
    assert "[children's]" in found[0]["snippet"].lower() or "[children]" in found[0]["snippet"].lower()


def test_amounts_are_found_by_the_words_around_them(db_path: str) -> None:
    # the words within 150 characters either side are indexed with each sum, best match first
    assert next(r["raw"] for r in hits(db_path, "covid-19 recovery", "--kind", "amounts")) == "£25,000"
    assert {r["raw"] for r in hits(db_path, "purpose:housing", "--kind", "amounts")} == {"£40,000"}


def test_fts_syntax_still_works_when_written(db_path: str) -> None:
    assert texts(hits(db_path, '"dispersal order" OR zzzunfindable', "--kind", "actions")) == {fx.LONG_ACTION}
    assert texts(hits(db_path, "dispers*", "--kind", "actions")) == {fx.LONG_ACTION}
    assert texts(hits(db_path, "services NOT september", "--kind", "resolutions")) == set()
    assert texts(hits(db_path, "owner:clerk", "--kind", "actions")) == {fx.DASH_ACTION}


def test_items_stay_the_default_and_take_the_same_words(db_path: str) -> None:
    (item,) = hits(db_path, "anti-social behaviour")
    assert item["item_id"] == "e1-000" and "[anti-social]" in item["snippet"].lower()


def test_words_may_come_unquoted(db_path: str) -> None:
    assert texts(hits(db_path, "children's", "services", "--kind", "actions")) == {fx.DUE_ACTION}


def test_fact_hits_carry_meeting_and_provenance(db_path: str) -> None:
    (hit,) = hits(db_path, "dispersal", "--kind", "actions")
    assert hit["council"] == fx.COUNCIL and hit["date"] == "2024-01-10"
    assert hit["status"] == "done" and hit["themes"] == ["community safety", "anti-social behaviour"]
    assert fx.MINUTES_1[hit["start_char"]:hit["end_char"]] == hit["text"]
    assert hit["document_path"] == "minutes/panel-2024-01-10.txt"


def test_table_shows_an_id_minutes_action_accepts(db_path: str) -> None:
    result = CliRunner().invoke(main, ["search", "dispersal", "--kind", "actions", "--db", db_path])
    assert result.exit_code == 0
    header, _rule, row = result.stdout.splitlines()
    assert header.split()[0] == "id"
    shown = row.split()[0]
    assert fx.action_id(fx.LONG_ACTION).startswith(shown) and len(shown) >= 8
    detail = CliRunner().invoke(main, ["action", shown, "--db", db_path, "--json"])
    assert detail.exit_code == 0, detail.stderr
    assert json.loads(detail.stdout)["action"]["id"] == fx.action_id(fx.LONG_ACTION)


@pytest.mark.parametrize("kind", search.KINDS)
def test_nothing_searchable_is_one_line_exit_2(db_path: str, kind: str) -> None:
    result = CliRunner().invoke(main, ["search", "NOT services", "--kind", kind, "--db", db_path])
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing to search for" in result.stderr
    with pytest.raises(UsageError):
        search.search(store.connect(db_path), "- &", kind=kind)


def test_unknown_kind_is_a_usage_error(db_path: str) -> None:
    result = CliRunner().invoke(main, ["search", "x", "--kind", "schemes", "--db", db_path])
    assert result.exit_code == 2
