"""Allows ``python -m kinerja_desktop`` and is the entry script of the packaged build."""

import sys

from kinerja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
