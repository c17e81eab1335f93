// A file of its own, not an inline script: the page's content policy allows only the gateway's own scripts.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true
});
