"""The link stage: near-duplicate text templates and shared contacts group adverts into clusters."""
