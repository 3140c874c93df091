"""config.yaml -> validated frozen dataclasses.

The defaults are packaged with the code (``pipeline/defaults.yaml``: the theme
taxonomy, the follow-through phrases, every key), so an installed copy has
them; the user's config.yaml is read on top of them. The dataclasses below
give each key its type (and a fallback value for a key the defaults file
leaves out). An unknown key or a value of the wrong type fails with the key's
full path, so a typo never silently turns a rule off.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent  # a source checkout's root (corpus/, tests/gold)
DEFAULTS_FILE = PACKAGE_DIR / "defaults.yaml"  # package data: listed in pyproject.toml
USER_CONFIG = Path("config.yaml")  # the user's file, in the current directory


@dataclass(frozen=True)
class CleanConfig:
    """Text repair: mojibake, odd spaces, words glued at element boundaries."""

    fix_mojibake: bool = True
    split_glued_words: bool = True
    # A glued token is split only when every part is at least this common
    # (wordfreq Zipf scale) and the token itself is not a known word.
    min_part_zipf: float = 3.0


@dataclass(frozen=True)
class ThemeConfig:
    """One theme of the taxonomy: a name and the phrases that signal it."""

    name: str
    phrases: tuple[str, ...] = ()
    # Optional spaCy token patterns (list of token dicts per pattern).
    patterns: tuple[Any, ...] = ()
    # A sub-theme names its theme: a fact tagged with it is tagged with both.
    parent: str | None = None
    # Phrases that signal the theme only in an agenda item's title ("Planning").
    title_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SchemesConfig:
    scorer: str = "token_sort_ratio"  # a rapidfuzz.fuzz function name
    cutoff: float = 88.0


#: The text processors pipeline/link/text.py has, by the name link.processor takes.
LINK_PROCESSORS = ("content_words", "default_process", "none")


@dataclass(frozen=True)
class LinkConfig:
    scorer: str = "token_set_ratio"
    cutoff: float = 80.0
    done_phrases: tuple[str, ...] = ()
    progress_phrases: tuple[str, ...] = ()
    outstanding_phrases: tuple[str, ...] = ()
    # follow-through (pipeline/link): see the `link:` section of config.yaml
    processor: str = "content_words"  # "content_words" | "default_process" | "none"
    superseded_phrases: tuple[str, ...] = ()
    dropped_phrases: tuple[str, ...] = ()
    review_phrases: tuple[str, ...] = ()  # "matters arising", "action log", ...
    horizon_meetings: int = 6  # later meetings of the committee searched by text similarity
    flag_older_than: str = "28d"  # `minutes flag` default: quiet about younger actions
    future_phrases: tuple[str, ...] = ()  # "will be circulated": not done yet
    untrackable_phrases: tuple[str, ...] = ()  # "would look into it": too vague to check
    match_cutoff: float = 55.0  # % of an action's weighted terms a later sentence must share
    parent_bodies: tuple[str, ...] = ()  # "Child committee > Parent committee": evidence in both


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = "minutes-miner (+https://github.com/minutes-miner)"
    requests_per_second: float = 1.0
    max_concurrency: int = 2
    timeout_seconds: float = 30.0  # per connect / read / write
    deadline_seconds: float = 120.0  # the whole of one request: headers and body
    max_response_mb: float = 100.0  # a longer answer is dropped, never held whole
    retries: int = 4
    # Wait before retry n is backoff_seconds * 2**(n-1), capped at max_backoff_seconds.
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 60.0


@dataclass(frozen=True)
class IngestConfig:
    workers: int = 0  # 0 = number of cores
    queue_size: int = 8
    # Per document, in a worker process: over either, the document is one
    # `problems` row and the batch goes on (0 = no limit).
    max_seconds_per_document: float = 300.0
    max_memory_mb: int = 2048


@dataclass(frozen=True)
class Config:
    clean: CleanConfig = field(default_factory=CleanConfig)
    themes: tuple[ThemeConfig, ...] = ()
    schemes: SchemesConfig = field(default_factory=SchemesConfig)
    link: LinkConfig = field(default_factory=LinkConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)


def _build(cls: type, data: Any, path: str, problems: list[str] | None = None) -> Any:
    """Build dataclass ``cls`` from ``data``, rejecting unknown keys. With
    ``problems``, every bad key is noted there (and keeps its default)
    instead of stopping at the first."""
    if problems is None:
        found: list[str] = []
        built = _build(cls, data, path, found)
        if found:
            raise ConfigError(found[0], found)
        return built
    if data is None:
        return cls()
    if not isinstance(data, dict):
        problems.append(f"{path or 'config'}: expected a mapping, got {type(data).__name__}")
        return cls()
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    where = f"{path}." if path else ""
    for key in sorted(set(data) - names, key=str):
        problems.append(f"unknown config key {where}{key} (known: {', '.join(sorted(names))})")
    values = {}
    for key, value in data.items():
        if key not in names:
            continue
        try:
            values[key] = _convert(hints[key], value, f"{where}{key}", problems)
        except ConfigError as exc:
            problems.append(str(exc))
    for f in dataclasses.fields(cls):  # required keys (a theme's name) left out
        if (
            f.name not in values
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ):
            problems.append(f"{where}{f.name}: missing (required)")
            values[f.name] = hints[f.name]() if isinstance(hints[f.name], type) else None
    return cls(**values)


def _convert(hint: Any, value: Any, path: str, problems: list[str]) -> Any:
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, path, problems)
    if origin is tuple:
        (item_hint, *_rest) = typing.get_args(hint)
        if not isinstance(value, list):
            raise ConfigError(f"{path}: expected a list")
        return tuple(_convert(item_hint, v, f"{path}[{i}]", problems) for i, v in enumerate(value))
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(inner[0], value, path, problems)
    if hint is Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(hint, type) and not isinstance(value, hint):
        raise ConfigError(f"{path}: expected {hint.__name__}, got {value!r}")
    if hint is int and isinstance(value, bool):
        raise ConfigError(f"{path}: expected int, got {value!r}")
    return value


def load_config(path: str | Path | None = None) -> Config:
    """The packaged defaults with the user's file on top: ``path`` (it must
    exist), else config.yaml in the current directory when there is one.

    A mapping in the user's file merges key by key; any other value (a list
    such as ``themes``, a number) replaces the default. Every problem is a
    line naming the user's file and the key's path."""
    if path is None:
        if not USER_CONFIG.is_file():
            return default_config()
        path = USER_CONFIG
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    return _parse(_merge(_read(DEFAULTS_FILE), _read(path)), path)


@lru_cache(maxsize=1)
def default_config() -> Config:
    """The packaged defaults alone (what a library caller gets without a config)."""
    return _parse(_read(DEFAULTS_FILE), DEFAULTS_FILE)


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        if path == DEFAULTS_FILE:  # a broken install must not run without themes and phrases
            raise ConfigError(f"the packaged defaults are missing ({path}): reinstall minutes-miner") from exc
        raise ConfigError(f"config file not found: {path}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({' '.join(str(exc).split())})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def _merge(base: Any, over: Any) -> Any:
    """``over`` on top of ``base``: mappings merge key by key, an empty value
    (a section whose keys are all commented out) keeps the default, anything
    else replaces it."""
    if over is None:
        return base
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{key: _merge(base.get(key), value) for key, value in over.items()}}
    return over


def _parse(data: Any, path: Path) -> Config:
    problems: list[str] = []
    config = _build(Config, data, "", problems)
    from .config_checks import check_values  # imports rapidfuzz and the link rules

    problems += check_values(config)
    problems = _first_per_key(problems)
    if problems:
        raise ConfigError(f"{path}: {problems[0]}", [f"{path}: {p}" for p in problems])
    return config


def _first_per_key(problems: list[str]) -> list[str]:
    """One line per key path (a missing name is not also an empty one)."""
    seen: set[str] = set()
    out = []
    for problem in problems:
        key = problem.split(":", 1)[0]
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


@lru_cache(maxsize=4)
def cached_config(path: str | None = None) -> Config:
    """``load_config(path)``, parsed once per process: for benchmarks and tests.
    Library code takes its Config as an argument instead (the CLI loads it once
    and passes it down; worker processes get it pickled)."""
    return load_config(path)
