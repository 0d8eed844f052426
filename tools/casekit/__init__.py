"""casekit: clinical case reports as structured, checked JSON.

The core library runs in four steps, each a module of its own:
load (:mod:`casekit.loader`) -> validate (:mod:`casekit.validate`) ->
lint (:mod:`casekit.lint`) -> render (:mod:`casekit.render`).
The command line (:mod:`casekit.cli`) and the MkDocs hook are thin adapters around them.
"""

__version__ = "0.1.0"
