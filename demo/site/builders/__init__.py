"""Per-site builders of the demo world; :func:`demo.site.generator.generate_world`
is the entry point that runs them with one shared, seeded build context."""
