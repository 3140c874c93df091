"""Builds the spaCy pipeline: blank English plus the project's rule components.

No statistical model is used (none can be downloaded, none is needed). Each
extractor module registers a factory named ``minutes_<kind>``; their order
here matters only where one reads another's spans (actions read resolutions,
everything may read sentences). Building compiles patterns, so a process keeps
one pipeline per distinct configuration.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import spacy
from spacy.language import Language

from ..config import Config
from ..errors import ExtractError
from . import extractor_module

#: (factory, module under ``extractors``) in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("minutes_sentences", "sentences"),
    ("minutes_money", "money"),
    ("minutes_schemes", "schemes"),
    ("minutes_resolutions", "resolutions"),
    ("minutes_actions", "actions"),
    ("minutes_themes", "themes"),
)

_CACHE: dict[str, Language] = {}
#: id(config) -> (config, pipeline): skips building the JSON key on every document.
_BY_ID: dict[int, tuple[Config, Language]] = {}


def component_config(name: str, config: Config) -> dict[str, Any]:
    """The JSON-able settings a factory accepts, taken from ``config``."""
    meta = Language.get_factory_meta(name)
    accepted = meta.default_config or {}
    out: dict[str, Any] = {}
    if "themes" in accepted:
        out["themes"] = [dataclasses.asdict(t) for t in config.themes]
    if "scorer" in accepted:
        out["scorer"] = config.schemes.scorer
    if "cutoff" in accepted:
        out["cutoff"] = float(config.schemes.cutoff)
    return out


def build_nlp(config: Config) -> Language:
    """A fresh pipeline for ``config``; components take their settings from it."""
    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    for name, module in COMPONENTS:
        extractor_module(module)  # registers the factory; a missing module is an ExtractError
        if name not in Language.factories:
            raise ExtractError(f"extractors/{module}.py registers no spaCy factory {name!r}")
        nlp.add_pipe(name, config=component_config(name, config))
    return nlp


def _key(config: Config) -> str:
    settings = {
        "themes": [dataclasses.asdict(t) for t in config.themes],
        "schemes": dataclasses.asdict(config.schemes),
    }
    return json.dumps(settings, sort_keys=True, default=str)


def nlp_for_config(config: Config) -> Language:
    """One pipeline per process and configuration."""
    hit = _BY_ID.get(id(config))
    if hit is not None and hit[0] is config:
        return hit[1]
    key = _key(config)
    nlp = _CACHE.get(key)
    if nlp is None:
        nlp = _CACHE[key] = build_nlp(config)
    if len(_BY_ID) > 64:
        _BY_ID.clear()
    _BY_ID[id(config)] = (config, nlp)  # holding config keeps its id from being reused
    return nlp
