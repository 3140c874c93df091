"""A bad config is found whole, at start: one line per bad key and exit 2,
before any file is read or any request is sent (never a traceback later)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import ConfigError

BAD = """\
schemes:
  scorer: no_such_scorer
  cutoff: 250
link:
  processor: stemmed
  flag_older_than: a fortnight
fetch:
  requests_per_second: 0
  user_agent: "two\\nlines"
  retries: -1
ingest:
  workers: -2
  wrokers: 3
themes:
  - phrases: [cctv]
  - name: empty
"""
BAD_KEYS = ["schemes.scorer", "schemes.cutoff", "link.processor", "link.flag_older_than",
            "fetch.requests_per_second", "fetch.user_agent", "fetch.retries", "ingest.workers",
            "ingest.wrokers", "themes[0].name", "themes[1]"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bad_key_is_reported_at_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, BAD))
    problems = caught.value.problems
    for key in BAD_KEYS:
        assert sum(key in p.split(":", 2)[1] for p in problems) == 1, (key, problems)
    assert len(problems) == len(BAD_KEYS)
    assert all("\n" not in p for p in problems)


def test_good_values_pass(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, "schemes:\n  scorer: WRatio\n  cutoff: 0\nlink:\n  flag_older_than: 6w\n")
    )
    assert config.schemes.scorer == "WRatio" and config.link.flag_older_than == "6w"


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "{folder}"],
        ["reextract"],
        ["link"],
        ["flag"],
        [
            "fetch",
            "--site",
            "http://127.0.0.1:9",
            "--committee",
            "Cabinet",
            "--since",
            "2025-01-01",
            "--out",
            "{folder}",
        ],
    ],
    ids=lambda c: c[0],
)
def test_commands_stop_at_start_with_one_line_per_bad_key(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "a.txt").write_text("Planning Committee\nMinutes\n\n1. Apologies\nNone.\n", encoding="utf-8")
    db = tmp_path / "m.db"
    args = [a.replace("{folder}", str(folder)) for a in command]
    result = CliRunner().invoke(main, [*args, "--db", str(db), "--config", str(write(tmp_path, BAD))])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(BAD_KEYS) and all(line.startswith("config error: ") for line in lines)
    assert not db.exists() or command[0] != "ingest"


def test_the_processor_names_the_config_allows_are_the_ones_link_has() -> None:
    """The config checks name link.processor's values without importing link."""
    from pipeline.config import LINK_PROCESSORS
    from pipeline.link.text import PROCESSORS

    assert set(LINK_PROCESSORS) == set(PROCESSORS)
