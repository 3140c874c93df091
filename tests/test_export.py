"""`minutes export`: every table to one JSON or CSV file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import query_fixtures as fx
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("export") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def export(db_path: str, fmt: str, out: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--db", db_path])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_json_has_every_table_and_document_text(db_path: str, tmp_path: Path) -> None:
    export(db_path, "json", tmp_path)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(store.TABLES)
    docs = json.loads((tmp_path / "documents.json").read_text(encoding="utf-8"))
    assert {d["path"] for d in docs} == {"corpus/000_7ee41a706ab96347.txt", "corpus/001_af92f7622ef826f5.txt"}
    seed = next(d for d in docs if d["id"] == "d0")
    assert seed["text"] == fx.SEED0.read_text(encoding="utf-8")
    actions = json.loads((tmp_path / "actions.json").read_text(encoding="utf-8"))
    assert len(actions) == 2
    for a in actions:
        assert seed["text"][a["start_char"]:a["end_char"]] == a["text"]
    assert json.loads((tmp_path / "problems.json").read_text(encoding="utf-8")) == []


def test_csv_round_trips_rows(db_path: str, tmp_path: Path) -> None:
    export(db_path, "csv", tmp_path)
    with (tmp_path / "amounts.csv").open(encoding="utf-8", newline="") as fh:
        amounts = list(csv.DictReader(fh))
    assert sorted(a["raw"] for a in amounts) == ["£130k", "£195,000", "£50k"]
    assert "value_gbp" in amounts[0] and "start_char" in amounts[0]
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as fh:
        docs = list(csv.DictReader(fh))
    assert next(d for d in docs if d["id"] == "d1")["text"] == fx.SEED1.read_text(encoding="utf-8")
    header = (tmp_path / "problems.csv").read_text(encoding="utf-8").strip()
    assert header.split(",")[:2] == ["id", "path"]


def test_unknown_format_is_a_usage_error(db_path: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xml", "--out", str(tmp_path), "--db", db_path])
    assert result.exit_code == 2
