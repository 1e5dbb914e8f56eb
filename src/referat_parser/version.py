"""The parser's version and the output schema's version: one place each, read by the package, the
outputs, pyproject.toml and the batch manifest, without importing pydantic.

Bump __version__ whenever the output of any input changes (see README, "Versions");
tests/test_versioning.py fails when the golden outputs change without a bump. SCHEMA_VERSION is the
version of the output's shape (models.py, schema/meeting.schema.json): the minor number for additive
changes, the major number for breaking ones.
"""

__version__ = "0.6.0"
SCHEMA_VERSION = "1.3"
