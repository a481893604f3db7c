"""Reports and printable output: CSV, PDF and the exercise figures as SVG."""
