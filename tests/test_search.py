"""`minutes search`: FTS5 over agenda items with snippets and item references."""

from __future__ import annotations

import json

import pytest
import query_fixtures as fx
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.errors import UsageError
from pipeline.reports import query


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("search") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def search(db_path: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--db", db_path, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_hit_has_snippet_and_item_reference(db_path: str) -> None:
    (hit,) = search(db_path, "shoplifting")
    assert "[shoplifting]" in hit["snippet"].lower()
    assert hit["council"] == "Bromsgrove District Council"
    assert hit["committee"] == "Overview and Scrutiny Board"
    assert hit["date"] == "2024-07-15"
    assert hit["item_title"].startswith("North Worcestershire Community Safety Partnership")
    assert hit["document_path"] == "corpus/000_7ee41a706ab96347.txt"
    assert hit["item_id"] == "d0-000"


def test_porter_stemming_and_phrases(db_path: str) -> None:
    assert {h["item_id"] for h in search(db_path, "partnerships")} == {"d0-000", "d1-000"}
    assert [h["item_id"] for h in search(db_path, '"capital fund"')] == ["d1-000"]
    assert search(db_path, "zzzunfindable") == []


def test_limit(db_path: str) -> None:
    assert len(search(db_path, "partnership", "--limit", "1")) == 1


def test_table_output_names_the_item(db_path: str) -> None:
    result = CliRunner().invoke(main, ["search", "CCTV", "--db", db_path])
    assert result.exit_code == 0
    assert "Redditch" in result.stdout and "001_af92f7622ef826f5.txt" in result.stdout


@pytest.mark.parametrize("expression", ["(", "", "NOT partnership", "-"])
def test_nothing_to_search_for_is_a_usage_error(db_path: str, expression: str) -> None:
    result = CliRunner().invoke(main, ["search", expression, "--db", db_path])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    with pytest.raises(UsageError):
        query.search(store.connect(db_path), expression)
