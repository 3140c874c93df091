"""One file through load -> clean -> segment -> extract, with no store access.

This is the unit of work an executor runs (in this process, a process pool or
a Dask worker), so it takes and returns only picklable values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..clean import clean
from ..config import Config, default_config
from ..errors import MinutesError, SourceError
from ..extract import extract
from ..load import load
from ..records import LoadedDocument, MeetingMeta, ProcessedDocument
from ..segment import segment


@dataclass(frozen=True)
class Failure:
    path: str
    stage: str
    message: str


def process_file(
    path: str, meta: MeetingMeta | None = None, config: Config | None = None, override: bool = False
) -> ProcessedDocument | Failure:
    """Run every per-document stage on ``path``; errors come back as a Failure.

    ``meta`` (a manifest's or the command line's) fills what the document leaves
    empty; with ``override`` it replaces what the document says. ``config``
    comes from the caller (pickled into a worker), default the packaged one."""
    config = config or default_config()
    stage = "load"
    try:
        loaded = load(path)
        if meta is not None:
            loaded = _with_meta(loaded, meta, override)
        stage = "clean"
        cleaned = clean(loaded, config=config.clean)
        stage = "segment"
        items = segment(cleaned)
        if not cleaned.text.strip():
            raise SourceError(path, "no text found (a scanned PDF needs OCR first)", stage="clean")
        stage = "extract"
        _check_length(path, cleaned.text, config)
        extraction = extract(cleaned, items, config=config)
        return ProcessedDocument(clean=cleaned, items=items, extraction=extraction)
    except SourceError as exc:
        return Failure(path, exc.stage, exc.reason)
    except MinutesError as exc:
        return Failure(path, stage, str(exc))
    except RecursionError:
        return Failure(path, stage, "document is nested too deeply to parse")
    except MemoryError:
        return Failure(path, stage, "document is too large to process in memory")
    except Exception as exc:  # noqa: BLE001 - a bug or a file no parser expected: report, keep going
        return Failure(path, stage, f"unexpected {type(exc).__name__}: {exc}")


def warm_up(config: Config | None = None) -> None:
    """Build the spaCy pipeline for ``config``: a worker does this before it
    says it is ready, so start-up never counts against a document's time."""
    from ..extract.nlp import nlp_for_config

    nlp_for_config(config or default_config())


def _check_length(path: str, text: str, config: Config) -> None:
    """spaCy refuses a text longer than nlp.max_length with a long ValueError:
    say it in one line, before any tokenising."""
    from ..extract.nlp import nlp_for_config

    limit = nlp_for_config(config).max_length
    if len(text) > limit:
        raise SourceError(
            path, f"too long to extract from ({len(text):,} characters; the limit is {limit:,}): "
            "split the document or skip it", stage="extract",
        )


def _with_meta(loaded: LoadedDocument, meta: MeetingMeta, override: bool = False) -> LoadedDocument:
    """What the document says wins; supplied metadata fills its gaps, or wins with ``override``."""
    return replace(loaded, meta=meta.merged(loaded.meta) if override else loaded.meta.merged(meta))


__all__ = ["Failure", "process_file", "warm_up"]
