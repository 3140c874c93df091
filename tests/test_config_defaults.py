"""The defaults are packaged with the code and read before the user's config.yaml,
so an installed copy runs with the theme taxonomy and the status phrases."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import config as config_module
from pipeline.config import DEFAULTS_FILE, Config, default_config, load_config
from pipeline.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, text: str, name: str = "config.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_file_is_package_data() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = project["tool"]["setuptools"]["package-data"]["pipeline"]
    assert DEFAULTS_FILE.parent == ROOT / "pipeline"
    assert DEFAULTS_FILE.name in listed


def test_packaged_defaults_hold_themes_and_status_phrases() -> None:
    config = default_config()
    assert len(config.themes) >= 5 and all(t.phrases or t.patterns for t in config.themes)
    link = config.link
    for phrases in (link.done_phrases, link.progress_phrases, link.outstanding_phrases, link.review_phrases):
        assert phrases


def test_no_user_file_means_the_packaged_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config() == default_config()


def test_user_file_in_the_working_directory_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "schemes:\n  cutoff: 61\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().schemes.cutoff == 61.0


def test_a_mapping_merges_key_by_key(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "link:\n  cutoff: 65\n"))
    defaults = default_config()
    assert config.link.cutoff == 65.0
    assert config.link.done_phrases == defaults.link.done_phrases  # the rest of link: is kept
    assert config.themes == defaults.themes


def test_a_list_replaces_the_default_whole(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "themes:\n  - name: parking\n    phrases: [parking]\n"))
    assert [t.name for t in config.themes] == ["parking"]
    config = load_config(write(tmp_path, "link:\n  done_phrases: [sorted]\n"))
    assert config.link.done_phrases == ("sorted",)
    assert config.link.progress_phrases == default_config().link.progress_phrases


def test_an_empty_section_keeps_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "link:\n  # cutoff: 65\nthemes:\n"))
    assert config == default_config()


def test_a_problem_names_the_users_file(tmp_path: Path) -> None:
    path = write(tmp_path, "link:\n  cutof: 65\n", "mine.yaml")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems == (f"{path}: unknown config key link.cutof (known: {_known('link')})",)


def test_missing_packaged_defaults_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_module, "DEFAULTS_FILE", tmp_path / "defaults.yaml")
    with pytest.raises(ConfigError, match="packaged defaults are missing"):
        load_config(write(tmp_path, "schemes:\n  cutoff: 80\n"))


def test_code_fallbacks_agree_with_the_packaged_defaults() -> None:
    """``SchemesConfig()``, ``CleanConfig()``... are what a library call without a
    config gets: their values are the packaged ones (lists are only in the file)."""
    packaged, code = default_config(), Config()
    for section in dataclasses.fields(Config):
        ours, theirs = getattr(code, section.name), getattr(packaged, section.name)
        if not dataclasses.is_dataclass(ours):
            continue
        for f in dataclasses.fields(ours):
            if not isinstance(getattr(ours, f.name), tuple):
                assert getattr(ours, f.name) == getattr(theirs, f.name), f"{section.name}.{f.name}"


def test_repository_config_yaml_is_overrides_only() -> None:
    """The top-level config.yaml is the user's: it may set keys, but every key it
    sets is a real one (it loads) and it restates no list of the defaults."""
    config = load_config(ROOT / "config.yaml")
    assert config.themes == default_config().themes


def _known(section: str) -> str:
    section_type = {f.name: f.type for f in dataclasses.fields(Config)}[section]
    cls = getattr(config_module, section_type) if isinstance(section_type, str) else section_type
    return ", ".join(sorted(f.name for f in dataclasses.fields(cls)))


@pytest.mark.slow
def test_an_installed_wheel_runs_with_themes_and_phrases(tmp_path: Path) -> None:
    """Build a wheel, install it alone into a folder of its own (its dependencies
    come from this environment), and load the config from elsewhere: the
    packaged defaults must be inside the installed package."""
    wheels, site, source = tmp_path / "wheels", tmp_path / "site", tmp_path / "source"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("pipeline", "extractors"):  # a copy: pip builds in place and would leave build/ here
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip().splitlines()[-1:]}")
    (wheel,) = wheels.glob("minutes_miner-*.whl")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    check = (
        "import pipeline.config as c; cfg = c.load_config(); "
        "print(c.PACKAGE_DIR, len(cfg.themes), len(cfg.link.done_phrases), len(cfg.link.outstanding_phrases))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", check],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    where, themes, done_phrases, outstanding = done.stdout.split()
    assert Path(where) == site / "pipeline"  # the installed copy, not this checkout
    defaults = default_config()
    assert int(themes) == len(defaults.themes) > 0
    assert int(done_phrases) == len(defaults.link.done_phrases) > 0
    assert int(outstanding) == len(defaults.link.outstanding_phrases) > 0


MINUTES = """Community Safety Partnership
Minutes of the meeting held on {date}

1. Update on local projects
Members were updated on the {scheme} and its results in the town centre.
"""


@pytest.mark.parametrize(("cutoff", "schemes"), [(None, 2), (50, 1)])
def test_the_store_matches_schemes_with_the_config_it_is_given(
    tmp_path: Path, cutoff: int | None, schemes: int
) -> None:
    """Scheme identity across documents is decided in the store: with --config it
    follows that file's cutoff, not the default config read behind its back."""
    from click.testing import CliRunner

    from pipeline import store
    from pipeline.cli import main

    folder = tmp_path / "minutes"
    folder.mkdir()
    for day, scheme in (("2025-01-09", "Street Pastors Project"), ("2025-03-06", "Street Angels Project")):
        write(folder, MINUTES.format(date=day, scheme=scheme), f"{day}.txt")
    db = tmp_path / "m.db"
    args = ["ingest", str(folder), "--db", str(db), "--workers", "1", "-q"]
    if cutoff is not None:
        args += ["--config", str(write(tmp_path, f"schemes:\n  cutoff: {cutoff}\n"))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    mentions = store.connect(str(db)).execute(
        "select count(*), count(distinct scheme_id) from scheme_mentions"
    )
    assert mentions.fetchone() == (2, schemes)


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_extract_with_the_config_the_command_loaded(tmp_path: Path, workers: int) -> None:
    """The command loads --config once; worker processes get it pickled (a theme
    only that file defines tags the stored items: its phrase is in their title)."""
    from click.testing import CliRunner

    from pipeline import store
    from pipeline.cli import main

    folder = tmp_path / "minutes"
    folder.mkdir()
    for day in ("2025-01-09", "2025-03-06"):
        write(folder, MINUTES.format(date=day, scheme="Street Pastors Project"), f"{day}.txt")
    config = write(
        tmp_path, "themes:\n  - name: night-time economy\n    phrases: [local projects]\n", "mine.yaml"
    )
    db = tmp_path / "m.db"
    result = CliRunner().invoke(
        main,
        ["ingest", str(folder), "--db", str(db), "--workers", str(workers), "-q", "--config", str(config)],
    )
    assert result.exit_code == 0, result.output
    themes = [row[0] for row in store.connect(str(db)).execute("select themes from agenda_items order by id")]
    assert themes == ['["night-time economy"]'] * 2
