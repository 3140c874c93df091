"""`minutes evaluate`: precision, recall and F1 against hand-written gold."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ...config import load_config
from .common import config_option, emit_json, format_option

if TYPE_CHECKING:
    from ...reports.evaluate import Report, Score


def register(group: click.Group) -> None:
    group.add_command(evaluate_cmd)


@click.command("evaluate")
@click.option(
    "--gold",
    "gold_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of *.gold.json files (repeatable; default: tests/gold).",
)
@click.option(
    "--docs",
    "search",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder to look for the gold files' documents in (repeatable; default: corpus/ and ../shared).",
)
@config_option
@click.option("--details", is_flag=True, help="List missed and extra facts per document.")
@format_option("table", "json")
def evaluate_cmd(gold_dirs, search, config_path, details, fmt, as_json):  # type: ignore[no-untyped-def]
    """Score the extractors against gold files: precision, recall and F1 per
    kind, per body type and per document, matched as ../shared/GOLD-GUIDE.md says.

    \b
    Example:
      minutes evaluate --gold tests/gold
      minutes evaluate --gold tests/gold --gold ../shared/dev2/gold
      minutes evaluate --gold tests/gold --json > eval.json
    """
    config = load_config(config_path)
    # Imported here: the evaluator loads the whole ingest stack (cleaners, word
    # lists), which no other command's start-up should pay for (`minutes stats`).
    from ...reports.evaluate import evaluate

    report = evaluate(
        list(gold_dirs) or ["tests/gold"], search=[Path(s) for s in search] or None, config=config
    )
    if as_json or fmt == "json":
        emit_json(report.as_dict())
        return
    _print_table(report, details=details)


def _print_table(report: Report, *, details: bool) -> None:
    click.echo(f"{len(report.documents)} gold documents")
    click.echo(f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind, s in report.by_kind().items():
        click.echo(
            f"{kind:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.tp:4d} {s.fp:4d} {s.fn:4d}"
        )
    meeting = report.meeting_accuracy()
    click.echo("\nmeeting metadata (where the gold states it): " + ", ".join(
        f"{name} {a.right}/{a.stated} ({a.share:.1%})" for name, a in meeting.items()))
    _print_f1_rows("F1 by body type", report.by_body_type())
    _print_f1_rows("F1 by council", report.by_council())
    _print_f1_rows("F1 by document", {d.document: d.scores for d in report.documents if d.scores})
    for d in report.documents:
        if d.error:
            click.echo(f"error: {d.document}: {d.error}", err=True)
        if details and (d.misses or d.extras):
            click.echo(f"\n## {d.document}")
            for kind, texts in d.misses.items():
                for t in texts:
                    click.echo(f"  missed {kind}: {t[:140]}")
            for kind, texts in d.extras.items():
                for t in texts:
                    click.echo(f"  extra  {kind}: {t[:140]}")
        if details:
            for name, result in d.meeting.items():
                if result.right is False:
                    click.echo(
                        f"  meeting {name}: {result.predicted!r} (gold {result.gold!r})  [{d.document}]"
                    )


def _print_f1_rows(heading: str, rows: dict[str, dict[str, Score]]) -> None:
    from ...reports.evaluate import KINDS

    click.echo("")
    click.echo(f"{heading + ':':<46} " + "  ".join(f"{k[:5]:>5}" for k in KINDS))
    for name, scores in rows.items():
        cells = "  ".join(f"{scores[k].f1:5.2f}" if k in scores else "    -" for k in KINDS)
        click.echo(f"  {name[:44]:<44} {cells}")
