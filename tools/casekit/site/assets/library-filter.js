/* Progressive enhancement for the case library index (casekit's own, no library).
 * Without JavaScript every case card is listed and the tag pages do the filtering. With it,
 * the facet filters appear: ticking values narrows the cards (any ticked value within a
 * facet, every facet with a ticked value), the counts beside each value say how many cards
 * it would show, the cards can be sorted, and a status line says how many are shown.
 * A tag can also be chosen from the address: library/?tag=theme:diagnosis-of-exclusion */
(function () {
  "use strict";

  function tagsOf(card) {
    return (card.getAttribute("data-tags") || "").split(" ");
  }

  function number(card, name) {
    var value = card.getAttribute("data-" + name);
    return value === "" || value === null ? NaN : parseFloat(value);
  }

  var ORDERS = {
    title: function (a, b) {
      return a.getAttribute("data-title") < b.getAttribute("data-title") ? -1 : 1;
    },
    newest: byNumber("year", -1),
    oldest: byNumber("year", 1),
    youngest: byNumber("age", 1),
    "oldest-patient": byNumber("age", -1)
  };

  function byNumber(name, direction) {
    return function (a, b) {
      var x = number(a, name), y = number(b, name);
      if (isNaN(x) && isNaN(y)) return ORDERS.title(a, b);
      if (isNaN(x)) return 1; // cards without the value go last
      if (isNaN(y)) return -1;
      return x === y ? ORDERS.title(a, b) : (x - y) * direction;
    };
  }

  function setUp() {
    var form = document.getElementById("casekit-filter");
    var list = document.getElementById("casekit-library");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(list.querySelectorAll(".casekit-card"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var sort = form.querySelector("select[name=sort]");
    var status = document.getElementById("casekit-filter-count");

    function chosen() {
      var byKind = {};
      boxes.forEach(function (box) {
        if (box.checked) (byKind[box.name] = byKind[box.name] || []).push(box.value);
      });
      return byKind;
    }

    function matches(card, byKind, skipKind) {
      var tags = tagsOf(card);
      return Object.keys(byKind).every(function (kind) {
        if (kind === skipKind) return true;
        return byKind[kind].some(function (t) { return tags.indexOf(t) !== -1; });
      });
    }

    function apply() {
      var byKind = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var match = matches(card, byKind, null);
        card.hidden = !match;
        if (match) shown += 1;
      });
      boxes.forEach(function (box) {
        var n = cards.filter(function (card) {
          return matches(card, byKind, box.name) && tagsOf(card).indexOf(box.value) !== -1;
        }).length;
        var count = box.parentNode.querySelector(".casekit-count");
        if (count) count.textContent = "(" + n + ")";
        box.parentNode.classList.toggle("casekit-none", n === 0 && !box.checked);
      });
      if (status) {
        status.textContent = shown === cards.length
          ? "Showing all " + cards.length + " cases."
          : "Showing " + shown + " of " + cards.length + " cases.";
      }
    }

    function reorder() {
      var order = ORDERS[sort && sort.value] || ORDERS.title;
      cards.slice().sort(order).forEach(function (card) { list.appendChild(card); });
    }

    boxes.forEach(function (box) { box.addEventListener("change", apply); });
    if (sort) sort.addEventListener("change", reorder);
    form.addEventListener("reset", function () {
      setTimeout(function () { reorder(); apply(); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var fromAddress = new URLSearchParams(window.location.search).get("tag");
    if (fromAddress) {
      boxes.forEach(function (box) {
        if (box.value === fromAddress) box.checked = true;
      });
    }
    var facets = form.querySelector("details.casekit-facets");
    if (facets && (fromAddress || window.matchMedia("(min-width: 60em)").matches)) {
      facets.open = true; // on a wide screen, or when a tag came with the address
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
