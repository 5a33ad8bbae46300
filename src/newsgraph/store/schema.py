"""The tables of a newsgraph store, as SQLAlchemy Core objects shared by SQLite and PostgreSQL.

Every row is keyed by a content hash (articles by their text, facts by article and position,
entities and claims by the first key they were seen under), so re-running an ingest finds
what is there instead of adding it twice. JSON-shaped columns are plain TEXT holding JSON:
sqlite-utils, datasette and psql all read them as they are.

Schema changes are numbered migrations in `newsgraph.store.migrations`, never edits here
that an existing file would not get.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

metadata = MetaData()

# Key/value facts about the store itself: `application` marks a newsgraph database,
# `schema_version` is the number of the last migration applied.
meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    # An integer rowid that never changes (VACUUM may renumber an implicit one), because the
    # SQLite full-text index refers to articles by it.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("text_hash", Text, nullable=False, unique=True),
    Column("url", Text, unique=True),
    Column("title", Text),
    Column("published", Text),
    Column("outlet", Text),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("note", Text),
    # The syndication cluster: the id of the first article of this story that was stored.
    Column("cluster_id", Text, nullable=False),
    Column("added_at", Text, nullable=False),
    Index("ix_articles_cluster", "cluster_id"),
    Index("ix_articles_published", "published"),
)

# MinHash signatures (uint32 little-endian) and their LSH band keys, so that near-duplicate
# lookups work across runs without loading every signature into memory.
article_minhash = Table(
    "article_minhash",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("article_id", Text, nullable=False),
    PrimaryKeyConstraint("key", "article_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("mentions", Integer, nullable=False, default=0),
    Index("ix_entities_name", "name"),
)

# The lookup table of entity resolution: a normalized name (legal suffixes and punctuation
# gone, see newsgraph.graph.resolve.normalize_name) of a given type belongs to one entity.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("norm", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    PrimaryKeyConstraint("norm", "type"),
    Index("ix_entity_keys_entity", "entity_id"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("count", Integer, nullable=False),
    # How often an article used this as the entity's canonical name; the most used one wins.
    Column("name_count", Integer, nullable=False),
    PrimaryKeyConstraint("entity_id", "alias"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", Text, nullable=False),
    Column("local_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "local_id"),
    Index("ix_article_entities_entity", "entity_id"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("status", Text),
    Column("certainty", Text, nullable=False),
    Column("source_kind", Text, nullable=False),
    Column("source_name", Text),
    Column("time_text", Text),
    Column("time_start", Text),
    Column("time_end", Text),
    Column("published", Text),
    # When it happened if the article says, else when it was reported: what --since filters.
    Column("date", Text),
    Column("args", Text, nullable=False),  # JSON, entity arguments as global entity ids
    Column("evidence", Text, nullable=False),  # JSON [[start, end], ...]
    Column("claim_id", Text, nullable=False),
    Column("cluster_id", Text, nullable=False),
    Index("ix_facts_article", "article_id", "idx"),
    # A claim's newest sources, read off the index (queries._sources_stmt).
    Index("ix_facts_claim_recent", "claim_id", "published", "id"),
    Index("ix_facts_type_date", "type", "date"),
)

# One row per entity argument of a fact, with the columns `facts --entity` filters and sorts
# on copied in, so that an entity with 100,000 facts is still one index range scan.
fact_entities = Table(
    "fact_entities",
    metadata,
    Column("entity_id", Text, nullable=False),
    Column("fact_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("date", Text),
    PrimaryKeyConstraint("entity_id", "fact_id", "role"),
    Index("ix_fact_entities_date", "entity_id", "date"),
    Index("ix_fact_entities_type", "entity_id", "type", "date"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("signature", Text, nullable=False),
    # For claims between exactly two entities: their ids sorted and joined, to find the
    # talks -> agreement -> completed chain of one pair.
    Column("pair", Text),
    Column("args", Text, nullable=False),  # JSON, from the first fact
    Column("value", Text),  # JSON money of the first fact that stated one
    Column("status", Text),
    Column("status_date", Text),
    Column("certainty", Text, nullable=False),
    Column("first_reported", Text),
    Column("last_reported", Text),
    Column("event_start", Text),
    Column("event_end", Text),
    Column("support", Integer, nullable=False, default=0),
    Column("n_facts", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
    Index("ix_claims_signature", "signature"),
    Index("ix_claims_pair", "pair"),
    Index("ix_claims_type", "type", "last_reported"),
)

claim_entities = Table(
    "claim_entities",
    metadata,
    Column("claim_id", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("last_reported", Text),
    # coalesce(event_start, first_reported): the timeline's order.
    Column("when", Text),
    PrimaryKeyConstraint("claim_id", "entity_id", "role"),
    Index("ix_claim_entities_last", "entity_id", "last_reported"),
    Index("ix_claim_entities_when", "entity_id", "when"),
)

# Who an entity deals with, kept up to date at ingest: `entity` shows the top counterparties of
# a hub with 10,000 claims from one index range instead of a self-join over all of them.
entity_pairs = Table(
    "entity_pairs",
    metadata,
    Column("entity_id", Text, nullable=False),
    Column("other_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("support", Integer, nullable=False),
    PrimaryKeyConstraint("entity_id", "other_id", "type"),
    Index("ix_entity_pairs_support", "entity_id", "support"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Text, primary_key=True),  # hash of claim, kind, fact and other claim
    Column("claim_id", Text, nullable=False),
    Column("kind", Text, nullable=False),  # denial, figure, status, moved_on
    Column("fact_id", Text),
    Column("other_claim_id", Text),
    Column("detail", Text, nullable=False),  # JSON
    Index("ix_conflicts_claim", "claim_id"),
)
