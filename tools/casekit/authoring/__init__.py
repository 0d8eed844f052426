"""Helpers for writing and keeping case files: formatting, skeletons, migrations,
reference import and progress display. The ``casekit`` commands are thin adapters
over these modules."""
