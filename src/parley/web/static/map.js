// The events map: draws country outlines and event points as SVG (equirectangular), offline.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("world-map");
  if (!svg) { return; }
  var status = document.getElementById("map-status");
  var list = document.querySelector("#map-list tbody");
  var QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function x(lon) { return ((lon + 180) / 360) * 1000; }
  function y(lat) { return ((90 - lat) / 180) * 500; }

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function drawWorld(world) {
    var group = el("g", { "class": "countries" });
    world.features.forEach(function (f) {
      var d = "";
      f.geometry.coordinates.forEach(function (poly) {
        poly.forEach(function (ring) {
          ring.forEach(function (p, i) {
            d += (i ? "L" : "M") + x(p[0]).toFixed(1) + " " + y(p[1]).toFixed(1);
          });
          d += "Z";
        });
      });
      var path = el("path", { d: d, "class": "country" });
      var title = el("title", {});
      title.textContent = f.properties.name || f.id || "";
      path.appendChild(title);
      group.appendChild(path);
    });
    svg.appendChild(group);
  }

  function drawEvents(events) {
    var group = el("g", { "class": "events" });
    events.slice().reverse().forEach(function (e) {
      var r = Math.min(3 + 2 * Math.log(1 + (e.mentions || 1)), 12);
      var dot = el("circle", {
        cx: x(e.lon).toFixed(1), cy: y(e.lat).toFixed(1), r: r.toFixed(1),
        "class": "event quad" + (e.quad_class || 0), "data-id": e.id
      });
      var title = el("title", {});
      title.textContent = [e.day || "", e.label || e.code, (e.source || "?") + " → " + (e.target || "?"),
        e.place + (e.country ? " (" + e.country + ")" : "")].join(" · ");
      dot.appendChild(title);
      group.appendChild(dot);
      var row = document.createElement("tr");
      [e.day || "", (e.label || e.code) + " (" + (QUAD[e.quad_class] || "") + ")",
        e.place || "", String(e.mentions || 1)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        row.appendChild(td);
      });
      list.insertBefore(row, list.firstChild);
    });
    svg.appendChild(group);
  }

  var params = new URLSearchParams();
  ["actor", "since", "until"].forEach(function (k) {
    var v = svg.getAttribute("data-" + k);
    if (v) { params.set(k, v); }
  });
  fetch("/map/world.json").then(function (r) { return r.json(); }).then(function (world) {
    drawWorld(world);
    return fetch("/map/events.json?" + params.toString());
  }).then(function (r) {
    if (!r.ok) { throw new Error("events: HTTP " + r.status); }
    return r.json();
  }).then(function (data) {
    drawEvents(data.events);
    status.textContent = data.events.length + " event(s) with a place.";
    svg.setAttribute("data-ready", String(data.events.length));
  }).catch(function (err) {
    status.textContent = "The map could not load: " + err.message;
    svg.setAttribute("data-ready", "error");
  });
}());
