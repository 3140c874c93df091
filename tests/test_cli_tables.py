"""CLI tables and plumbing: an id column `minutes action` accepts, whole
cells when stdout is not a terminal, `minutes problems`, and `minutes serve`
on a busy port."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import cli_fixtures as fx
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.cli.commands import tabulate


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-tables") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["actions", "resolutions", "amounts"])
def test_listing_tables_lead_with_a_short_id(db_path: str, command: str) -> None:
    code, out, _ = run(command, "--db", db_path)
    assert code == 0
    header, _rule, *rows = out.splitlines()
    assert header.split()[0] == "id"
    full = {r["id"] for r in json.loads(run(command, "--db", db_path, "--json")[1])}
    shown = [row.split()[0] for row in rows]
    assert len(shown) == len(full)
    assert all(len(s) >= 8 and sum(f.startswith(s) for f in full) == 1 for s in shown)


def test_the_shown_id_is_what_minutes_action_takes(db_path: str) -> None:
    _, out, _ = run("actions", "--db", db_path)
    for row in out.splitlines()[2:]:
        code, detail, err = run("action", row.split()[0], "--db", db_path, "--json")
        assert code == 0, err
        assert json.loads(detail)["action"]["id"].startswith(row.split()[0])


def test_short_ids_grow_until_unique() -> None:
    every = ["abcdef0123456789", "abcdef0123999999", "ffff000011112222"]
    assert tabulate.short_ids(every, every) == {i: i[:11] for i in every}
    assert tabulate.short_ids(every, ["ffff000011112222"]) == {"ffff000011112222": "ffff0000"}


def test_piped_output_keeps_every_word(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # would cut, were stdout a terminal
    code, out, _ = run("actions", "--db", db_path)
    assert code == 0 and "…" not in out
    assert fx.LONG_ACTION in out
    assert max(len(line) for line in out.splitlines()) > 60


def test_a_terminal_gets_a_table_that_fits(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(tabulate, "stdout_is_terminal", lambda: True)
    code, out, _ = run("actions", "--db", db_path)
    assert code == 0 and "…" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(len(line.split()[0]) >= 8 and "…" not in line.split()[0] for line in out.splitlines()[2:])


def test_problems_lists_what_failed_and_why(db_path: str) -> None:
    code, out, _ = run("problems", "--db", db_path, "--json")
    assert code == 0
    rows = json.loads(out)
    # the empty file was stored after it failed: no longer a problem; the PDF failed twice, shown once
    assert [(r["path"], r["stage"], r["message"], r["failures"]) for r in rows] == [
        ("incoming/locked.pdf", "load", "encrypted PDF: cannot read the text", 2),
        ("incoming/agenda-only.html", "load", "not minutes: an agenda with no minutes", 1),
    ]
    code, out, _ = run("problems", "--all", "--db", db_path, "--json")
    assert len(json.loads(out)) == 4


def test_problems_table_names_file_and_reason(db_path: str) -> None:
    code, out, _ = run("problems", "--db", db_path)
    assert code == 0
    assert "incoming/locked.pdf" in out and "encrypted PDF: cannot read the text" in out


def test_no_problems_is_said_on_stderr(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    from pipeline import store

    store.connect(db).conn.close()
    code, out, err = run("problems", "--db", db)
    assert code == 0 and out == "" and "no problems" in err


def test_serve_on_a_busy_port_is_one_line_and_exit_2(db_path: str) -> None:
    pytest.importorskip("datasette")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run("serve", "--db", db_path, "--port", str(port))
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "in use" in lines[0]
