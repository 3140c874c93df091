"""Start-up: commands that only read the store import none of the heavy
machinery (spaCy, dateparser, the PDF stack, word lists, the HTTP client), and reading due dates never
imports dateparser. Checked through ``sys.modules`` in a fresh interpreter,
not by timing (timings live in the benchmark, ``python -m bench``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, seed_path

from extractors.dates import resolve_due

#: The extraction and PDF stacks, the word-frequency lists the cleaners and the
#: linker load (~0.1 s) and the fetch client: a command that only reads the store needs none.
HEAVY = ("spacy", "dateparser", "pypdfium2", "pdfplumber", "pdfminer", "wordfreq", "httpx")

#: Runs one CLI command in this interpreter, then prints the heavy modules it loaded.
RUNNER = """
import json, sys
from pipeline.cli import main
try:
    main(args=sys.argv[1:], prog_name="minutes")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.__stderr__)
"""

READ_COMMANDS = (
    ["stats"],
    ["stats", "--json"],
    ["flag"],
    ["flag", "--json"],
    ["actions"],
    ["resolutions", "--format", "csv"],
    ["amounts"],
    ["schemes"],
    ["search", "council"],
    ["consistency"],
)


def run_cli(args: list[str], cwd: Path) -> dict[str, object]:
    code = RUNNER.format(heavy=set(HEAVY))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    last = out.stderr.strip().splitlines()[-1]
    return json.loads(last)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one ingested seed, so the read commands have rows to show."""
    from pipeline import store
    from pipeline.run import ingest

    path = tmp_path_factory.mktemp("startup") / "minutes.db"
    summary = ingest([seed_path("000")], db=store.connect(path), workers=1)
    assert summary.new == 1
    return path


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: " ".join(a))
def test_a_read_command_imports_no_heavy_module(store_path: Path, args: list[str]) -> None:
    result = run_cli([*args, "--db", str(store_path)], ROOT)
    assert result["code"] in (0, 3), result  # 3: flag found something
    assert result["heavy"] == []


def test_the_check_sees_a_heavy_import_when_there_is_one(tmp_path: Path) -> None:
    """The same runner on `ingest` does report spaCy: the check can fail."""
    text = tmp_path / "minutes.txt"
    text.write_text(seed_path("000").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(["ingest", str(text), "--db", str(tmp_path / "m.db"), "--workers", "1", "-q"], ROOT)
    assert result["code"] == 0
    assert "spacy" in result["heavy"]


def test_ingest_reads_due_dates_without_dateparser(tmp_path: Path) -> None:
    text = tmp_path / "minutes.txt"
    text.write_text(
        "MINUTES of a meeting of the Parks Committee held on 3 March 2025\n\n"
        "1. Play areas\n\nIt was agreed that the Clerk would obtain three quotes "
        "for the swings by 31 May 2025.\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    result = run_cli(["ingest", str(text), "--db", str(db), "--workers", "1", "-q"], ROOT)
    assert result["code"] == 0
    assert "dateparser" not in result["heavy"]
    import sqlite3

    rows = sqlite3.connect(db).execute("select due_date from actions").fetchall()
    assert ("2025-05-31",) in rows  # the due date was read, by the project's own reader


@pytest.mark.parametrize(
    "due, iso",
    [
        ("by 1st of April, 2025", "2025-04-01"),
        ("by March 3rd, 2025", "2025-03-03"),
        ("no later than 03.04.25", "2025-04-03"),
        ("by 31 February 2025", None),  # no such day
        ("by 16/14/2025", None),  # no fourteenth month: not read month-first
        ("by Friday 12 Sept. 2025", "2025-09-12"),
    ],
)
def test_due_dates_in_uk_forms(due: str, iso: str | None) -> None:
    assert resolve_due(due) == iso
