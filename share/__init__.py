"""The share stage: partner feed formats, signed webhooks and de-personalised research exports."""
