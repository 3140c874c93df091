"""The README's nightly recipes, run exactly as written (tests/recipes.py):
the crontab lines with /bin/sh from a temporary HOME, the systemd service's
commands from its WorkingDirectory; `minutes` is the project's CLI, `mail` a
stand-in, MINUTES_AS_OF the clock. Nothing the recipes need exists
beforehand except the project folder and (for some cases) its store."""

from __future__ import annotations

import importlib.util
import re

import pytest
from recipes import CronJob, Home, blocks, cron_jobs, make_home, parse_unit, run_cron, run_service
from test_issue16_chain import JUNE, MARCH, SEPTEMBER
from test_link_support import Minutes, add

from pipeline import store
from pipeline.config import load_config
from pipeline.link import link

needs_extractors = pytest.mark.skipif(
    importlib.util.find_spec("extractors.actions") is None, reason="needs the action extractor",
)
C, K = "Wyvern District Council", "Audit Committee"
OLD = "the Head of Finance would circulate the revised fraud risk register to Members"


def job(fragment: str):  # type: ignore[no-untyped-def]
    """The README's one cron job whose command contains ``fragment``."""
    found = [j for b in blocks("cron") for j in cron_jobs(b) if fragment in j.command]
    assert len(found) == 1, f"{len(found)} cron jobs run {fragment!r}"
    return found[0]


def service():  # type: ignore[no-untyped-def]
    units = dict(parse_unit(b) for b in blocks("ini"))
    (name,) = [n for n in units if n.endswith("minutes-flag.service")]
    timer = units[name.replace(".service", ".timer")]
    assert timer.get("Timer", "OnCalendar") and timer.get("Install", "WantedBy") == ["timers.target"]
    return units[name]


def small_store(home: Home) -> str:
    """A store with one action agreed on 2025-01-14 and never followed up."""
    path = home.project / "output" / "minutes.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    db = store.connect(path)
    add(
        db,
        Minutes(
            C,
            K,
            "2025-01-14",
            [("Fraud risk", f"Members discussed fraud. It was agreed that {OLD}.")],
            actions=[(0, OLD)],
        ),
    )
    link(db, config=load_config().link)
    db.conn.close()
    return str(path)


def ids_in(text: str) -> list[str]:
    return re.findall(r"^\| ([0-9a-f]{8,}) \|", text, flags=re.MULTILINE)


@needs_extractors
def test_crontab_ingest_and_flag_as_written(tmp_path):
    home = make_home(tmp_path)
    nightly = job("ingest incoming/")
    assert nightly.env.get("MAILTO"), "cron mails the job's own output (errors) to MAILTO"

    # first night, nothing ingested yet: no report, no all-clear; one error line for MAILTO
    home.as_of = "2024-03-01"
    night = run_cron(nightly, home)
    assert (home.project / "incoming").is_dir() and (home.project / "reports").is_dir()
    assert home.mails() == []
    assert night.stdout == "" and len(night.stderr.strip().splitlines()) == 1
    assert "holds no minutes" in night.stderr

    # the March minutes arrive: six actions, all new, each with an id `minutes action` takes
    (home.project / "incoming" / "panel-2024-03-19.txt").write_text(MARCH, encoding="utf-8")
    home.as_of = "2024-05-01"
    night = run_cron(nightly, home)
    assert night.stdout == "" and night.stderr == ""  # a good night: nothing for cron to mail
    ((args, body),) = home.mails()
    assert args == ["-s", "Outstanding council actions", "scrutiny@example.gov.uk"]
    assert body.startswith("# Outstanding actions as of 2024-05-01: 6")
    assert "## New (first run" in body and len(ids_in(body)) == 6
    shown = run_cron(CronJob({}, f"cd ~/minutes-miner && minutes action {ids_in(body)[0]}", ""), home)
    assert shown.returncode == 0 and "[open]" in shown.stdout

    # June and September close four of them: two stay, neither new since the last run
    for name, text in (("2024-06-11", JUNE), ("2024-09-17", SEPTEMBER)):
        (home.project / "incoming" / f"panel-{name}.txt").write_text(text, encoding="utf-8")
    home.as_of = "2025-03-01"
    assert run_cron(nightly, home).stderr == ""
    body = home.mails()[-1][1]
    assert body.startswith("# Outstanding actions as of 2025-03-01: 2")
    assert "## New since the last run (2024-05-01): 0" in body
    assert "## Flagged before the last run and still outstanding: 2" in body
    assert "street lighting" in body and "youth diversion funding bid" in body
    assert (home.project / "logs" / "ingest.log").read_text().count("new,") == 3


def test_crontab_in_a_missing_folder_says_so_and_sends_no_report(tmp_path):
    home = make_home(tmp_path)
    home.project.rename(tmp_path / "moved")
    night = run_cron(job("ingest incoming/"), home)
    assert home.mails() == [] and "minutes-miner" in night.stderr
    assert not (home.path / "output").exists() and not (home.path / "reports").exists()


def test_crontab_fetch_then_flag_makes_its_folders_and_mails_when_fetch_fails(tmp_path):
    home = make_home(tmp_path)
    small_store(home)
    home.as_of = "2025-03-01"
    night = run_cron(job("minutes fetch"), home)  # the site cannot be reached: fetch exits 1
    assert (home.project / "logs" / "fetch.log").stat().st_size > 0
    assert night.stdout == "" and night.stderr == ""
    ((args, body),) = home.mails()
    assert args == ["-s", "Minutes Miner: actions flagged", "clerk@example.gov.uk"]
    assert body.startswith("1 outstanding action(s) as of 2025-03-01") and OLD in body.replace(
        "\n" + " " * 12, " "
    )


def test_systemd_service_as_written(tmp_path):
    home = make_home(tmp_path)
    unit = service()
    small_store(home)
    home.as_of = "2025-03-01"
    run = run_service(unit, home)
    assert run.result == "success", run.steps
    assert [s[1] for s in run.steps] == [0, 0, 3]  # mkdir, ingest, flag: exit 3 is "flagged", a success
    report = (home.project / "reports" / "flag.html").read_text(encoding="utf-8")
    assert "<h1>Outstanding actions as of 2025-03-01: 1</h1>" in report and OLD in report

    # the store gone (a wrong folder, a lost disk): the unit fails with one line, no all-clear report
    (home.project / "reports" / "flag.html").unlink()
    (home.project / "output" / "minutes.db").unlink()
    run = run_service(unit, home)
    assert run.result == "failed" and run.steps[-1][1] == 2
    assert "holds no minutes" in run.steps[-1][3] and len(run.steps[-1][3].strip().splitlines()) == 1
    assert not (home.project / "reports" / "flag.html").exists()


def test_systemd_service_in_a_missing_folder_fails(tmp_path):
    home = make_home(tmp_path)
    home.project.rename(tmp_path / "moved")
    assert run_service(service(), home).result == "failed"
