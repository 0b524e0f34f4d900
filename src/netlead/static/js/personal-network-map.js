// The leader's personal network map (Cytoscape.js, positions from the server).
//
// netlead.analysis.personal places the contacts: the leader at the centre, the three networks
// (operational, personal, strategic) as sectors, the contacts of a sector grouped by their
// position relative to the leader, stronger ties nearer the centre. This script only draws
// them. A click, or the arrow keys, select a contact and fill the side panel, which links to
// the contact's form; the toolbar downloads the view as PNG or SVG. Data and words come from
// JSON islands (the CSP forbids inline scripts); the contacts table below holds the same data.
(function () {
  "use strict";
  const container = document.getElementById("network-map");
  const island = document.getElementById("map-data");
  if (!container || !island || typeof cytoscape === "undefined") return;
  const data = JSON.parse(island.textContent);
  const words = JSON.parse(document.getElementById("map-texts").textContent);
  const say = (key, values) => (words[key] || key).replace(/%\((\w+)\)s/g, (_, name) => String(values && values[name] !== undefined ? values[name] : ""));

  // Networks by colour (at least 3:1 on white), positions by shape.
  const KINDS = {
    operational: { colour: "#0b7a94", fill: "#dff1f5" },
    personal: { colour: "#3f7a1c", fill: "#e6f2dd" },
    strategic: { colour: "#6a3fb5", fill: "#ece5f7" },
  };
  const SHAPES = { above: "triangle", peer: "ellipse", below: "vee", "": "round-rectangle" };
  const contacts = new Map(data.contacts.map((c) => [c.id, c]));
  const centre = data.size / 2;

  const panel = document.getElementById("map-panel");
  const panelTitle = document.getElementById("map-panel-title");
  const panelBody = panel.querySelector("[data-panel-body]");
  const status = document.getElementById("map-status");

  const announce = (text) => {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  };

  const short = (name) => (name.length > 18 ? name.slice(0, 17) + "…" : name);

  const elements = [
    // The three sectors: one disc cut in three slices, clockwise from the top like the layout.
    {
      group: "nodes",
      data: { id: "sectors", d: data.rim * 2 },
      position: { x: centre, y: centre },
      classes: "sectors",
      selectable: false,
    },
  ];
  data.kinds.forEach((k) => {
    elements.push({
      group: "nodes",
      data: { id: "kind-" + k.key, name: k.label, colour: KINDS[k.key].colour },
      position: { x: k.x, y: k.y },
      classes: "kind",
      selectable: false,
    });
  });
  elements.push({
    group: "nodes",
    data: { id: "me", name: data.leader || say("me") },
    position: { x: centre, y: centre },
    classes: "me",
  });
  data.contacts.forEach((c) => {
    elements.push({
      group: "nodes",
      data: {
        id: c.id,
        name: c.name,
        short: short(c.name),
        size: c.radius * 1.4,
        colour: KINDS[c.kind].colour,
        shape: SHAPES[c.level] || SHAPES[""],
      },
      position: { x: c.x, y: c.y },
      classes: ["contact", c.internal ? "" : "external", c.crowded ? "crowded" : "", c.stale ? "stale" : ""].join(" ").trim(),
    });
    elements.push({
      group: "edges",
      data: { id: "tie-" + c.id, source: "me", target: c.id, width: 0.5 + c.strength * 0.6 },
      classes: "tie",
    });
  });

  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.2,
    maxZoom: 5,
    boxSelectionEnabled: false,
    autoungrabify: true,
    layout: { name: "preset" },
    style: [
      { selector: "node", style: { "z-index-compare": "manual", "z-index": 10 } },
      { selector: "edge", style: { "z-index-compare": "manual", "z-index": 5 } },
      {
        selector: "node.sectors",
        style: {
          "z-index": 1, width: "data(d)", height: "data(d)", "background-color": "#ffffff", "border-width": 1,
          "border-color": "#c5ccd6", "pie-size": "100%", "pie-1-background-color": KINDS.operational.fill,
          "pie-1-background-size": 100 / 3, "pie-2-background-color": KINDS.personal.fill,
          "pie-2-background-size": 100 / 3, "pie-3-background-color": KINDS.strategic.fill,
          "pie-3-background-size": 100 / 3, events: "no", "overlay-opacity": 0,
        },
      },
      {
        selector: "node.kind",
        style: {
          width: 1, height: 1, "background-opacity": 0, label: "data(name)", "font-size": 17, "font-weight": 700,
          color: "data(colour)", "text-valign": "center", "text-halign": "center", events: "no", "overlay-opacity": 0,
        },
      },
      {
        selector: "node.me",
        style: {
          width: 34, height: 34, "background-color": "#1d2430", label: "data(name)", color: "#1d2430",
          "font-size": 13, "font-weight": 700, "text-valign": "bottom", "text-margin-y": 4,
          "text-background-color": "#ffffff", "text-background-opacity": 0.9, "text-background-padding": 2,
          "text-background-shape": "round-rectangle",
        },
      },
      {
        selector: "node.contact",
        style: {
          shape: "data(shape)", width: "data(size)", height: "data(size)", "background-color": "data(colour)",
          "border-width": 1, "border-color": "#ffffff", label: "data(short)", "font-size": 12, color: "#1d2430",
          "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#ffffff",
          "text-background-opacity": 0.85, "text-background-padding": 1.5, "text-background-shape": "round-rectangle",
        },
      },
      // Crowded sectors: names appear once the leader zooms in; the panel and table have them all.
      { selector: "node.contact.crowded", style: { "min-zoomed-font-size": 16 } },
      { selector: "node.contact.external", style: { "border-width": 3, "border-color": "#1d2430" } },
      { selector: "node.contact.stale", style: { "border-style": "dashed" } },
      { selector: "edge.tie", style: { "curve-style": "straight", width: "data(width)", "line-color": "#7b8796", opacity: 0.55 } },
      { selector: "edge.tie.near", style: { "line-color": "#1d2430", opacity: 0.9 } },
      {
        selector: "node.picked",
        style: { "overlay-color": "#f2b705", "overlay-opacity": 0.35, "overlay-padding": 6, "font-weight": 700, "z-index": 20 },
      },
    ],
  });

  function fit() {
    cy.fit(cy.nodes(), 24);
  }

  // -- The side panel (built with text nodes only) --------------------------------------------

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function row(list, term, value) {
    list.appendChild(el("dt", term));
    list.appendChild(el("dd", value));
  }

  function renderPanel(id) {
    panelBody.replaceChildren();
    panel.classList.toggle("map-panel--empty", !id);
    if (!id) {
      panelTitle.textContent = say("nothing");
      return;
    }
    if (id === "me") {
      panelTitle.textContent = data.leader || say("me");
      panelBody.appendChild(el("p", say("leader")));
      return;
    }
    const c = contacts.get(id);
    panelTitle.textContent = c.name;
    const facts = el("dl", null, "map-facts");
    row(facts, say("network"), c.kind_label);
    row(facts, say("position"), c.level_label || say("unknown"));
    row(facts, say("organization"), c.organization || say("unknown"));
    row(facts, say("function_area"), c.function_area || say("unknown"));
    row(facts, say("strength"), say("strength_value", { strength: c.strength }));
    if (c.frequency) row(facts, say("frequency"), c.frequency);
    row(facts, say("last_contact"), c.last_contact || say("never"));
    panelBody.appendChild(facts);
    if (c.stale) panelBody.appendChild(el("p", say("stale"), "help"));
    const edit = el("a", say("edit"), "button");
    edit.href = c.edit;
    const p = el("p");
    p.appendChild(edit);
    panelBody.appendChild(p);
  }

  let selected = null;

  function select(id, options) {
    cy.elements().removeClass("picked near");
    selected = id;
    if (!id) {
      renderPanel(null);
      return;
    }
    const node = cy.getElementById(id);
    if (!node.length) return;
    node.addClass("picked");
    node.connectedEdges().addClass("near");
    if (options && options.center) {
      const extent = cy.extent();
      const p = node.position();
      if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) cy.center(node);
    }
    renderPanel(id);
    announce(say("selected", { name: id === "me" ? data.leader || say("me") : contacts.get(id).name }));
  }

  cy.on("tap", "node.contact, node.me", (event) => select(event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) select(null);
  });

  // -- Keyboard: the arrow keys move to the nearest contact in that direction -----------------

  const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

  function step(direction) {
    const nodes = cy.nodes(".contact, .me");
    const current = selected ? cy.getElementById(selected) : null;
    if (!current || !current.length) {
      select("me", { center: true });
      return;
    }
    const [dx, dy] = direction;
    const from = current.position();
    let best = null;
    let bestScore = Infinity;
    nodes.forEach((n) => {
      if (n.same(current)) return;
      const vx = n.position("x") - from.x;
      const vy = n.position("y") - from.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) return;
      const score = along + 2 * Math.abs(vx * dy - vy * dx);
      if (score < bestScore) { best = n; bestScore = score; }
    });
    if (best) select(best.id(), { center: true });
  }

  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const middle = { x: container.clientWidth / 2, y: container.clientHeight / 2 };
    if (DIRECTIONS[key]) step(DIRECTIONS[key]);
    else if (key === "Enter" || key === " ") {
      if (!selected) step([1, 0]);
      else panelTitle.focus();
    } else if (key === "Escape") select(null);
    else if (key === "+" || key === "=") cy.zoom({ level: cy.zoom() * 1.4, renderedPosition: middle });
    else if (key === "-" || key === "_") cy.zoom({ level: cy.zoom() / 1.4, renderedPosition: middle });
    else if (key === "0") fit();
    else return;
    event.preventDefault();
  });

  // -- Toolbar ----------------------------------------------------------------------------------

  function download(blob, extension) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "my-network." + extension;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(say("downloaded", { format: extension.toUpperCase() }));
  }

  const actions = {
    fit,
    png: () => download(cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 }), "png"),
    svg: () => download(new Blob([cy.svg({ full: true, bg: "#ffffff", scale: 1 })], { type: "image/svg+xml;charset=utf-8" }), "svg"),
    clear: () => { select(null); container.focus(); },
  };
  document.querySelectorAll("[data-map-action]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.mapAction]());
  });

  fit();
  window.addEventListener("resize", () => cy.resize());
  // Marks the map as ready for the browser tests.
  cy.ready(() => window.requestAnimationFrame(() => {
    container.dataset.ready = "true";
  }));
  window.netleadMap = cy;
})();
