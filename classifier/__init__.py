"""adwatch classifier: indicator matching and risk scoring of adverts."""
