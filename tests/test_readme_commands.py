"""README.md documents every command registered on the `minutes` group."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from pipeline.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def commands() -> list[str]:
    return sorted(main.list_commands(click.Context(main)))  # commands load lazily: list them all


@pytest.mark.parametrize("name", commands())
def test_readme_mentions_command(name: str) -> None:
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"`minutes {re.escape(name)}\b", text), f"README.md does not document `minutes {name}`"


@pytest.mark.parametrize("name", commands())
def test_help_has_an_example(name: str) -> None:
    parent = click.Context(main, info_name="minutes")
    cmd = main.get_command(parent, name)
    assert cmd is not None
    ctx = click.Context(cmd, info_name=name, parent=parent)
    assert f"minutes {name}" in cmd.get_help(ctx), f"`minutes {name} --help` shows no example"
