// Search page: loads the Pagefind index only when a search starts, then shows results with excerpts and filters.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;

  var base = root.getAttribute("data-base");
  var merge = (root.getAttribute("data-merge") || "").split(" ").filter(Boolean);
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var panel = document.getElementById("search-filter-panel");
  var fieldset = document.getElementById("search-filters");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var text = JSON.parse(document.getElementById("search-strings").textContent);
  var filterKeys = ["region", "year", "category", "grade", "status", "type"];
  var selects = {};
  var engine = null;
  var timer = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(base + "pagefind/pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: base }).then(function () { return pagefind; });
      }).then(function (pagefind) {
        // A large archive is indexed in shards: the other shards' indexes join the first one's.
        return Promise.all(merge.map(function (folder) { return pagefind.mergeIndex(base + folder); }))
          .then(function () { return pagefind; });
      }).then(function (pagefind) {
        return pagefind.filters().then(function (filters) { buildFilters(filters); return pagefind; });
      });
    }
    return engine;
  }

  function buildFilters(filters) {
    filterKeys.forEach(function (key) {
      var values = filters[key];
      if (!values || Object.keys(values).length === 0) return;
      var wrap = document.createElement("div");
      var label = document.createElement("label");
      var select = document.createElement("select");
      select.id = "search-filter-" + key;
      select.name = key;
      label.htmlFor = select.id;
      label.textContent = text[key];
      var all = document.createElement("option");
      all.value = "";
      all.textContent = text.all;
      select.appendChild(all);
      Object.keys(values).sort().forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value + " (" + values[value] + ")";
        select.appendChild(option);
      });
      var wanted = new URLSearchParams(location.search).get(key);
      if (wanted) {
        select.value = wanted;
        panel.open = true;
      }
      select.addEventListener("change", run);
      selects[key] = select;
      wrap.appendChild(label);
      wrap.appendChild(select);
      fieldset.appendChild(wrap);
    });
    panel.hidden = false;
  }

  function chosenFilters() {
    var chosen = {};
    Object.keys(selects).forEach(function (key) {
      if (selects[key].value) chosen[key] = selects[key].value;
    });
    return chosen;
  }

  function remember(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (key) { params.set(key, filters[key]); });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function render(results, items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title || item.url;
      var heading = document.createElement("h2");
      heading.appendChild(link);
      li.appendChild(heading);
      var facts = [item.meta.region, item.meta.year, item.meta.grade, item.meta.score ? text.score.replace("{0}", item.meta.score) : ""]
        .filter(function (x) { return x; });
      if (facts.length) {
        var meta = document.createElement("p");
        meta.className = "search-meta";
        meta.textContent = facts.join(" · ");
        li.appendChild(meta);
      }
      var excerpt = document.createElement("p");
      excerpt.className = "search-excerpt";
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the page text; only its <mark> tags are markup.
      li.appendChild(excerpt);
      list.appendChild(li);
    });
    status.textContent = results.length === 0 ? text.none : text.count.replace("{0}", results.length);
  }

  function run() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var ticket = ++latest;
    remember(query, filters);
    if (!query && Object.keys(filters).length === 0) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = text.loading;
    load().then(function (pagefind) {
      return pagefind.search(query || null, { filters: filters });
    }).then(function (search) {
      if (ticket !== latest) return null;
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        if (ticket === latest) render(search.results, items);
      });
    }).catch(function () {
      status.textContent = text.error;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (input.value || filterKeys.some(function (k) { return params.get(k); })) {
    load().then(run);
  }
})();
