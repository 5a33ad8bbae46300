"""Numbered schema migrations, applied in order and recorded in `meta.schema_version`.

A migration is never edited once released: a change to the schema is a new function at the
end of MIGRATIONS (and the matching change in `schema.py`), so that a file made by an older
newsgraph is brought up to date the same way as a new one. (sqlite-migrate's habit.)
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select, text

from newsgraph.errors import StoreError
from newsgraph.store import schema

APPLICATION = "newsgraph"


def _m0001_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _m0002_full_text(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        # An external-content FTS5 table: the text is stored once (in articles) and any SQLite
        # tool can query it; triggers keep it in step with the articles table.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, text, content='articles', content_rowid='seq', tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.seq, old.title, old.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.seq, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
    else:
        # PostgreSQL: an expression index that search_articles' WHERE clause matches exactly.
        conn.exec_driver_sql(f"CREATE INDEX ix_articles_fts ON articles USING gin (({PG_TSVECTOR}))")


def _m0003_entity_pairs(conn: Connection) -> None:
    # checkfirst: a store created by this version got the table from migration 1 already.
    schema.entity_pairs.create(conn, checkfirst=True)
    conn.exec_driver_sql("DELETE FROM entity_pairs")
    conn.exec_driver_sql(
        "INSERT INTO entity_pairs (entity_id, other_id, type, claims, support) "
        "SELECT a.entity_id, b.entity_id, c.type, COUNT(*), SUM(c.support) "
        "FROM (SELECT DISTINCT claim_id, entity_id FROM claim_entities) a "
        "JOIN (SELECT DISTINCT claim_id, entity_id FROM claim_entities) b "
        "ON a.claim_id = b.claim_id AND a.entity_id <> b.entity_id "
        "JOIN claims c ON c.id = a.claim_id GROUP BY a.entity_id, b.entity_id, c.type"
    )


def _m0004_claim_sources_index(conn: Connection) -> None:
    # A claim's newest sources come off (claim_id, published, id) without sorting all of them:
    # a hub's claim can have thousands of facts. It serves claim_id lookups too.
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_facts_claim")
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_facts_claim_recent ON facts (claim_id, published, id)"
    )


PG_TSVECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"

MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial tables", _m0001_initial),
    (2, "full-text index over articles", _m0002_full_text),
    (3, "entity pairs with claim counts and support", _m0003_entity_pairs),
    (4, "an index of each claim's sources by date", _m0004_claim_sources_index),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int | None:
    """The schema version of a newsgraph store, 0 for an empty database, None if not ours."""
    names = set(conn.dialect.get_table_names(conn))
    if not names:
        return 0
    if "meta" not in names:
        return None
    rows = dict(conn.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    if rows.get("application") != APPLICATION:
        return None
    return int(rows.get("schema_version", "0"))


def migrate(conn: Connection, where: str) -> int:
    """Bring the store up to SCHEMA_VERSION inside the caller's transaction; return the version."""
    version = current_version(conn)
    if version is None:
        raise StoreError(f"{where} is not a newsgraph database (it has other tables in it)")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where} has schema version {version}, newer than this newsgraph knows "
            f"({SCHEMA_VERSION}); upgrade newsgraph"
        )
    for number, _name, step in MIGRATIONS:
        if number > version:
            step(conn)
    if version < SCHEMA_VERSION:
        conn.execute(text("DELETE FROM meta WHERE key IN ('application', 'schema_version')"))
        conn.execute(
            schema.meta.insert(),
            [
                {"key": "application", "value": APPLICATION},
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            ],
        )
    return SCHEMA_VERSION
