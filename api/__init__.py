"""FastAPI app: the JSON API for analysts, partners and researchers, and the review UI."""
