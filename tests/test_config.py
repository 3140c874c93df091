"""config.yaml parsing: defaults, overrides, and errors that name the key."""

from pathlib import Path

import pytest

from pipeline.config import Config, load_config
from pipeline.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_project_config_parses():
    config = load_config()
    assert isinstance(config, Config)


def test_override_keeps_other_defaults(tmp_path):
    config = load_config(write(tmp_path, "schemes:\n  cutoff: 75\n"))
    assert config.schemes.cutoff == 75.0
    assert config.schemes.scorer == Config().schemes.scorer


def test_unknown_key_names_its_path(tmp_path):
    with pytest.raises(ConfigError, match=r"schemes\.cutof\b"):
        load_config(write(tmp_path, "schemes:\n  cutof: 75\n"))


def test_wrong_type_names_its_path(tmp_path):
    with pytest.raises(ConfigError, match=r"ingest\.workers"):
        load_config(write(tmp_path, "ingest:\n  workers: many\n"))


def test_bool_is_not_an_int(tmp_path):
    with pytest.raises(ConfigError, match=r"ingest\.workers"):
        load_config(write(tmp_path, "ingest:\n  workers: true\n"))


def test_invalid_yaml_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(write(tmp_path, "schemes: [unclosed\n"))


def test_missing_explicit_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yaml")
