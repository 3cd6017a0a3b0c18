// Replaces each chart's static SVG with an interactive Chart.js canvas. Without JavaScript, or if anything fails,
// the SVG and the data table stay.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;

  var sitePlugin = {
    id: "gongkai",
    afterDatasetsDraw: function (chart, args, options) {
      var ctx = chart.ctx, x = chart.scales.x, y = chart.scales.y, area = chart.chartArea;
      ctx.save();
      ctx.font = "13px system-ui, sans-serif";
      ctx.fillStyle = "#1b1b1b";
      (options.thresholds || []).forEach(function (t) {
        var px = x.getPixelForValue(t.value);
        ctx.strokeStyle = "#505a5f";
        ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
        ctx.setLineDash([]);
        ctx.textAlign = "center";
        ctx.fillText(t.label, px, area.top - 4);
      });
      ctx.textAlign = "left";
      var meta = chart.getDatasetMeta(chart.data.datasets.length - 1);
      (options.notes || []).forEach(function (note, i) {
        var bar = meta.data[i];
        if (bar && note) ctx.fillText(note, bar.x + 4, bar.y + 4);
      });
      (options.targets || []).forEach(function (target, i) {
        var bar = meta.data[i];
        if (!bar || target === null) return;
        var px = x.getPixelForValue(target);
        ctx.strokeStyle = "#1b1b1b";
        ctx.lineWidth = 3;
        ctx.beginPath(); ctx.moveTo(px, bar.y - 12); ctx.lineTo(px, bar.y + 12); ctx.stroke();
      });
      ctx.restore();
    }
  };

  // Long Chinese titles would squeeze the bars on a phone; the full label is in the tooltip and the table.
  function shorten(label, width) {
    var max = width < 500 ? 8 : 18;
    return label.length > max ? label.slice(0, max - 1) + "…" : label;
  }

  function draw(figure, config) {
    var holder = figure.querySelector(".chart-draw");
    var svg = holder.querySelector("svg");
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", figure.querySelector("figcaption").textContent);
    var wrap = document.createElement("div");
    wrap.style.position = "relative";
    wrap.style.height = (config.data.labels.length * (config.data.datasets.length > 1 && !config.options.scales.x.stacked ? 44 : 32) + 70) + "px";
    wrap.appendChild(canvas);
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.animation = false;
    config.options.layout = { padding: { top: 18, right: 40 } };
    config.options.scales.y.ticks = { callback: function (value) { return shorten(this.getLabelForValue(value), this.chart.width); } };
    var whole = config.data.datasets.every(function (d) { return d.data.every(function (v) { return v % 1 === 0; }); });
    if (whole) config.options.scales.x.ticks = { precision: 0 };
    var unit = config.options.plugins.gongkai.unit;
    config.options.plugins.tooltip = {
      callbacks: {
        title: function (items) { return items[0].label; },
        label: function (item) {
          var note = (config.options.plugins.gongkai.notes || [])[item.dataIndex];
          return item.dataset.label + "：" + item.formattedValue + " " + unit + (note ? "（" + note + "）" : "");
        }
      }
    };
    config.plugins = [sitePlugin];
    new Chart(canvas, config);
    svg.setAttribute("hidden", "");
    holder.appendChild(wrap);
  }

  function load(figure) {
    fetch(figure.getAttribute("data-chart"))
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (config) { draw(figure, config); })
      .catch(function () { /* keep the SVG */ });
  }

  // Draw a chart only when it comes near the screen: the page stays responsive while it loads on a slow phone.
  var figures = document.querySelectorAll("figure.chart[data-chart]");
  if (!("IntersectionObserver" in window)) {
    figures.forEach(load);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      load(entry.target);
    });
  }, { rootMargin: "200px" });
  figures.forEach(function (figure) { observer.observe(figure); });
})();
