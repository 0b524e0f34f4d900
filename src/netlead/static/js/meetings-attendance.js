// Attendance over time: a line chart of the share present per meeting, drawn from the JSON
// data island next to it. The table stays on the page as the accessible fallback.
(function () {
  "use strict";
  function draw() {
    document.querySelectorAll("[data-attendance-chart]").forEach(function (box) {
      var island = document.getElementById(box.getAttribute("data-attendance-chart"));
      if (!island || typeof window.Chart === "undefined") return;
      var data = JSON.parse(island.textContent);
      box.hidden = false;
      new window.Chart(box.querySelector("canvas"), {
        type: "line",
        data: {
          labels: data.labels,
          datasets: [{ label: data.label, data: data.values, borderColor: "#0b5f73", backgroundColor: "#e3f1f4", tension: 0.2, fill: true }],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
        },
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
