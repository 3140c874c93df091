"""Builds the spaCy pipeline: blank English plus the project's rule components.

No statistical model is used (none can be downloaded, none is needed). Each
extractor module registers a factory named ``minutes_<kind>``; their order
here matters only where one reads another's spans (actions read resolutions).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .config import Config, cached_config

#: Factories in pipeline order. Importing ``extractors`` registers them.
COMPONENTS = (
    "minutes_sentences",
    "minutes_money",
    "minutes_schemes",
    "minutes_resolutions",
    "minutes_actions",
    "minutes_themes",
)


def build_nlp(config: Config) -> Language:
    """A fresh pipeline for ``config``; components take their settings from it."""
    import extractors  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    for name in COMPONENTS:
        if name in Language.factories:
            nlp.add_pipe(name, config={"settings": config_key(config)} if _takes_settings(name) else {})
    return nlp


def config_key(config: Config) -> str:
    """Components receive the config path key, not the object (spaCy configs must be JSON)."""
    return getattr(config, "_source_path", "") or ""


def _takes_settings(name: str) -> bool:
    meta = Language.get_factory_meta(name)
    return "settings" in (meta.default_config or {})


@lru_cache(maxsize=2)
def nlp_for(config_path: str | None = None) -> Language:
    """One pipeline per process and config (building it compiles patterns)."""
    return build_nlp(cached_config(config_path))
