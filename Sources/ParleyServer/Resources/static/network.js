// Parley's network view: fetches /api/v1/network and draws it as SVG with a small force layout of our own.
// The page works without this script (the table of links below it); with it, the graph redraws as the
// year sliders move and a click (or Enter) on a node opens that node's page.
(function () {
  "use strict";
  var box = document.getElementById("net-canvas");
  var form = document.getElementById("net-form");
  if (!box || !form || !window.fetch) return;
  var NS = "http://www.w3.org/2000/svg";
  var from = document.getElementById("n-from"), to = document.getElementById("n-to"), kind = document.getElementById("n-kind"), channel = document.getElementById("n-channel");
  var fromOut = document.getElementById("n-from-out"), toOut = document.getElementById("n-to-out");
  var status = document.getElementById("net-status");
  var timer = null, running = null;

  function href(k, id) {
    if (k === "people") return "/people/" + encodeURIComponent(id);
    if (k === "organizations") return "/organizations/" + encodeURIComponent(id);
    return "/countries/" + encodeURIComponent(id);
  }

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // Fruchterman-Reingold: nodes repel as k²/d, linked nodes attract as d²/k, moves are capped by a cooling
  // temperature; a weak pull to the centre keeps separate groups on screen.
  function layout(nodes, edges, w, h) {
    var index = {};
    nodes.forEach(function (n, i) {
      index[n.id] = n;
      var a = (i / Math.max(1, nodes.length)) * Math.PI * 2;
      n.x = w / 2 + Math.cos(a) * w / 4; n.y = h / 2 + Math.sin(a) * h / 4;
    });
    var links = edges.map(function (e) { return { s: index[e.source], t: index[e.target], w: e.events }; })
      .filter(function (l) { return l.s && l.t; });
    var k = 0.35 * Math.sqrt((w * h) / Math.max(1, nodes.length));
    // Gravity strong enough that the repulsion of all nodes balances it about 0.38 of the smaller side out.
    var radius = 0.38 * Math.min(w, h), g = Math.max(0.02, nodes.length * (k / radius) * (k / radius));
    var steps = 300, temp = w / 8;
    for (var step = 0; step < steps; step++) {
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = (k * k) / d / d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      links.forEach(function (l) {
        var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = d / k;
        l.s.dx += dx * f; l.s.dy += dy * f; l.t.dx -= dx * f; l.t.dy -= dy * f;
      });
      nodes.forEach(function (n) {
        n.dx += (w / 2 - n.x) * g; n.dy += (h / 2 - n.y) * g;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.01, m = Math.min(d, temp);
        n.x = Math.max(30, Math.min(w - 30, n.x + n.dx / d * m));
        n.y = Math.max(30, Math.min(h - 30, n.y + n.dy / d * m));
      });
      temp = Math.max(0.5, temp * 0.985);
    }
    return links;
  }

  function draw(graph) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var w = box.clientWidth || 900, h = box.clientHeight || 560;
    var svg = el("svg", { viewBox: "0 0 " + w + " " + h, role: "group", "aria-label": "Network graph" });
    var links = layout(graph.nodes, graph.edges, w, h);
    var maxW = links.reduce(function (m, l) { return Math.max(m, l.w); }, 1);
    links.forEach(function (l) {
      svg.appendChild(el("line", { "class": "edge", x1: l.s.x, y1: l.s.y, x2: l.t.x, y2: l.t.y, "stroke-width": 1 + 5 * l.w / maxW }));
    });
    var maxN = graph.nodes.reduce(function (m, n) { return Math.max(m, n.events); }, 1);
    graph.nodes.forEach(function (n) {
      var a = el("a", { "class": "node", href: href(graph.kind, n.id), tabindex: "0" });
      var c = el("circle", { cx: n.x, cy: n.y, r: 4 + 10 * Math.sqrt(n.events / maxN) });
      var t = el("title", {}); t.textContent = n.label + " — " + n.events + " events";
      c.appendChild(t); a.appendChild(c);
      var right = n.x > w * 0.8;
      var label = el("text", { x: right ? n.x - 8 : n.x + 8, y: n.y - 8, "text-anchor": right ? "end" : "start" }); label.textContent = n.label;
      a.appendChild(label);
      svg.appendChild(a);
    });
    box.appendChild(svg);
    box.removeAttribute("aria-hidden");
    status.textContent = graph.nodes.length + " nodes, " + graph.edges.length + " links. Click a node (or focus it and press Enter) to open its page.";
  }

  function load() {
    var lo = Math.min(+from.value, +to.value), hi = Math.max(+from.value, +to.value);
    fromOut.textContent = lo; toOut.textContent = hi;
    from.setAttribute("aria-valuetext", lo); to.setAttribute("aria-valuetext", hi);
    var q = "kind=" + encodeURIComponent(kind.value) + "&from=" + lo + "&to=" + hi + "&limit=150"
      + (channel && channel.value ? "&channel=" + encodeURIComponent(channel.value) : "");
    var mine = running = {};
    fetch("/api/v1/network?" + q).then(function (r) { return r.json(); }).then(function (g) {
      if (mine === running && g.nodes) draw(g);
    }).catch(function () { status.textContent = "The network could not be loaded."; });
    if (window.history && history.replaceState) history.replaceState(null, "", "/network?" + q.replace("&limit=150", ""));
  }

  function later() { clearTimeout(timer); timer = setTimeout(load, 200); }
  from.addEventListener("input", later);
  to.addEventListener("input", later);
  kind.addEventListener("change", load);
  if (channel) channel.addEventListener("change", load);
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  load();
})();
