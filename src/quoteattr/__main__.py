"""Run the command line: ``python -m quoteattr``."""

import sys

from quoteattr.cli import main

sys.exit(main())
