"""One mapping from the project's errors to exit codes, applied by the group:
every failure is one line on stderr (one per bad config key) and exit 2 for a
usage or config error, 1 for an input or the store; never a traceback."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.cli.exits import error_lines, exit_code
from pipeline.errors import (
    ConfigError,
    DocumentNotFound,
    ExtractError,
    MinutesError,
    NotFound,
    NotMinutesError,
    SourceError,
    StoreError,
    UsageError,
)
from pipeline.link.overrides import UnknownAction

CLI = Path(__file__).resolve().parent.parent / "pipeline" / "cli"
CLICK_ERRORS = {"click.UsageError", "click.ClickException", "click.BadParameter"}


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigError("config.yaml: link.cutof: unknown"), 2),
        (UsageError("give --council"), 2),
        (NotFound("no such thing"), 2),
        (DocumentNotFound("no document 'x'"), 2),
        (UnknownAction("no action with id 'x'"), 2),
        (SourceError("a.pdf", "encrypted"), 1),
        (NotMinutesError("a.pdf", "a committee list"), 1),
        (StoreError("cannot open store"), 1),
        (ExtractError("extractors/money.py is missing"), 1),
        (MinutesError("anything else"), 1),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_each_error_class_has_its_exit_code(error: MinutesError, code: int) -> None:
    assert exit_code(error) == code


def test_a_config_error_is_one_line_per_bad_key() -> None:
    error = ConfigError("c.yaml: a: bad", ["c.yaml: a: bad", "c.yaml: b: bad"])
    assert error_lines(error) == ["config error: c.yaml: a: bad", "config error: c.yaml: b: bad"]
    assert error_lines(StoreError("locked")) == ["error: locked"]


BAD_CONFIGS = {
    "unknown key": "link:\n  cutof: 65\n",
    "not YAML": "schemes: [unclosed\n",
    "bad value": "link:\n  flag_older_than: a fortnight\n",
}


@pytest.mark.parametrize("config", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
@pytest.mark.parametrize(
    "command",
    [["link"], ["flag"], ["action", "0123abcd"], ["action", "0123abcd", "--status", "done"], ["scheme", "x"]],
    ids=lambda c: " ".join(c),
)
def test_link_flag_action_scheme_stop_on_a_bad_config(
    tmp_path: Path, command: list[str], config: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(config, encoding="utf-8")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db), "--config", str(path)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"config error: {path}: "), lines
    assert result.stdout == ""
    assert not db.exists()  # stopped before the store was opened (or created)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["flag", "--older-than", "soon"], 2, "error: not a duration"),
        (["meta", "minutes.txt"], 2, "error: give at least one of"),
        (["action", "0123abcd"], 2, "error: no action with id '0123abcd'"),
        (["tracker", "--red-after", "soon"], 2, "error: not a duration"),
        (["ingest", "minutes.txt", "--date", "2025-02-31"], 2, "error: --date '2025-02-31' is not a date"),
        (["fetch", "--site", "ftp://example.org", "--committee", "C", "--since", "2025-01-01"], 2,
         "error: --site 'ftp://example.org' is not an http(s) site address"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("minutes.txt").write_text("Planning Committee\nMinutes\n\n1. Apologies\nNone.\n", encoding="utf-8")
    store.connect(tmp_path / "m.db")  # an empty store: reading commands refuse a missing one
    result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "m.db")])
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), lines


@pytest.mark.parametrize(("command", "code"), [(["stats"], 2), (["ingest", "{folder}"], 1)])
def test_a_file_that_is_not_a_store(tmp_path: Path, command: list[str], code: int) -> None:
    """Reading it is a usage error (a wrong --db); ingesting into it fails (1)."""
    db = tmp_path / "not-a-store.db"
    db.write_bytes(b"these bytes are not an SQLite database" * 40)
    args = [a.replace("{folder}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == code
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and str(db) in line


def _modules(folder: Path) -> dict[Path, ast.Module]:
    found = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.py"))}
    assert len(found) >= 10  # the cli package and its command modules
    return found


def test_commands_leave_exit_codes_to_the_group() -> None:
    """No command chooses an error's exit code itself: no Click exception of its
    own, no sys.exit(2), no ``sys.exit`` with a literal other than through exits."""
    offenders = []
    for path, tree in _modules(CLI).items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and ast.unparse(node) in CLICK_ERRORS:
                offenders.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
            exits = isinstance(node, ast.Call) and ast.unparse(node.func) == "sys.exit"
            if exits and node.args and isinstance(node.args[0], ast.Constant):
                offenders.append(f"{path.name}:{node.lineno} sys.exit({node.args[0].value!r})")
    assert offenders == []


def test_commands_are_imported_plainly() -> None:
    """No command module is loaded by a string, and no command module imports
    the cli package itself (pipeline.cli imports them, not the other way)."""
    offenders = []
    for path, tree in _modules(CLI).items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == "importlib" for a in node.names):
                offenders.append(f"{path.name}: imports importlib")
            if isinstance(node, ast.ImportFrom) and node.module == "importlib":
                offenders.append(f"{path.name}: imports from importlib")
            if path.parent.name == "commands" and isinstance(node, ast.ImportFrom):
                if node.level == 2 and node.module is None:  # from .. import X: the cli package
                    offenders.append(f"{path.name}:{node.lineno}: from .. import")
                if node.module in ("pipeline.cli",) or (node.level == 0 and node.module == "pipeline"):
                    offenders.append(f"{path.name}:{node.lineno}: imports {node.module}")
    assert offenders == []
