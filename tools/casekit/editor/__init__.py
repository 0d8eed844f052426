"""``casekit edit``: a local authoring app in the browser.

The pieces, core first:

* :mod:`.document` turns what the browser sends (plain JSON) back into the case file's
  own data without losing anything the form does not show (unknown fields, the text of
  numbers, empty fields);
* :mod:`.session` binds the app to one case file: opens it, and saves it atomically in
  the canonical layout, refusing when the file changed on disk since it was opened;
* :mod:`.formschema` derives the form from the case schema at run time (sections in
  CARE order, pick-lists, links between parts);
* :mod:`.live` runs lint, the abstracts and the case page on the case being edited;
* :mod:`.server` serves all this on 127.0.0.1 to the holder of a per-session token.

The browser side (``assets/``) uses the vendored @json-editor/json-editor library
(see ``tools/vendor/json-editor/``).
"""
