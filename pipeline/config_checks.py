"""Value rules for config.yaml, checked when it is loaded.

Types are checked as the file is parsed (pipeline/config.py); these rules
catch values of the right type that would only fail later, deep in a worker
or a nightly `minutes flag`, as a traceback: a scorer rapidfuzz does not
have, a zero request rate, a negative worker count. Each rule is data: a key
path, a test, and what the value must be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .config import LINK_PROCESSORS, Config
from .text.durations import parse_days
from .text.fuzzy import is_scorer


def _processor(name: Any) -> bool:
    return name in LINK_PROCESSORS


def _duration(value: Any) -> bool:
    try:
        parse_days(value)
    except (ValueError, TypeError):
        return False
    return True


def _one_line(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not any(c in value for c in "\r\n\0")


def _between(lo: float, hi: float) -> Callable[[Any], bool]:
    return lambda v: lo <= v <= hi


def _above(lo: float) -> Callable[[Any], bool]:
    return lambda v: v > lo


def _at_least(lo: float) -> Callable[[Any], bool]:
    return lambda v: v >= lo


SCORERS = "a rapidfuzz.fuzz scorer such as ratio, partial_ratio, token_sort_ratio, token_set_ratio or WRatio"
RULES: tuple[tuple[str, Callable[[Any], bool], str], ...] = (
    ("clean.min_part_zipf", _between(0, 8), "between 0 and 8 (wordfreq's Zipf scale)"),
    ("schemes.scorer", is_scorer, SCORERS),
    ("schemes.cutoff", _between(0, 100), "between 0 and 100"),
    ("link.scorer", is_scorer, SCORERS),
    ("link.cutoff", _between(0, 100), "between 0 and 100"),
    ("link.processor", _processor, "content_words, default_process or none"),
    ("link.horizon_meetings", _at_least(0), "0 or more"),
    ("link.flag_older_than", _duration, "a duration such as 28d, 4w, 3m or 1y"),
    ("fetch.user_agent", _one_line, "one line of text"),
    ("fetch.requests_per_second", _above(0), "above 0"),
    ("fetch.max_concurrency", _at_least(1), "1 or more"),
    ("fetch.timeout_seconds", _above(0), "above 0"),
    ("fetch.deadline_seconds", _above(0), "above 0"),
    ("fetch.max_response_mb", _above(0), "above 0"),
    ("fetch.retries", _at_least(0), "0 or more"),
    ("fetch.backoff_seconds", _at_least(0), "0 or more"),
    ("fetch.max_backoff_seconds", _at_least(0), "0 or more"),
    ("ingest.workers", _at_least(0), "0 or more (0 = one per core)"),
    ("ingest.queue_size", _at_least(1), "1 or more"),
    ("ingest.max_seconds_per_document", _at_least(0), "0 or more (0 = no limit)"),
    ("ingest.max_memory_mb", lambda v: v == 0 or v >= 256, "0 (no limit) or 256 or more"),
)


def _value(config: Config, path: str) -> Any:
    value: Any = config
    for part in path.split("."):
        value = getattr(value, part)
    return value


def check_values(config: Config) -> list[str]:
    """One line per value that breaks its rule (empty when all is well)."""
    problems = []
    for path, ok, must in RULES:
        value = _value(config, path)
        if not ok(value):
            problems.append(f"{path}: {value!r} is not allowed: must be {must}")
    for i, theme in enumerate(config.themes):
        where = f"themes[{i}]"
        if not theme.name.strip():
            problems.append(f"{where}.name: must not be empty")
        if not theme.phrases and not theme.patterns:
            problems.append(f"{where} ({theme.name}): needs phrases or patterns")
        for j, phrase in enumerate(theme.phrases):
            if not phrase.strip():
                problems.append(f"{where}.phrases[{j}]: must not be empty")
        for j, pattern in enumerate(theme.patterns):
            if not (isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)):
                problems.append(f"{where}.patterns[{j}]: must be a list of token patterns (mappings)")
    return problems
