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
    with pytest.raises(UsageError, match="row 1"):
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
