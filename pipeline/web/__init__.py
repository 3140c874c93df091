"""The Datasette UI: metadata, templates, static CSS and the source-view
plugin (plugins/). `minutes serve` (pipeline.web.launch) wires them up."""
