"""The Datasette UI as `minutes serve` configures it, in-process, for the tests
that drive it without a server (test_serve, test_tracker_ui, test_serve_limits).
Import after ``pytest.importorskip("datasette")``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from datasette.app import Datasette

from pipeline.web import launch


def app(path: str | Path, *, public: bool = False, hosts: tuple[str, ...] = ()) -> Datasette:
    """The app over the store at ``path`` (already ``launch.prepare``d): metadata,
    settings, templates, plugins and static files as `minutes serve` passes them."""
    return Datasette(
        [str(path)],
        metadata=launch.metadata(path, allowed_hosts=hosts),
        settings=launch.settings_dict(public=public),
        template_dir=str(launch.TEMPLATES),
        plugins_dir=str(launch.PLUGINS),
        static_mounts=[(launch.STATIC_MOUNT, str(launch.STATIC))],
    )


def get(ds: Datasette, path: str, **headers: str):  # type: ignore[no-untyped-def]
    return asyncio.run(ds.client.get(path, headers=headers or None))
