// The API documentation page: Swagger UI reading our own OpenAPI schema (no inline script).
(function () {
  "use strict";
  const root = document.getElementById("api-docs");
  if (!root || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: root.dataset.schema,
    domNode: root,
    // No deep links: they put a link inside each operation's toggle button (nested
    // interactive controls, which screen readers cannot announce).
    deepLinking: false,
    tryItOutEnabled: false,
    // Requests from "Try it out" carry the session's CSRF token, like the site's own forms.
    requestInterceptor: (request) => {
      const token = document.querySelector("input[name=csrfmiddlewaretoken]");
      if (token) request.headers["X-CSRFToken"] = token.value;
      return request;
    },
  });
  // Swagger UI makes each operation's response table a region without a name; with several
  // operations open they are indistinguishable landmarks. Name each after its operation.
  const label = root.dataset.labelResponses || "Responses";
  new MutationObserver(() => {
    root.querySelectorAll("table.responses-table[role=region]:not([aria-label])").forEach((table) => {
      const summary = table.closest(".opblock")?.querySelector(".opblock-summary");
      const method = summary?.querySelector(".opblock-summary-method")?.textContent || "";
      const path = summary?.querySelector(".opblock-summary-path")?.textContent || "";
      table.setAttribute("aria-label", `${label}: ${method} ${path}`.trim());
    });
  }).observe(root, { childList: true, subtree: true });
})();
