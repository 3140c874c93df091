"""Query safety: CLI filters are bound parameters, FTS syntax errors are one
plain line (exit 2), and `minutes serve` cannot write to the store."""

from __future__ import annotations

import json
import subprocess
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from served import served

from bench import crash_test
from pipeline import store
from pipeline.cli import main
from pipeline.run import ingest

INJECTIONS = [
    "x' OR 1=1 --",
    "x' OR '1'='1",
    "'; DROP TABLE documents; --",
    "%' UNION SELECT id, text, text, text FROM documents --",
    "\" OR \"\"=\"",
    "x%",  # a LIKE wildcard is just text... or matches like one; never an error
    "]; DELETE FROM actions; --",
]
FTS_ERRORS = ['"unbalanced', "NEAR(", "AND", "title:", "(((", "OR OR"]
LIST_COMMANDS = ["actions", "resolutions", "amounts", "schemes"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("query") / "store.db"
    db = store.connect(path)
    ingest([ROOT / "corpus"], db=db, workers=1)
    db.conn.close()
    return path


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def minutes(*args: str) -> Done:
    """The CLI in this process (no interpreter start-up per call); an
    exception escaping the command shows up as a traceback in stderr."""
    result = CliRunner().invoke(main, list(args))
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback: " + "".join(traceback.format_exception(result.exception))
    return Done(result.exit_code, result.stdout, stderr)


def _all_rows(db_path: Path):
    return crash_test.contents(db_path)


def _json_rows(done: subprocess.CompletedProcess[str]) -> list[object]:
    data = json.loads(done.stdout)
    return data if isinstance(data, list) else data.get("rows", data.get("results", []))


def _key(row: object) -> str:
    """A row's id (aggregates such as schemes' totals change with a filter)."""
    return str(row.get("id")) if isinstance(row, dict) and "id" in row else json.dumps(row, sort_keys=True)


def _options(command: str) -> set[str]:
    return set(minutes(command, "--help").stdout.split())


def test_injection_strings_in_filters_match_nothing_and_change_nothing(db_path):
    before = _all_rows(db_path)
    tried = 0
    for command in LIST_COMMANDS:
        options = _options(command)
        # control: the unfiltered list has rows, so "nothing" below means something
        everything = minutes(command, "--db", str(db_path), "--json")
        assert everything.returncode == 0, everything.stderr
        all_rows = {_key(r) for r in _json_rows(everything)}
        assert all_rows or command == "schemes", command
        for option in ("--council", "--committee", "--theme", "--search"):
            if option not in options:
                continue
            for value in INJECTIONS:
                done = minutes(command, option, value, "--db", str(db_path), "--json")
                tried += 1
                assert "Traceback" not in done.stderr, (command, option, value, done.stderr)
                if done.returncode == 2:  # refused (an FTS expression it cannot parse): one plain line
                    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
                    continue
                assert done.returncode == 0, (command, option, value, done.stderr)
                rows = _json_rows(done)
                if (
                    option == "--search"
                ):  # an FTS expression: it may match words ("OR"), never more than all rows
                    assert {_key(r) for r in rows} <= all_rows, (command, value)
                elif value != "x%":
                    assert rows == [], (command, option, value, rows[:2])
    assert tried >= 20
    assert _all_rows(db_path) == before


def test_search_text_is_a_parameter_too(db_path):
    before = _all_rows(db_path)
    for value in INJECTIONS + ["'", "\\", "\x00"]:
        done = minutes("search", value, "--db", str(db_path), "--json")
        assert "Traceback" not in done.stderr
        assert done.returncode in (0, 2), done.stderr
    assert _all_rows(db_path) == before


@pytest.mark.parametrize("expression", FTS_ERRORS)
def test_fts_syntax_errors_are_one_plain_line_exit_2(db_path, expression):
    for argv in (["search", expression], ["actions", "--search", expression]):
        done = minutes(*argv, "--db", str(db_path))
        if done.returncode == 0:  # FTS5 accepted it (e.g. treated as a word): fine, nothing to report
            continue
        assert done.returncode == 2, (argv, done.returncode, done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, (argv, done.stderr)
        assert "Traceback" not in done.stderr and "sqlite3" not in done.stderr
        assert "search" in lines[0].lower() or "expression" in lines[0].lower()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def _post(url: str, body: dict[str, object]) -> int:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_cannot_write_to_the_store(db_path):
    pytest.importorskip("datasette")
    before = _all_rows(db_path)
    with served(db_path) as base:
        name = db_path.stem
        writes = [
            "delete from actions",
            "insert into problems (path, stage, message) values ('x', 'y', 'z')",
            "update documents set text = ''",
            "drop table meetings",
            "pragma query_only = 0",
            "attach database 'evil.db' as evil",
            "select 1; delete from actions",
        ]
        for sql in writes:
            status, body = _get(f"{base}/{name}.json?" + urllib.parse.urlencode({"sql": sql}))
            assert status >= 400 or '"ok": false' in body.replace('"ok":false', '"ok": false'), (
                sql,
                status,
                body[:200],
            )
        # Datasette's JSON write API, without credentials
        assert _post(f"{base}/{name}/problems/-/insert", {"row": {"path": "x"}}) >= 400
        assert _post(f"{base}/{name}/actions/-/drop", {"confirm": True}) >= 400
        # and a read still works
        status, body = _get(
            f"{base}/{name}.json?" + urllib.parse.urlencode({"sql": "select count(*) from documents"})
        )
        assert status == 200, body[:300]
    assert _all_rows(db_path) == before
