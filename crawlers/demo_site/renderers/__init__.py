"""Per-site page renderers of the demo sites; :func:`crawlers.demo_site.render.render`
is the entry point that routes a request to them."""
