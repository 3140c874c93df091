"""``python -m pipeline.cli``: the same as the ``minutes`` console script."""

from . import main

main(prog_name="minutes")
