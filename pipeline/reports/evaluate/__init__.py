"""Precision and recall of the extractors against hand-written gold files.

Gold files (tests/gold/*.gold.json, format in ../shared/GOLD-GUIDE.md) name a
document; we find it, run the per-document stages on it, and match predicted
facts to gold entries one-to-one (matching.py, the guide's rules). The
package: scores.py (counts and the report), matching.py (when a prediction is
a gold entry), document.py (one document, kind by kind), meeting.py (the
meeting it is filed under), bodies.py (kinds of body).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ...config import PROJECT_ROOT, Config
from ...records import MeetingMeta
from ...run.process import Failure, process_file
from .bodies import body_type
from .document import evaluate_document
from .matching import NAME_CUTOFF, match, name_similarity, norm, text_similarity
from .meeting import score_meeting
from .scores import KINDS, DocumentResult, Report, Score


def default_search_paths() -> list[Path]:
    shared = PROJECT_ROOT.parent / "shared"
    return [PROJECT_ROOT / "corpus", shared / "seeds", shared / "corpus", shared / "dev2"]


def find_document(name: str, search: Sequence[Path]) -> Path | None:
    for root in search:
        if not root.exists():
            continue
        direct = root / name
        if direct.is_file():
            return direct
        for hit in root.rglob(name):
            if hit.is_file():
                return hit
    return None


def evaluate(
    gold_dirs: str | Path | Sequence[str | Path],
    *,
    search: Sequence[Path] | None = None,
    config: Config | None = None,
) -> Report:
    """Score every gold file in one or more gold folders.

    A gold file names its document; it is looked for beside the gold folder
    first (``gold/../``), then in ``search``."""
    if isinstance(gold_dirs, (str, Path)):
        gold_dirs = [gold_dirs]
    results: list[DocumentResult] = []
    for gold_dir in gold_dirs:
        roots = [Path(gold_dir).parent, *(search or default_search_paths())]
        for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
            results.append(_evaluate_one(gold_path, roots, config))
    return Report(results)


def _evaluate_one(gold_path: Path, roots: Sequence[Path], config: Config | None) -> DocumentResult:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = gold.get("document") or gold_path.name.removesuffix(".gold.json")
    kind = body_type(gold.get("council"), gold.get("committee"))
    doc_path = find_document(name, roots)
    unread = score_meeting(gold, MeetingMeta())  # a document not read states no meeting
    if doc_path is None:
        return DocumentResult(
            name, gold.get("council"), {}, error="document not found", body_type=kind, meeting=unread
        )
    processed = process_file(str(doc_path), None, config)
    if isinstance(processed, Failure):
        empty = {k: Score(fn=len(gold.get(k, []))) for k in KINDS}
        return DocumentResult(
            name, gold.get("council"), empty, error=processed.message, body_type=kind, meeting=unread
        )
    return evaluate_document(gold, processed)


__all__ = [
    "KINDS",
    "NAME_CUTOFF",
    "DocumentResult",
    "Report",
    "Score",
    "body_type",
    "default_search_paths",
    "evaluate",
    "evaluate_document",
    "find_document",
    "match",
    "name_similarity",
    "norm",
    "text_similarity",
]
