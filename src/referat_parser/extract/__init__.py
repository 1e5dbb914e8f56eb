"""Field extractors: small, pure functions from text to values (dates, people, decisions, ...)."""
