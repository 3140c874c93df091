"""Manifests supply meeting metadata for files that state none."""

from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.run.manifest import ManifestIndex, read_manifest


def test_csv_manifest_by_name(tmp_path: Path):
    (tmp_path / "m.csv").write_text("file,council,committee,date\na.txt,Kent County Council,Cabinet,2025-01-09\n")
    entries = read_manifest(tmp_path / "m.csv")
    meta = entries["a.txt"]
    assert (meta.council, meta.committee, meta.date) == ("Kent County Council", "Cabinet", "2025-01-09")


def test_folder_manifest_is_found_beside_files(tmp_path: Path):
    (tmp_path / "manifest.yaml").write_text("- file: b.txt\n  committee: Audit Committee\n")
    index = ManifestIndex()
    assert index.meta_for(tmp_path / "b.txt").committee == "Audit Committee"
    assert index.meta_for(tmp_path / "other.txt") is None


def test_explicit_manifest_wins_and_fills_from_folder(tmp_path: Path):
    (tmp_path / "manifest.tsv").write_text("file\tcouncil\tcommittee\nc.txt\tFolder Council\tFolder Committee\n")
    (tmp_path / "explicit.csv").write_text("file,council\nc.txt,Explicit Council\n")
    meta = ManifestIndex.from_file(tmp_path / "explicit.csv").meta_for(tmp_path / "c.txt")
    assert meta.council == "Explicit Council"
    assert meta.committee == "Folder Committee"


def test_row_without_file_is_a_usage_error(tmp_path: Path):
    (tmp_path / "m.csv").write_text("council\nNowhere\n")
    with pytest.raises(UsageError, match="line 2"):
        read_manifest(tmp_path / "m.csv")
