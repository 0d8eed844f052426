"""One module per sub-command; each has ``register(subparsers)``.

A command module only reads its arguments, calls the core library and returns an
exit code (see :mod:`casekit.exitcodes`).
"""
