"""Persian language data as plain constants (character tables, word lists, cue lexicons)."""
