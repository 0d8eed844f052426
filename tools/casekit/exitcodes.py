"""Exit codes shared by every command."""

OK = 0
#: The files were read, and at least one has an error (or, for render, does not fit).
PROBLEMS = 1
#: The command line was wrong, or casekit itself failed.
USAGE = 2
