// The API documentation page: Swagger UI reading our own OpenAPI schema (no inline script).
(function () {
  "use strict";
  const root = document.getElementById("api-docs");
  if (!root || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: root.dataset.schema,
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: false,
    // Requests from "Try it out" carry the session's CSRF token, like the site's own forms.
    requestInterceptor: (request) => {
      const token = document.querySelector("input[name=csrfmiddlewaretoken]");
      if (token) request.headers["X-CSRFToken"] = token.value;
      return request;
    },
  });
})();
