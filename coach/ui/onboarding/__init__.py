"""First run: the wizard that creates a profile and its plan."""
