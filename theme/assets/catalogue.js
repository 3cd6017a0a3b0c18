// Site-wide catalogue: filters and sorting. Without this script the page shows the complete table.
(function () {
  "use strict";
  var form = document.getElementById("catalogue-filters");
  var table = document.getElementById("site-catalogue");
  var count = document.getElementById("catalogue-count");
  if (!form || !table || !count) return;

  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = selects.every(function (s) {
        return s.value === "" || row.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
      });
      row.hidden = !match;
      if (match) shown++;
    });
    count.textContent = shown === 0
      ? count.getAttribute("data-none")
      : count.getAttribute("data-format").replace("{0}", shown).replace("{1}", rows.length);
  }

  function value(row, key) {
    var v = row.getAttribute("data-" + key);
    if (key === "region") return v || "";
    return v === null ? -Infinity : parseFloat(v);
  }

  function sortBy(th) {
    var key = th.getAttribute("data-sort");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  table.querySelectorAll("th[data-sort]").forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(th); });
  });

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
