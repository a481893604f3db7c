"""Demo data: a throwaway data folder and a plausible, repeatable patient history."""
