"""Pure functions on spaCy Docs: sentences, entity clusters, quotations, attributions."""
