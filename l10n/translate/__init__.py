"""English drafts: the translator interface, the Argos engine, glossary enforcement and the cache."""
