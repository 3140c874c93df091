"""`minutes problems` and `minutes themes`: what went wrong in ingest, and
which themes the facts carry."""

from __future__ import annotations

import click

from ...config import load_config
from ...reports.problems import COLUMNS as PROBLEM_COLUMNS
from ...reports.problems import problems
from ...reports.themes import COLUMNS as THEME_COLUMNS
from ...reports.themes import theme_rows
from . import tabulate
from .common import config_option, db_option, emit_csv, emit_json, format_option, open_db


def register(group: click.Group) -> None:
    group.add_command(problems_cmd)
    group.add_command(themes_cmd)


@click.command("problems")
@click.option(
    "--all", "everything", is_flag=True, help="Every failure recorded, not just files still failing."
)
@format_option("table", "json", "csv")
@db_option
def problems_cmd(everything: bool, fmt: str, as_json: bool, db_path: str) -> None:
    """List the files that could not be ingested and why (stage and reason),
    newest first: each file's latest failure, unless it was stored since.

    \b
    Example:
      minutes problems
      minutes problems --all --format csv > problems.csv
    """
    rows = problems(open_db(db_path), everything=everything)
    fmt = "json" if as_json else fmt
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        emit_csv(rows, PROBLEM_COLUMNS)
    elif not rows:
        click.echo("no problems: every file that failed has been stored since, or none failed", err=True)
    else:
        click.echo(tabulate.render(rows, PROBLEM_COLUMNS, flex=("message", "path")))


@click.command("themes")
@config_option
@format_option("table", "json", "csv")
@db_option
def themes_cmd(config_path: str | None, fmt: str, as_json: bool, db_path: str) -> None:
    """List the themes (sub-themes indented under their theme) with how many
    actions, resolutions, amounts and agenda items carry each.

    A fact has a theme when a phrase of it is in the fact's own sentence or
    its agenda item's title; amounts take their item title's themes. Themes
    are defined in config.yaml (`themes:`); any --theme takes these names.

    \b
    Example:
      minutes themes
      minutes actions --theme housing --status open
    """
    configured = load_config(config_path).themes
    rows = [r.as_dict() for r in theme_rows(open_db(db_path), configured)]
    fmt = "json" if as_json else fmt
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        emit_csv(rows, THEME_COLUMNS)
    else:
        shown = [{**r, "theme": ("└ " + r["theme"]) if r["parent"] else r["theme"],
                  "in_config": "" if r["in_config"] else "not in config"} for r in rows]
        click.echo(
            tabulate.render(shown, ["theme", "actions", "resolutions", "amounts", "items", "in_config"])
        )
