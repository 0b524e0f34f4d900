// Autosave of survey answers: every change is posted on its own, so nothing typed is lost when
// the respondent closes the page, and two open tabs never overwrite each other's other answers.
// Without JavaScript the "Save and continue later" button does the same.
(function () {
  "use strict";
  // The roster can be long: filter it by name or organization as you type. The roster page
  // has no autosave, so this comes before the autosave part returns early without it.
  const filter = document.getElementById("roster-filter");
  if (filter) {
    filter.addEventListener("input", () => {
      const term = filter.value.trim().toLowerCase();
      document.querySelectorAll("[data-roster-name]").forEach((item) => {
        item.hidden = term !== "" && !item.dataset.rosterName.includes(term);
      });
    });
  }
  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const status = document.getElementById("save-status");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  // One request at a time: changes made meanwhile are sent together in the next one, so a
  // later answer can never be overtaken by an earlier one on the way to the server.
  let pending = new Map();
  let sending = false;
  async function flush() {
    if (sending || pending.size === 0) return;
    sending = true;
    const body = new FormData();
    pending.forEach((value, name) => body.append(name, value));
    pending = new Map();
    try {
      const response = await fetch(form.dataset.autosave, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
      });
      const result = await response.json().catch(() => ({}));
      status.textContent = response.ok && result.saved !== undefined ? form.dataset.saved : result.error || form.dataset.failed;
    } catch (error) {
      status.textContent = form.dataset.failed;
    }
    sending = false;
    flush();
  }
  form.addEventListener("change", (event) => {
    const field = event.target;
    if (!field.name || field.type !== "radio") return;
    pending.set(field.name, field.value);
    flush();
  });
})();
