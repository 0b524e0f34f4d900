// Radar chart of the feedback report: self, all observers and the groups shown on their own.
// Data comes from a JSON island (the page's CSP forbids inline scripts); the table next to
// the chart holds the same figures for screen readers.
(function () {
  "use strict";
  const canvas = document.querySelector("canvas[data-chart='feedback-radar']");
  const island = document.getElementById("feedback-radar-data");
  if (!canvas || !island || typeof Chart === "undefined") return;
  const data = JSON.parse(island.textContent);
  const colours = ["#c2410c", "#0b5f73", "#4a2a82", "#1e6b34", "#7a4b00", "#4a5568"];
  new Chart(canvas, {
    type: "radar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map((set, i) => ({
        label: set.label,
        data: set.data,
        borderColor: colours[i % colours.length],
        backgroundColor: "transparent",
        borderDash: i === 0 ? [6, 3] : [],
        pointRadius: 3,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } },
    },
  });
})();
