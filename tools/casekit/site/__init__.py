"""The case library site: which cases may be published, and the pages generated from them.

The core (:mod:`~casekit.site.gate`, :mod:`~casekit.site.catalog`,
:mod:`~casekit.site.pages`) knows nothing about MkDocs; :mod:`~casekit.site.hooks` is the
thin MkDocs adapter named in ``mkdocs.yml``.
"""
