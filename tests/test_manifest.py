"""Manifests supply meeting metadata for files that state none."""

from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.run.manifest import ManifestIndex, read_manifest


def test_csv_manifest_by_name(tmp_path: Path):
    (tmp_path / "m.csv").write_text(
        "file,council,committee,date\na.txt,Kent County Council,Cabinet,2025-01-09\n"
    )
    entries = read_manifest(tmp_path / "m.csv")
    meta = entries["a.txt"]
    assert (meta.council, meta.committee, meta.date) == ("Kent County Council", "Cabinet", "2025-01-09")


def test_folder_manifest_is_found_beside_files(tmp_path: Path):
    (tmp_path / "manifest.yaml").write_text("- file: b.txt\n  committee: Audit Committee\n")
    index = ManifestIndex()
    assert index.meta_for(tmp_path / "b.txt").committee == "Audit Committee"
    assert index.meta_for(tmp_path / "other.txt") is None


def test_explicit_manifest_wins_and_fills_from_folder(tmp_path: Path):
    (tmp_path / "manifest.tsv").write_text(
        "file\tcouncil\tcommittee\nc.txt\tFolder Council\tFolder Committee\n"
    )
    (tmp_path / "explicit.csv").write_text("file,council\nc.txt,Explicit Council\n")
    meta = ManifestIndex.from_file(tmp_path / "explicit.csv").meta_for(tmp_path / "c.txt")
    assert meta.council == "Explicit Council"
    assert meta.committee == "Folder Committee"


def test_row_without_file_is_a_usage_error(tmp_path: Path):
    (tmp_path / "m.csv").write_text("council\nNowhere\n")
    with pytest.raises(UsageError, match="line 2"):
        read_manifest(tmp_path / "m.csv")


def test_manifest_url_names_the_council_of_a_moderngov_site(tmp_path):
    from pipeline.run.manifest import read_manifest

    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,url,council\n"
        "a.txt,https://democracy.westsuffolk.gov.uk/ieListDocuments.aspx?MId=1,\n"
        "b.txt,https://democracy.westsuffolk.gov.uk/x,Given Council\n"
        "c.txt,https://example.org/minutes,\n",
        encoding="utf-8",
    )
    entries = read_manifest(manifest)
    assert entries["a.txt"].council == "West Suffolk Council"
    assert entries["b.txt"].council == "Given Council"  # a stated council wins over the site
    assert entries["c.txt"].council is None


def test_manifest_with_an_impossible_date_is_refused(tmp_path):
    import pytest

    from pipeline.errors import UsageError
    from pipeline.run.manifest import read_manifest

    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,date\na.txt,2025-02-31\n", encoding="utf-8")
    with pytest.raises(UsageError, match="2025-02-31"):
        read_manifest(manifest)


# ---------------------------------------------------------------- bad manifests: one line, the rest goes on


def test_excel_csv_in_windows_1252_is_read(tmp_path: Path):
    (tmp_path / "m.csv").write_bytes(
        "file,council,committee\r\na.txt,Ynys Môn Council,Café Committee\r\n".encode("cp1252")
    )
    meta = read_manifest(tmp_path / "m.csv")["a.txt"]
    assert (meta.council, meta.committee) == ("Ynys Môn Council", "Café Committee")


def test_bad_rows_are_reported_by_line_and_the_rest_apply(tmp_path: Path):
    (tmp_path / "manifest.csv").write_text(
        "file,council,date\n"
        "a.txt,Good Council,2024-01-09\n"
        f"b.txt,{'x' * 140_000},2024-01-09\n"  # a field over the csv module's 128 KB limit
        "c.txt,Third Council,2024-13-45\n"  # an impossible date
        ",Nameless Council,2024-01-09\n"
        "d.txt,Fourth Council,2024-02-29\n"
    )
    index = ManifestIndex()
    assert index.meta_for(tmp_path / "a.txt").council == "Good Council"
    c = index.meta_for(tmp_path / "c.txt")
    assert (c.council, c.date) == ("Third Council", None)  # the row stays, without its bad date
    assert index.meta_for(tmp_path / "d.txt").date == "2024-02-29"
    assert index.meta_for(tmp_path / "b.txt") is None
    problems = [m for _p, m in index.take_problems()]
    assert [m.split(":")[0] for m in problems] == ["line 3", "line 4", "line 5"]
    assert "field larger than field limit" in problems[0]
    assert "'2024-13-45' is not a real date" in problems[1]
    assert index.take_problems() == []  # reported once


def test_broken_yaml_is_one_problem(tmp_path: Path):
    (tmp_path / "manifest.yaml").write_text("- file: a.txt\n  council: [unclosed\n- file: b.txt\n")
    index = ManifestIndex()
    assert index.meta_for(tmp_path / "a.txt") is None
    [(path, message)] = index.take_problems()
    assert path.endswith("manifest.yaml") and message.startswith("line ") and "not valid YAML" in message


def test_a_bad_manifest_stores_its_folder_without_it_and_exits_1(seed_folder: Path, tmp_path: Path):
    from click.testing import CliRunner

    from pipeline import store
    from pipeline.cli import main

    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.yaml").write_text("- file: x.txt\n  council: [unclosed\n")
    (seed_folder / "manifest.csv").write_bytes(  # Excel: Windows-1252, an impossible date on line 2
        f"file,council,date\r\n{min(p.name for p in seed_folder.iterdir())},"
        "Ynys Môn,2024-13-45\r\n".encode("cp1252")
    )
    for seed in sorted(seed_folder.iterdir())[:2]:
        (other / seed.name).write_bytes(seed.read_bytes() + b"\nA paragraph of our own.\n")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(
        main, ["ingest", str(seed_folder), str(other), "--db", str(db), "--workers", "1"]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and "line 2" in lines[0] and "manifest.yaml" in lines[1], lines
    stored = store.connect(db)
    assert stored["documents"].count == 5 + 2  # every file stored
    assert stored.execute("select count(*) from meetings where council = 'Ynys Môn'").fetchone()[0] == 1
    assert stored.execute("select count(*) from meetings where date = '2024-13-45'").fetchone()[0] == 0
    assert stored.execute("select count(*) from problems where stage = 'manifest'").fetchone()[0] == 2
