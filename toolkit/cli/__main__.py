"""``python -m toolkit.cli``: the same as the ``confide`` command."""

from toolkit.cli import main

main(prog_name="confide")
