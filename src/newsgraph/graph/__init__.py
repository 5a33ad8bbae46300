"""The knowledge graph over a store: entity resolution, claims, queries, export, CLI verbs.

The names below are what the CLI needs to build its options; they live here, with no
imports, so that registering the verbs does not load the store or SQLAlchemy.
"""

# `newsgraph export --format/--table` (newsgraph.graph.export reads the same tuples).
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "graphml")
EXPORT_TABLES = ("facts", "claims", "entities", "articles")
