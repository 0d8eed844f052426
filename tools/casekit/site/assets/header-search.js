/* A search box in the site's header, on every page (casekit's own, no library).
 * Progressive enhancement: without JavaScript the header has no box and the navigation's
 * Search link leads to the search page. With it, a <form role="search"> goes into the
 * header of either theme (Material or Zensical: both write .md-header__inner); pressing
 * Enter opens the search page with the query (search/?q=...), which runs it at once.
 * On a narrow screen the box hides behind a search button, so the page title keeps its room.
 * Served inside casekit/library-filter.js (see casekit.site.pages.fixed_files), so that
 * both engines load it without a setting of their own. */
(function () {
  "use strict";

  // The site's root, from this script's own address (<root>/casekit/library-filter.js),
  // so the site works from any folder of a web server, or from files.
  var script = document.currentScript;
  var root = script && script.src ? new URL("../", script.src) : null;

  // Icons: "magnify" and "close" from Material Design Icons (Apache License 2.0), the set
  // both themes draw their own icons from.
  var MAGNIFY = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"'
    + ' focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27'
    + '.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5'
    + ' 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var CLOSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"'
    + ' focusable="false"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59'
    + ' 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

  /* The search page's address relative to this page: "../../search/" from a case page;
   * ".../search/index.html" when pages are addressed by file name (use_directory_urls off,
   * or a site opened from files). */
  function searchAddress() {
    var here = window.location.pathname.split("/").slice(0, -1);
    var there = root.pathname.split("/").slice(0, -1);
    var common = 0;
    while (common < here.length && common < there.length && here[common] === there[common]) {
      common += 1;
    }
    var ups = new Array(here.length - common + 1).join("../");
    var down = there.slice(common).map(function (part) { return part + "/"; }).join("");
    var byFile = /\.html?$/.test(window.location.pathname);
    return ups + down + "search/" + (byFile ? "index.html" : "");
  }

  function build() {
    var open = document.createElement("button");
    open.type = "button";
    open.className = "md-header__button md-icon casekit-header-search__open";
    open.setAttribute("aria-label", "Search the case library");
    open.setAttribute("aria-controls", "casekit-header-search");
    open.setAttribute("aria-expanded", "false");
    open.innerHTML = MAGNIFY;

    var form = document.createElement("form");
    form.id = "casekit-header-search";
    form.className = "casekit-header-search";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Search the case library");
    form.method = "get";
    form.innerHTML =
      '<label class="casekit-visually-hidden" for="casekit-header-query">Search the case'
      + " library</label>"
      + '<input id="casekit-header-query" class="casekit-header-search__input" type="search"'
      + ' name="q" placeholder="Search cases" autocomplete="off" enterkeyhint="search"'
      + ' spellcheck="false">'
      + '<button type="submit" class="casekit-header-search__submit">'
      + '<span class="casekit-visually-hidden">Search</span>' + MAGNIFY + "</button>"
      + '<button type="button" class="casekit-header-search__close">'
      + '<span class="casekit-visually-hidden">Close the search box</span>' + CLOSE
      + "</button>";
    return {open: open, form: form};
  }

  function setUp() {
    var header = document.querySelector(".md-header__inner");
    if (!header || !root) return;
    var existing = document.getElementById("casekit-header-search");
    if (existing) { // Material's instant navigation keeps the header: only the address moves
      existing.setAttribute("action", searchAddress());
      return;
    }
    var parts = build();
    var open = parts.open, form = parts.form;
    var input = form.querySelector("input");
    form.setAttribute("action", searchAddress());
    var title = header.querySelector(".md-header__title");
    var after = title ? title.nextSibling : null;
    header.insertBefore(open, after);
    header.insertBefore(form, after);

    function show(shown) { // only changes anything on a narrow screen (see header-search.css)
      header.classList.toggle("casekit-search-open", shown);
      open.setAttribute("aria-expanded", shown ? "true" : "false");
    }
    open.addEventListener("click", function () {
      show(true);
      input.focus();
    });
    form.querySelector(".casekit-header-search__close").addEventListener("click", function () {
      show(false);
      open.focus();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("casekit-search-open")) {
        show(false);
        open.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) { // an empty box goes nowhere
        event.preventDefault();
        input.focus();
      }
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp); // Material's instant navigation, if switched on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
