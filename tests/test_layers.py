"""Imports run one way: from a later layer to an earlier one, never back.

Every ``import`` in pipeline/ and extractors/ is read from the source (ast,
so imports inside functions count too). Data flows load -> clean -> segment ->
extract -> store; link reads and writes the store; run drives them all;
reports read the store for a person; fetch, web and the CLI sit on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Package -> rank. A module may import its own package, or one of lower rank
#: (the base modules of rank 0 may also import each other).
RANKS: dict[str, float] = {
    "pipeline": 0,  # the package itself: __version__
    "pipeline.records": 0,
    "pipeline.errors": 0,
    "pipeline.config": 0,
    "pipeline.config_checks": 0,
    "pipeline.text": 0,
    "pipeline.load": 1.0,
    "pipeline.clean": 1.1,
    "pipeline.segment": 1.2,
    "pipeline.extract": 1.3,
    "extractors": 1.3,  # the rules pipeline/extract runs: one stage
    "pipeline.store": 2,
    "pipeline.link": 3,
    "pipeline.run": 4,
    "pipeline.reports": 5,
    "pipeline.fetch": 6,
    "pipeline.web": 6,
    "pipeline.cli": 7,
}
#: Only these may import pipeline/reports (besides reports itself).
REPORT_READERS = {"pipeline.cli", "pipeline.web"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(path: Path, text: str) -> list[tuple[int, str]]:
    """(line, module) for every import of pipeline or extractors in ``path``."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None:  # from . import x: x may be a module
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return [(line, t) for line, t in found if t.split(".")[0] in ("pipeline", "extractors")]


def _package(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "extractors":
        return "extractors"
    candidate = ".".join(parts[:2])
    return candidate if candidate in RANKS else "pipeline"


def _sources() -> list[Path]:
    files = sorted([*(ROOT / "pipeline").rglob("*.py"), *(ROOT / "extractors").rglob("*.py")])
    assert len(files) > 100, "the packages should be found"
    return files


def _violations(edited: dict[Path, str] | None = None) -> list[str]:
    """Every import that runs back; ``edited`` gives some files other text."""
    out = []
    for path in _sources():
        source = _package(_module(path))
        text = (edited or {}).get(path) or path.read_text(encoding="utf-8")
        for line, target in _targets(path, text):
            imported = _package(target)
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if imported == source:
                continue
            same_rank_ok = RANKS[source] == 0 or {source, imported} == {"pipeline.extract", "extractors"}
            if RANKS[imported] > RANKS[source] or (RANKS[imported] == RANKS[source] and not same_rank_ok):
                out.append(f"{where} (a later layer)")
            elif imported == "pipeline.reports" and source not in REPORT_READERS:
                out.append(f"{where} (only the CLI and the web UI read reports)")
    return out


def test_every_package_has_a_rank() -> None:
    packages = {_package(_module(p)) for p in _sources()}
    folders = {f"pipeline.{p.name}" for p in (ROOT / "pipeline").iterdir() if (p / "__init__.py").exists()}
    assert folders <= set(RANKS), folders - set(RANKS)
    assert packages <= set(RANKS)


def test_imports_run_from_later_layers_to_earlier_ones() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("pipeline/store/write.py", "from ..link import link", "a later layer"),
        ("pipeline/extract/nlp.py", "from ..store import connect", "a later layer"),
        ("pipeline/fetch/to_store.py", "from ..reports.flag import flagged", "only the CLI and the web UI"),
        ("pipeline/load/text.py", "from ..clean import clean", "a later layer"),
    ],
)
def test_the_check_finds_an_import_that_runs_back(source: str, line: str, reason: str) -> None:
    """The same check over one module with a backward import added to its text."""
    path = ROOT / source
    edited = path.read_text(encoding="utf-8") + f"\n\ndef _added() -> None:\n    {line}\n"
    found = [v for v in _violations({path: edited}) if v.startswith(source)]
    assert len(found) == 1 and reason in found[0], found
