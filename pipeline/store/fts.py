"""Full-text indexes over the store and the triggers that keep them in step.

Agenda items get the FTS index sqlite-utils' enable_fts would write; actions,
resolutions and amounts get one each (``FACT_FTS``), an amount indexed with the
words around it. The statements are plain SQL so store/ensure.py can run them
inside one transaction.
"""

from __future__ import annotations

#: The FTS index over agenda items and the triggers keeping it in sync (the SQL
#: sqlite-utils' enable_fts writes, run as plain statements so it can sit in a
#: transaction: executescript would commit half way).
FTS_TRIGGERS = {
    "agenda_items_ai": """CREATE TRIGGER "agenda_items_ai" AFTER INSERT ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
    "agenda_items_ad": """CREATE TRIGGER "agenda_items_ad" AFTER DELETE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text")
    VALUES('delete', old.rowid, old."title", old."text");
END""",
    "agenda_items_au": """CREATE TRIGGER "agenda_items_au" AFTER UPDATE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text")
    VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
}
FTS_SQL = """CREATE VIRTUAL TABLE "agenda_items_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="agenda_items"
)"""

TOKENIZE = "porter unicode61 remove_diacritics 2"
#: Characters either side of an amount that are indexed with it.
AMOUNT_WINDOW = 150


def _amount_context(row: str) -> str:
    return (
        f"(select substr(d.text, max(1, {row}.start_char + 1 - {AMOUNT_WINDOW}),"
        f" {row}.end_char - {row}.start_char + 2 * {AMOUNT_WINDOW}) from "
        f"documents d where d.id = {row}.document_id)"
    )


#: table -> (FTS column, SQL expression over the fact row ``{row}``), in order.
FACT_FTS: dict[str, tuple[tuple[str, str], ...]] = {
    "actions": (("text", "{row}.text"), ("owner", "{row}.owner"), ("context", "{row}.context")),
    "resolutions": (("text", "{row}.text"),),
    "amounts": (("text", "{row}.text"), ("purpose", "{row}.purpose"), ("context", "@amount_context")),
}
#: Columns whose change re-indexes a row (an UPDATE of status does not).
WATCHED = {
    "actions": ("text", "owner", "context"),
    "resolutions": ("text",),
    "amounts": ("text", "purpose", "document_id", "start_char", "end_char"),
}


def fts_name(table: str) -> str:
    return f"{table}_fts"


def fts_values(table: str, row: str) -> str:
    return ", ".join(
        _amount_context(row) if expr == "@amount_context" else expr.format(row=row)
        for _, expr in FACT_FTS[table]
    )


def fts_columns(table: str) -> str:
    return ", ".join(f'"{col}"' for col, _ in FACT_FTS[table])


def fts_sql(table: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE \"{fts_name(table)}\" USING FTS5 ({fts_columns(table)}, tokenize='{TOKENIZE}')"
    )


def trigger_sql(table: str) -> dict[str, str]:
    """The four triggers keeping ``<table>_fts`` equal to ``table``."""
    fts, cols = fts_name(table), fts_columns(table)
    insert_new = f'INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {fts_values(table, "new")});'
    delete_old = f'DELETE FROM "{fts}" WHERE rowid = old.rowid;'
    watched = ", ".join(f'"{c}"' for c in WATCHED[table])
    return {
        f"{fts}_bi": f'CREATE TRIGGER "{fts}_bi" BEFORE INSERT ON "{table}" BEGIN\n'
        f'  DELETE FROM "{fts}" WHERE rowid IN (SELECT rowid FROM "{table}" WHERE id = new.id);\nEND',
        f"{fts}_ai": f'CREATE TRIGGER "{fts}_ai" AFTER INSERT ON "{table}" BEGIN\n  {insert_new}\nEND',
        f"{fts}_ad": f'CREATE TRIGGER "{fts}_ad" AFTER DELETE ON "{table}" BEGIN\n  {delete_old}\nEND',
        f"{fts}_au": f'CREATE TRIGGER "{fts}_au" AFTER UPDATE OF {watched} ON "{table}" BEGIN\n'
        f"  {delete_old}\n  {insert_new}\nEND",
    }


TRIGGERS: dict[str, str] = {name: sql for table in FACT_FTS for name, sql in trigger_sql(table).items()}
