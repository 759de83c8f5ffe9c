"""``python -m presslens``: the ``presslens`` command."""

from presslens.cli import main

main(prog_name="presslens")
