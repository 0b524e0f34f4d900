// The network map of a closed relationship round (Cytoscape.js with the fcose layout).
// Members are grouped by organization as compound nodes and coloured by layer; the filters
// hide members and ties without redrawing the layout. Data comes from a JSON island, since the
// page's CSP forbids inline scripts; the tables below the map hold the same data.
(function () {
  "use strict";
  const container = document.getElementById("network-map");
  const island = document.getElementById("map-data");
  if (!container || !island || typeof cytoscape === "undefined") return;
  if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);
  const data = JSON.parse(island.textContent);
  const layerColour = { strategic: "#6a3fb5", tactical: "#0b7a94", operational: "#3f7a1c", "": "#8a94a6" };
  const orgId = (name) => "org:" + name;

  const elements = [];
  const organizations = new Set(data.members.map((m) => m.organization));
  organizations.forEach((name) => {
    elements.push({ data: { id: orgId(name), label: name || "—", organization: name }, classes: "organization" });
  });
  data.members.forEach((m) => {
    elements.push({
      data: { ...m, id: "m:" + m.id, parent: orgId(m.organization), colour: layerColour[m.layer] || layerColour[""], size: 20 },
      classes: m.cut_point ? "member cut" : "member",
    });
  });
  data.edges.forEach((e, i) => {
    elements.push({
      data: { id: "e" + i, source: "m:" + e.source, target: "m:" + e.target, strength: e.strength },
      classes: (e.new ? "tie new" : "tie") + (e.mutual ? " mutual" : ""),
    });
  });
  data.lost.forEach((e, i) => {
    elements.push({ data: { id: "l" + i, source: "m:" + e.source, target: "m:" + e.target, strength: 0 }, classes: "tie lost" });
  });

  const cy = cytoscape({
    container,
    elements,
    style: [
      { selector: "node.organization", style: { label: "data(label)", "text-valign": "top", "font-size": 13, "font-weight": 600, color: "#1d2430", "background-color": "#f4f6f9", "border-color": "#c5ccd6", "border-width": 1, shape: "round-rectangle", padding: 12 } },
      { selector: "node.member", style: { label: "data(label)", "font-size": 9, color: "#1d2430", "text-valign": "bottom", "text-margin-y": 2, "background-color": "data(colour)", width: "data(size)", height: "data(size)" } },
      { selector: "node.cut", style: { "border-width": 3, "border-color": "#1d2430" } },
      { selector: "edge.tie", style: { width: "mapData(strength, 1, 4, 1, 4)", "line-color": "#9aa5b4", "curve-style": "haystack", opacity: 0.7 } },
      { selector: "edge.new", style: { "line-color": "#1e7b3a", opacity: 1 } },
      { selector: "edge.lost", style: { "line-color": "#b3261e", "line-style": "dashed", width: 1.5, opacity: 0.9 } },
      { selector: ".hidden", style: { display: "none" } },
    ],
    layout: { name: "preset" },
  });

  const form = document.getElementById("map-filters");
  const sizeBy = () => form.elements.size.value;

  function applySize() {
    const metric = sizeBy();
    const values = cy.nodes(".member").map((n) => Number(n.data(metric)) || 0);
    const max = Math.max(...values, 1e-9);
    cy.nodes(".member").forEach((n) => n.data("size", 12 + 30 * ((Number(n.data(metric)) || 0) / max)));
  }

  function applyFilters() {
    const organization = form.elements.organization.value;
    const layer = form.elements.layer.value;
    const strength = Number(form.elements.strength.value);
    cy.batch(() => {
      cy.nodes(".member").forEach((n) => {
        const show = (!organization || n.data("organization") === organization) && (!layer || n.data("layer") === layer);
        n.toggleClass("hidden", !show);
      });
      cy.nodes(".organization").forEach((o) => {
        o.toggleClass("hidden", o.children().not(".hidden").length === 0);
      });
      cy.edges().forEach((e) => {
        const weak = !e.hasClass("lost") && e.data("strength") < strength;
        e.toggleClass("hidden", weak || e.source().hasClass("hidden") || e.target().hasClass("hidden"));
      });
    });
  }

  applySize();
  // Lost ties are drawn but do not pull members together; ties inside an organization are
  // short and stiff, ties across organizations long and loose, so organizations stay apart.
  const sameOrganization = (e) => e.source().data("organization") === e.target().data("organization");
  cy.elements().not(".lost").layout({
    name: typeof cytoscapeFcose !== "undefined" ? "fcose" : "cose",
    animate: false,
    randomize: true,
    quality: "proof",
    nodeRepulsion: () => 8000,
    idealEdgeLength: (e) => (sameOrganization(e) ? 40 : 180),
    edgeElasticity: (e) => (sameOrganization(e) ? 0.45 : 0.05),
    nestingFactor: 0.1,
    gravityCompound: 1.5,
    gravityRangeCompound: 2.0,
    numIter: 4000,
  }).run();
  form.addEventListener("change", () => { applySize(); applyFilters(); });
  form.addEventListener("submit", (event) => event.preventDefault());
})();
