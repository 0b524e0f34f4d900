// The network map of a closed relationship round (Cytoscape.js, positions from the server).
//
// The layout is computed once when the round closes and stored with it (netlead.analysis.maps),
// so every load shows the same picture and this script only draws it. Two levels: the
// organizations (discs sized by members, lines weighted by ties and coloured by mean trust
// where at least k rated) and the members (inside their organization's disc). A click, or the
// arrow keys, select a member or organization and fill the side panel; Enter opens an
// organization's members. Data and words come from JSON islands (the CSP forbids inline
// scripts); the tables below the map hold the same data.
(function () {
  "use strict";
  const container = document.getElementById("network-map");
  const island = document.getElementById("map-data");
  if (!container || !island || typeof cytoscape === "undefined") return;
  // cytoscape-svg registers itself (cy.svg) when loaded after Cytoscape.
  const data = JSON.parse(island.textContent);
  data.ties = data.ties.map(([s, t, w, mutual, isNew]) => ({ s, t, w, mutual, new: isNew }));
  data.lost = data.lost.map(([s, t]) => ({ s, t }));
  const words = JSON.parse(document.getElementById("map-texts").textContent);
  const say = (key, values) => (words[key] || key).replace(/%\((\w+)\)s/g, (_, name) => String(values && values[name] !== undefined ? values[name] : ""));

  // Layers by shape as well as colour; colours have at least 3:1 contrast on white.
  const LAYERS = {
    strategic: { colour: "#6a3fb5", shape: "diamond" },
    tactical: { colour: "#0b7a94", shape: "round-rectangle" },
    operational: { colour: "#3f7a1c", shape: "ellipse" },
    "": { colour: "#5f6b7a", shape: "triangle" },
  };
  const DISC_FILLS = ["#eef2f6", "#f3effa", "#eaf4f6", "#eff5ea", "#f8f1e7", "#f6edf0"];
  const members = new Map(data.members.map((m) => [m.id, m]));
  const organizations = new Map(data.organizations.map((o) => [o.id, o]));
  const neighbours = new Map(data.members.map((m) => [m.id, []]));
  data.ties.forEach((t) => {
    neighbours.get(t.s).push({ id: t.t, tie: t });
    neighbours.get(t.t).push({ id: t.s, tie: t });
  });
  const partners = new Map(data.organizations.map((o) => [o.id, []]));
  data.organization_ties.forEach((t) => {
    partners.get(t.s).push({ id: t.t, tie: t });
    partners.get(t.t).push({ id: t.s, tie: t });
  });

  const form = document.getElementById("map-filters");
  const panel = document.getElementById("map-panel");
  const panelTitle = document.getElementById("map-panel-title");
  const panelBody = panel.querySelector("[data-panel-body]");
  const status = document.getElementById("map-status");
  const shell = document.querySelector("[data-map-shell]");
  const focusButton = document.querySelector("[data-map-action=focus]");
  const fullscreenButton = document.querySelector("[data-map-action=fullscreen]");
  const tooltip = document.createElement("div");
  tooltip.className = "map-tooltip";
  tooltip.hidden = true;
  container.appendChild(tooltip);

  const hashLevel = (location.hash.match(/level=(\w+)/) || [])[1];
  const state = {
    level: hashLevel === "members" || hashLevel === "organizations" ? hashLevel : data.level,
    selected: null,
    focus: false,
  };

  const announce = (text) => {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  };

  const cy = cytoscape({
    container,
    minZoom: 0.03,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autoungrabify: true,
    textureOnViewport: false,
    hideEdgesOnViewport: data.members.length > 400,
    layout: { name: "preset" },
    style: [
      { selector: "node", style: { "z-index-compare": "manual", "z-index": 10 } },
      { selector: "edge", style: { "z-index-compare": "manual", "z-index": 5 } },
      {
        selector: "node.disc",
        style: {
          "z-index": 1, shape: "ellipse", width: "data(d)", height: "data(d)", "background-color": "data(fill)",
          "border-width": 1.5, "border-color": "#8d99a8", label: "data(name)", "text-valign": "top", "text-halign": "center",
          "text-margin-y": -6, "font-size": "data(font)", "font-weight": 600, color: "#1d2430",
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 3,
          "text-background-shape": "round-rectangle", "overlay-opacity": 0,
        },
      },
      {
        selector: "node.org",
        style: {
          shape: "ellipse", width: "data(d)", height: "data(d)", "background-color": "#5d7fa3", "border-width": 2,
          "border-color": "#23405f", label: "data(name)", "text-valign": "center", "text-halign": "center",
          "text-wrap": "wrap", "text-max-width": "data(wrap)", "font-size": "data(font)", "font-weight": 600,
          color: "#1d2430", "text-background-color": "#ffffff", "text-background-opacity": 0.9,
          "text-background-padding": 3, "text-background-shape": "round-rectangle",
        },
      },
      { selector: "node.org.isolated", style: { "border-style": "dashed", "border-width": 3 } },
      {
        selector: "node.member",
        style: {
          shape: "data(shape)", width: "data(size)", height: "data(size)", "background-color": "data(colour)",
          "border-width": 1, "border-color": "#ffffff", label: "data(short)", "font-size": "data(font)",
          "min-zoomed-font-size": 10, color: "#1d2430", "text-valign": "bottom", "text-margin-y": 2,
          "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1,
        },
      },
      { selector: "node.member.cut", style: { "border-width": 3.5, "border-color": "#1d2430" } },
      {
        selector: "edge.tie",
        style: { "curve-style": "haystack", "haystack-radius": 0, width: "data(width)", "line-color": "#7b8796", opacity: 0.55 },
      },
      { selector: "edge.tie.across", style: { opacity: 0.3 } },
      { selector: "edge.lost", style: { display: "none" } },
      {
        selector: "edge.orgtie",
        style: {
          "curve-style": "straight", width: "data(width)", "line-color": "data(colour)", opacity: 0.85,
          label: "data(ties)", "font-size": 12, color: "#1d2430", "text-background-color": "#ffffff",
          "text-background-opacity": 0.9, "text-background-padding": 2,
        },
      },
      { selector: "edge.orgtie.unrated", style: { "line-style": "dashed", "line-dash-pattern": [10, 6] } },
      // Comparison: new ties solid green, lost ties dashed red, the rest faded.
      { selector: "edge.tie.cmp", style: { opacity: 0.12 } },
      { selector: "edge.tie.cmp.new", style: { "line-color": "#1e6b34", opacity: 1, width: 3 } },
      { selector: "edge.lost.cmp", style: { display: "element", "curve-style": "straight", "line-color": "#a3241b", "line-style": "dashed", width: 2.5, opacity: 1 } },
      // Selection and focus.
      { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.2 } },
      { selector: "edge.near", style: { "line-color": "#1d2430", opacity: 0.9 } },
      { selector: "node.member.near", style: { label: "data(label)", "min-zoomed-font-size": 0, "z-index": 20 } },
      { selector: "node.zoomed", style: { label: "data(label)" } },
      {
        selector: "node.picked",
        style: {
          "overlay-color": "#c2410c", "overlay-opacity": 0.25, "overlay-padding": 5, label: "data(label)",
          "min-zoomed-font-size": 0, "font-weight": 700, "z-index": 30,
        },
      },
      { selector: "node.disc.picked", style: { "z-index": 1, label: "data(name)", "overlay-opacity": 0.08, "border-color": "#c2410c", "border-width": 3 } },
      { selector: "node.org.picked", style: { label: "data(name)", "border-color": "#c2410c", "border-width": 4 } },
      { selector: ".hidden", style: { display: "none" } },
    ],
  });
  // No <style> element was added (the page links the one Cytoscape wants): the CSP holds.

  function memberSize(m, metric, max) {
    return 12 + 26 * ((Number(m[metric]) || 0) / (max || 1));
  }

  function memberElements() {
    const metric = form.elements.size.value;
    const max = Math.max(...data.members.map((m) => Number(m[metric]) || 0), 1e-9);
    const out = [];
    data.organizations.forEach((o, i) => {
      out.push({
        group: "nodes",
        data: { id: o.id, kind: "organization", name: o.name, d: 2 * o.r, fill: DISC_FILLS[i % DISC_FILLS.length], font: Math.max(14, Math.min(72, o.r * 0.22)) },
        position: { x: o.x, y: o.y },
        classes: "disc",
      });
    });
    data.members.forEach((m) => {
      const layer = LAYERS[m.layer] || LAYERS[""];
      out.push({
        group: "nodes",
        data: {
          id: m.id, kind: "member", label: m.label, short: m.short, org: m.org, layer: m.layer,
          colour: layer.colour, shape: layer.shape, size: memberSize(m, metric, max), font: m.major ? 14 : 11,
        },
        position: { x: m.x, y: m.y },
        classes: "member" + (m.cut_point ? " cut" : ""),
      });
    });
    data.ties.forEach((t, i) => {
      const across = members.get(t.s).org !== members.get(t.t).org;
      out.push({
        group: "edges",
        data: { id: "t" + i, source: t.s, target: t.t, strength: t.w, width: 0.6 + 0.7 * t.w },
        classes: "tie" + (t.new ? " new" : "") + (across ? " across" : ""),
      });
    });
    data.lost.forEach((t, i) => {
      out.push({ group: "edges", data: { id: "l" + i, source: t.s, target: t.t, strength: 0, width: 2 }, classes: "lost" });
    });
    return out;
  }

  function trustColour(trust) {
    // Light to dark blue with the mean trust (1-4): told apart by lightness, not hue.
    const share = Math.max(0, Math.min(1, (trust - 1.5) / 2.5));
    const from = [126, 166, 204];
    const to = [16, 52, 94];
    const mix = from.map((c, i) => Math.round(c + (to[i] - c) * share));
    return "rgb(" + mix.join(",") + ")";
  }

  function organizationElements() {
    const biggest = Math.max(...data.organizations.map((o) => o.members), 1);
    const most = Math.max(...data.organization_ties.map((t) => t.ties), 1);
    const out = data.organizations.map((o) => {
      const d = Math.max(40, 1.2 * o.r * Math.sqrt(o.members / biggest) + 30);
      return {
        group: "nodes",
        data: { id: o.id, kind: "organization", name: o.name, d, wrap: Math.max(90, d * 1.4), font: Math.max(14, Math.min(40, d * 0.16)) },
        position: { x: o.x, y: o.y },
        classes: "org" + (o.isolated ? " isolated" : ""),
      };
    });
    data.organization_ties.forEach((t, i) => {
      out.push({
        group: "edges",
        data: {
          id: "o" + i, source: t.s, target: t.t, ties: t.ties, width: 1.5 + 14 * Math.sqrt(t.ties / most),
          colour: t.mean_trust === null ? "#8d99a8" : trustColour(t.mean_trust),
        },
        classes: "orgtie" + (t.mean_trust === null ? " unrated" : ""),
      });
    });
    return out;
  }

  function visibleNodes() {
    return cy.nodes().not(".hidden");
  }

  function fit(eles) {
    const target = eles && eles.length ? eles : visibleNodes();
    cy.fit(target.length ? target : cy.elements(), 30);
    // A few members alone would fill the screen: no closer than where all names read well.
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center(target.length ? target : cy.elements());
    }
    updateZoomLabels();
  }

  function updateZoomLabels() {
    // Full names once members are far enough apart for them (about three times the size).
    cy.batch(() => cy.nodes(".member").toggleClass("zoomed", cy.zoom() >= 2.2));
  }

  function applyFilters(refit) {
    const organization = form.elements.organization.value;
    const layer = form.elements.layer.value;
    const strength = Number(form.elements.strength.value);
    const compare = form.elements.compare ? form.elements.compare.checked : false;
    cy.batch(() => {
      cy.edges().toggleClass("cmp", compare);
      cy.nodes(".member").forEach((n) => {
        const show = (!organization || n.data("org") === organization) && (!layer || n.data("layer") === layer);
        n.toggleClass("hidden", !show);
      });
      cy.nodes(".disc, .org").forEach((n) => n.toggleClass("hidden", Boolean(organization) && n.id() !== organization && state.level === "members"));
      cy.edges(".tie, .lost").forEach((e) => {
        const weak = e.hasClass("tie") && e.data("strength") < strength;
        e.toggleClass("hidden", weak || e.source().hasClass("hidden") || e.target().hasClass("hidden"));
      });
    });
    if (compare) {
      announce(say("changes", { new: data.ties.filter((t) => t.new).length, lost: data.lost.length }));
    }
    if (state.focus && state.selected) showFocus();
    if (refit) {
      const shown = state.level === "members" ? cy.nodes(".member").not(".hidden") : visibleNodes();
      fit(shown);
      if (state.level === "members") {
        announce(say("shown", { members: shown.length, ties: cy.edges(".tie").not(".hidden").length }));
      }
    }
  }

  function setLevel(level, options) {
    state.level = level;
    state.focus = false;
    cy.elements().remove();
    cy.add(level === "members" ? memberElements() : organizationElements());
    document.querySelectorAll("[data-map-level]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.mapLevel === level)));
    container.dataset.level = level;
    applyFilters(false);
    const only = options && options.organization;
    if (only) {
      fit(cy.nodes(".member").filter((n) => n.data("org") === only));
    } else {
      fit();
    }
    select(options && options.select ? options.select : null, { quiet: true });
    if (!(options && options.quiet)) announce(say(level === "members" ? "level_members" : "level_organizations"));
  }

  function clearHighlight() {
    cy.batch(() => cy.elements().removeClass("faded near picked"));
  }

  function showFocus() {
    const node = cy.getElementById(state.selected);
    if (!node.length) return;
    let hood;
    if (node.hasClass("disc")) {
      const inside = cy.nodes(".member").filter((n) => n.data("org") === node.id());
      hood = inside.union(inside.closedNeighborhood()).union(node);
    } else {
      hood = node.closedNeighborhood();
    }
    cy.batch(() => {
      cy.elements().not(hood).addClass("faded");
      if (!node.hasClass("disc")) hood.addClass("near");
      node.removeClass("near");
    });
    return hood;
  }

  function select(id, options) {
    clearHighlight();
    state.selected = id;
    focusButton.disabled = !id;
    if (!id) {
      state.focus = false;
      focusButton.setAttribute("aria-pressed", "false");
      renderPanel(null);
      return;
    }
    const node = cy.getElementById(id);
    if (!node.length) return;
    node.addClass("picked");
    if (!node.hasClass("disc") && !node.hasClass("org")) node.connectedEdges().not(".hidden").addClass("near");
    if (state.focus) {
      const hood = showFocus();
      if (hood) fit(hood.nodes());
    } else if (options && options.center) {
      const extent = cy.extent();
      const p = node.position();
      if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) cy.center(node);
    }
    renderPanel(node);
    if (!(options && options.quiet)) announce(say("selected", { label: node.data("label") || node.data("name") }));
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

  function linkButton(text, onClick) {
    const b = el("button", text, "link-button");
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function renderPanel(node) {
    panelBody.replaceChildren();
    panel.classList.toggle("map-panel--empty", !node);
    if (!node) {
      panelTitle.textContent = say("nothing");
      return;
    }
    const id = node.id();
    const facts = el("dl", null, "map-facts");
    panelBody.appendChild(facts);
    if (node.data("kind") === "member") {
      const m = members.get(id);
      panelTitle.textContent = m.label;
      if (!m.named) panelBody.insertBefore(el("p", say("not_named"), "help"), facts);
      row(facts, say("organization"), m.organization || say("no_organization"));
      row(facts, say("layer"), m.layer_label || say("no_layer"));
      row(facts, say("ties"), String(m.degree));
      const roles = m.roles.map((r) => say(r));
      if (m.cut_point) roles.push(say("cut_point"));
      row(facts, say("role"), roles.length ? roles.join("; ") : say("none"));
      const near = neighbours.get(id).slice().sort((a, b) => members.get(a.id).label.localeCompare(members.get(b.id).label));
      if (near.length) {
        panelBody.appendChild(el("h4", say("works_with")));
        const list = el("ul", null, "map-list");
        near.forEach(({ id: other, tie }) => {
          const li = el("li");
          li.appendChild(linkButton(members.get(other).label, () => select(other, { center: true })));
          if (tie.mutual) li.appendChild(el("span", " (" + say("mutual") + ")", "help-inline"));
          list.appendChild(li);
        });
        panelBody.appendChild(list);
      }
      findings(m.findings);
    } else {
      const o = organizations.get(id);
      panelTitle.textContent = o.name;
      row(facts, say("members"), String(o.members));
      row(facts, say("internal"), String(o.internal));
      row(facts, say("external"), String(o.external));
      if (o.isolated) panelBody.appendChild(el("p", say("isolated"), "help"));
      const near = partners.get(id).slice().sort((a, b) => b.tie.ties - a.tie.ties);
      if (near.length) {
        panelBody.appendChild(el("h4", say("partners")));
        const list = el("ul", null, "map-list");
        near.forEach(({ id: other, tie }) => {
          const li = el("li");
          li.appendChild(linkButton(organizations.get(other).name, () => select(other, { center: true })));
          const trust = tie.mean_trust === null ? say("trust_hidden", { k: data.k }) : say("mean_trust", { trust: tie.mean_trust.toFixed(1) });
          li.appendChild(el("span", " · " + tie.ties + " " + say("ties").toLowerCase() + " · " + trust, "help-inline"));
          list.appendChild(li);
        });
        panelBody.appendChild(list);
      }
      if (state.level === "organizations") {
        const open = el("button", say("open_members"), "button");
        open.type = "button";
        open.addEventListener("click", () => openOrganization(id));
        panelBody.appendChild(open);
      }
      findings(o.findings);
    }
  }

  function findings(list) {
    panelBody.appendChild(el("h4", say("findings")));
    if (!list.length) {
      panelBody.appendChild(el("p", say("no_findings"), "help"));
      return;
    }
    const ul = el("ul", null, "map-list");
    list.forEach((text) => ul.appendChild(el("li", text)));
    panelBody.appendChild(ul);
  }

  function openOrganization(id) {
    setLevel("members", { organization: id, select: id, quiet: true });
    announce(say("level_members") + " · " + organizations.get(id).name);
  }

  // -- Pointer ----------------------------------------------------------------------------------

  cy.on("tap", "node", (event) => {
    const node = event.target;
    if (state.level === "organizations" && state.selected === node.id()) {
      openOrganization(node.id());
      return;
    }
    select(node.id());
  });
  cy.on("dbltap", "node.org", (event) => openOrganization(event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) select(null);
  });
  cy.on("mouseover", "node", (event) => {
    const node = event.target;
    const p = node.renderedPosition();
    tooltip.textContent = node.data("label") || node.data("name");
    tooltip.hidden = false;
    tooltip.style.left = Math.round(p.x + 12) + "px";
    tooltip.style.top = Math.round(p.y + 12) + "px";
  });
  cy.on("mouseout", "node", () => { tooltip.hidden = true; });
  cy.on("viewport", () => { tooltip.hidden = true; });
  cy.on("zoom", updateZoomLabels);

  // -- Keyboard ---------------------------------------------------------------------------------

  const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

  function selectable() {
    const nodes = state.level === "members" ? cy.nodes(".member") : cy.nodes(".org");
    return nodes.not(".hidden").not(".faded");
  }

  function step(direction) {
    const nodes = selectable();
    if (!nodes.length) return;
    const current = state.selected ? cy.getElementById(state.selected) : null;
    if (!current || !current.length || !nodes.contains(current)) {
      // Start from the node nearest the middle of the view.
      const e = cy.extent();
      const mx = (e.x1 + e.x2) / 2;
      const my = (e.y1 + e.y2) / 2;
      let best = null;
      let bestD = Infinity;
      nodes.forEach((n) => {
        const d = Math.hypot(n.position("x") - mx, n.position("y") - my);
        if (d < bestD) { best = n; bestD = d; }
      });
      select(best.id(), { center: true });
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
      const across = Math.abs(vx * dy - vy * dx);
      const score = along + 2 * across;
      if (score < bestScore) { best = n; bestScore = score; }
    });
    if (best) select(best.id(), { center: true });
  }

  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (DIRECTIONS[key]) {
      step(DIRECTIONS[key]);
    } else if (key === "Enter" || key === " ") {
      if (!state.selected) step([1, 0]);
      else if (state.level === "organizations") openOrganization(state.selected);
      else panelTitle.focus();
    } else if (key === "Escape") {
      if (state.focus) toggleFocus();
      else select(null);
    } else if (key === "f" || key === "F") {
      if (state.selected) toggleFocus();
    } else if (key === "+" || key === "=") {
      cy.zoom({ level: cy.zoom() * 1.4, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
    } else if (key === "-" || key === "_") {
      cy.zoom({ level: cy.zoom() / 1.4, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
    } else if (key === "0") {
      fit();
    } else {
      return;
    }
    event.preventDefault();
  });

  // -- Toolbar ------------------------------------------------------------------------------------

  function toggleFocus() {
    state.focus = !state.focus && Boolean(state.selected);
    focusButton.setAttribute("aria-pressed", String(state.focus));
    focusButton.textContent = say(state.focus ? "focus_off" : "focus_on");
    if (state.focus) select(state.selected, { quiet: true });
    else {
      select(state.selected, { quiet: true });
      fit();
    }
  }

  function download(blob, extension) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "network-map-" + state.level + "." + extension;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(say("downloaded", { format: extension.toUpperCase() }));
  }

  function exportPng() {
    const blob = cy.png({ output: "blob", bg: "#ffffff", full: false, scale: 2 });
    download(blob, "png");
  }

  function exportSvg() {
    const svg = cy.svg({ full: false, bg: "#ffffff", scale: 1 });
    download(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }), "svg");
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    } else if (shell.requestFullscreen) {
      shell.requestFullscreen().catch(() => {});
    }
  }
  document.addEventListener("fullscreenchange", () => {
    const on = document.fullscreenElement === shell;
    fullscreenButton.setAttribute("aria-pressed", String(on));
    fullscreenButton.textContent = say(on ? "fullscreen_off" : "fullscreen_on");
    cy.resize();
    fit();
  });

  const actions = { focus: toggleFocus, fit: () => fit(), fullscreen: toggleFullscreen, png: exportPng, svg: exportSvg, clear: () => { select(null); container.focus(); } };
  document.querySelectorAll("[data-map-action]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.mapAction]());
  });
  document.querySelectorAll("[data-map-level]").forEach((button) => {
    button.addEventListener("click", () => setLevel(button.dataset.mapLevel));
  });

  // Search: the exact name first, else the first name that contains the words typed.
  const search = document.getElementById("map-search");
  function find(query) {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return null;
    const orgs = data.organizations.map((o) => ({ id: o.id, label: o.name, level: "organizations" }));
    const people = data.members.filter((m) => m.named).map((m) => ({ id: m.id, label: m.label, level: "members" }));
    const all = people.concat(orgs);
    return all.find((x) => x.label.toLocaleLowerCase() === q) || all.find((x) => x.label.toLocaleLowerCase().includes(q)) || null;
  }
  function runSearch() {
    const found = find(search.value);
    if (!found) {
      if (search.value.trim()) announce(say("no_match", { query: search.value.trim() }));
      return;
    }
    if (found.level === "members" && state.level !== "members") setLevel("members", { quiet: true });
    const node = cy.getElementById(found.id);
    if (node.hasClass("hidden")) {
      form.reset();
      applyFilters(true);
    }
    select(found.id, { center: true });
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 0 });
    updateZoomLabels();
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      runSearch();
    }
  });

  form.addEventListener("change", (event) => {
    if (event.target.name === "size" && state.level === "members") {
      const metric = form.elements.size.value;
      const max = Math.max(...data.members.map((m) => Number(m[metric]) || 0), 1e-9);
      cy.batch(() => cy.nodes(".member").forEach((n) => n.data("size", memberSize(members.get(n.id()), metric, max))));
      return;
    }
    applyFilters(event.target.name !== "compare");
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  // The text alternative: the link to the tables opens them.
  document.querySelectorAll("[data-open-details]").forEach((link) => {
    link.addEventListener("click", () => {
      const details = document.getElementById(link.dataset.openDetails);
      if (details) details.open = true;
    });
  });

  setLevel(state.level, { quiet: true });
  window.addEventListener("resize", () => cy.resize());
  // Marks the map as ready for the browser tests and the benchmark (bench/map).
  cy.ready(() => window.requestAnimationFrame(() => {
    window.netleadMapReadyAt = performance.now();
    container.dataset.ready = "true";
  }));
  window.netleadMap = cy;
})();
