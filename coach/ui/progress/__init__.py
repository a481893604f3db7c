"""Progress: the summary, charts, table, outcome measures and the clinic report export."""
