/* Progressive enhancement for the case library index: reveal the tag filter and hide
 * the rows that do not carry every chosen tag. Without JavaScript the table shows every
 * case and the tag pages do the filtering. A tag can also be chosen from the address:
 * library/?tag=theme:diagnosis-of-exclusion */
(function () {
  "use strict";
  function setUp() {
    var form = document.getElementById("casekit-filter");
    var table = document.getElementById("casekit-library");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = document.getElementById("casekit-filter-count");

    function apply() {
      var wanted = selects.map(function (s) { return s.value; }).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var tags = (row.getAttribute("data-tags") || "").split(" ");
        var match = wanted.every(function (t) { return tags.indexOf(t) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) {
        count.textContent = "Showing " + shown + " of " + rows.length + " cases.";
      }
    }

    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var fromAddress = new URLSearchParams(window.location.search).get("tag");
    if (fromAddress) {
      selects.forEach(function (s) {
        if (s.querySelector('option[value="' + CSS.escape(fromAddress) + '"]')) {
          s.value = fromAddress;
        }
      });
    }
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp); // Material's instant navigation, if switched on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
