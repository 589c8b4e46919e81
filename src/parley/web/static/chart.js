/* Parley timeline chart, written for Parley (no library). Reads the day series from the
 * <script type="application/json"> next to each figure.chart and draws inline SVG:
 *   top: events and quotes per day (bars);
 *   bottom: the conflict-cooperation line, the sum of Goldstein scores per day by QuadClass.
 * Values reach the DOM only through textContent and numeric attributes (no innerHTML). */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUADS = [
    ["1", "verbal cooperation", "#4c9be8"],
    ["2", "material cooperation", "#1f7a3a"],
    ["3", "verbal conflict", "#e8913a"],
    ["4", "material conflict", "#b3261e"]
  ];

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function label(parent, x, y, text, anchor) {
    var t = el("text", { x: x, y: y, "text-anchor": anchor || "middle" }, parent);
    t.textContent = text;
    return t;
  }

  function tip(node, text) {
    var t = el("title", {}, node);
    t.textContent = text;
  }

  function draw(figure) {
    var source = document.getElementById(figure.getAttribute("data-chart-source"));
    var canvas = figure.querySelector(".chart-canvas");
    if (!source || !canvas) { return; }
    var days = JSON.parse(source.textContent || "[]");
    if (!days.length) { return; }
    var W = 900, left = 48, right = 16, barH = 110, lineTop = 160, lineH = 180, H = lineTop + lineH + 40;
    var n = days.length, step = (W - left - right) / n;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "timeline-svg" });
    var title = el("title", {}, svg);
    title.textContent = "Events and quotes per day; Goldstein sum per day by QuadClass";

    // Bars: events and quotes per day.
    var maxCount = 1;
    days.forEach(function (d) { maxCount = Math.max(maxCount, d.events || 0, d.quotes || 0); });
    label(svg, 4, 14, "per day", "start");
    var bars = el("g", { "class": "bars" }, svg);
    days.forEach(function (d, i) {
      var w = Math.max(1, Math.min(step * 0.38, 36)), x = left + (i + 0.5) * step - w;
      var he = (d.events || 0) / maxCount * barH, hq = (d.quotes || 0) / maxCount * barH;
      var be = el("rect", { x: x, y: 20 + barH - he, width: w, height: he, fill: "#1d2330", "class": "bar-events" }, bars);
      tip(be, d.day + ": " + (d.events || 0) + " events");
      var bq = el("rect", { x: x + w, y: 20 + barH - hq, width: w, height: hq, fill: "#9aa7c7", "class": "bar-quotes" }, bars);
      tip(bq, d.day + ": " + (d.quotes || 0) + " quotes");
    });
    label(svg, left - 6, 24, String(maxCount), "end");
    label(svg, left - 6, 20 + barH, "0", "end");

    // Lines: Goldstein sum per QuadClass per day.
    var lo = 0, hi = 0;
    days.forEach(function (d) {
      QUADS.forEach(function (q) {
        var v = (d.goldstein || {})[q[0]] || 0;
        lo = Math.min(lo, v); hi = Math.max(hi, v);
      });
    });
    if (hi === lo) { hi = lo + 1; }
    function y(v) { return lineTop + (hi - v) / (hi - lo) * lineH; }
    el("line", { x1: left, x2: W - right, y1: y(0), y2: y(0), stroke: "#888", "stroke-dasharray": "4 3" }, svg);
    label(svg, left - 6, y(hi) + 4, hi.toFixed(1), "end");
    label(svg, left - 6, y(lo) + 4, lo.toFixed(1), "end");
    label(svg, left - 6, y(0) + 4, "0", "end");
    label(svg, 4, lineTop - 8, "Goldstein sum", "start");
    var lines = el("g", { "class": "lines" }, svg);
    QUADS.forEach(function (q) {
      var pts = days.map(function (d, i) {
        var v = (d.goldstein || {})[q[0]] || 0;
        return [left + (i + 0.5) * step, y(v), v, d.day];
      });
      el("polyline", {
        points: pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "),
        fill: "none", stroke: q[2], "stroke-width": 2, "class": "quad-line quad-line-" + q[0]
      }, lines);
      pts.forEach(function (p) {
        if (p[2] !== 0) {
          var c = el("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 3.5, fill: q[2] }, lines);
          tip(c, p[3] + " · " + q[1] + ": " + p[2]);
        }
      });
    });

    // Day labels: at most ~12 so they never overlap.
    var every = Math.max(1, Math.ceil(n / 12));
    days.forEach(function (d, i) {
      if (i % every === 0) { label(svg, left + (i + 0.5) * step, H - 12, String(d.day).slice(5)); }
    });

    var legend = document.createElement("div");
    legend.className = "chart-legend";
    [["#1d2330", "events"], ["#9aa7c7", "quotes"]].concat(QUADS.map(function (q) { return [q[2], "Q" + q[0] + " " + q[1]]; }))
      .forEach(function (item) {
        var span = document.createElement("span");
        var sw = document.createElement("i");
        sw.style.background = item[0];
        span.appendChild(sw);
        span.appendChild(document.createTextNode(item[1]));
        legend.appendChild(span);
      });
    canvas.appendChild(svg);
    canvas.appendChild(legend);
    figure.setAttribute("data-drawn", "true");
  }

  document.querySelectorAll("figure.chart").forEach(draw);
})();
