"""`python -m generator`: the `handbook` command."""

from generator.cli import main

main()
