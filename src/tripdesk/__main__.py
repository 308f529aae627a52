"""`python -m tripdesk` is the `tripdesk` command."""

import sys

from .cli import main

sys.exit(main())
