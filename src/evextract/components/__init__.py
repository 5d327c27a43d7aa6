"""evextract's spaCy components, each a registered factory."""
