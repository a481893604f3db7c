"""Screenshot scenes for ``rehab-coach screenshot``: demo data staged on real screens.

A tool above the product: commands import it, product code never does.
"""
