"""Fuzzy matching as the project does it: a rapidfuzz scorer named in config,
passed explicitly with a processor and a cutoff (below the cutoff is "no
match", never "the closest")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz


def is_scorer(name: Any) -> bool:
    """Is ``name`` a public rapidfuzz.fuzz scorer ("ratio", "token_set_ratio", "WRatio", ...)?"""
    return isinstance(name, str) and not name.startswith("_") and callable(getattr(fuzz, name, None))


def scorer_for(name: str, *, setting: str = "scorer") -> Callable[..., float]:
    """The rapidfuzz.fuzz scorer ``name``; ``setting`` (the config key it came
    from) names it in the error."""
    if not is_scorer(name):
        raise ValueError(f"{setting}: rapidfuzz.fuzz has no scorer {name!r}")
    return getattr(fuzz, name)  # type: ignore[no-any-return]
