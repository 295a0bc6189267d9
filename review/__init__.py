"""The review stage: what reaches the analysts' queue. Decisions are recorded through the API."""
