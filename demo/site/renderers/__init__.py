"""Per-site page renderers of the demo sites; :func:`demo.site.render.render`
is the entry point that routes a request to them."""
