// The /docs page: Swagger UI (vendor/swagger-ui) over the server's own OpenAPI schema.
// A file, not an inline script: the Content-Security-Policy forbids those.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null, // no badge fetched from validator.swagger.io
    deepLinking: true,
  });
});
