"""Per-site builders of the demo world; :func:`crawlers.demo_site.generator.generate_world`
is the entry point that runs them with one shared, seeded build context."""
