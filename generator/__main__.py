"""`python -m generator`: the `handbook` command."""

import sys

try:
    from generator.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command is still starting: no traceback
    sys.exit(130)

main()
