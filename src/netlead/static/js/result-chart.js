// Progress chart of one result: measurements against baseline and target.
// Data comes from a JSON island (the page's CSP forbids inline scripts); the table below the
// chart holds the same figures for screen readers.
(function () {
  "use strict";
  const canvas = document.querySelector("canvas[data-chart='result-series']");
  if (!canvas || typeof Chart === "undefined") return;
  const series = JSON.parse(document.getElementById("result-series").textContent);
  const flat = (value) => series.labels.map(() => value);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: series.labels,
      datasets: [
        { label: canvas.dataset.labelValue, data: series.values, borderColor: "#0b5f73", backgroundColor: "#0b5f73", tension: 0.2 },
        { label: canvas.dataset.labelTarget, data: flat(series.target), borderColor: "#1e6b34", borderDash: [6, 4], pointRadius: 0 },
        { label: canvas.dataset.labelBaseline, data: flat(series.baseline), borderColor: "#4a5568", borderDash: [2, 4], pointRadius: 0 },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
  });
})();
