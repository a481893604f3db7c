"""The frozen program's entry: the same main() as the ``rehab-coach`` console script."""

import sys

from coach.__main__ import main

sys.exit(main())
