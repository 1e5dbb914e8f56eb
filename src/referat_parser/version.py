"""The parser's version: one place, read by the package, the outputs and the batch manifest."""

__version__ = "0.1.0"
