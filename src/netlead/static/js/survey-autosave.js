// Autosave of survey answers: every change is posted on its own, so nothing typed is lost when
// the respondent closes the page, and two open tabs never overwrite each other's other answers.
// Without JavaScript the "Save and continue later" button does the same.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const status = document.getElementById("save-status");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  form.addEventListener("change", async (event) => {
    const field = event.target;
    if (!field.name || field.type !== "radio") return;
    const body = new FormData();
    body.append(field.name, field.value);
    try {
      const response = await fetch(form.dataset.autosave, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
      });
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.saved !== undefined) {
        status.textContent = form.dataset.saved;
      } else {
        status.textContent = result.error || form.dataset.failed;
      }
    } catch (error) {
      status.textContent = form.dataset.failed;
    }
  });
  // The roster can be long: filter it by name or organization as you type.
  const filter = document.getElementById("roster-filter");
  if (filter) {
    filter.addEventListener("input", () => {
      const term = filter.value.trim().toLowerCase();
      document.querySelectorAll("[data-roster-name]").forEach((item) => {
        item.hidden = term !== "" && !item.dataset.rosterName.includes(term);
      });
    });
  }
})();
