"""Rows written straight into a database made by an older schema, as its release wrote them."""

from __future__ import annotations

from sqlalchemy import Connection, text

from annotator.store.database import make_engine, migrate


def insert_project(conn: Connection, project_id: int = 1) -> None:
    """Project ``project_id``, named "lama", in Indonesian."""
    conn.execute(
        text(
            "INSERT INTO project (id, name, language, created_at) "
            "VALUES (:id, 'lama', 'id', CURRENT_TIMESTAMP)"
        ),
        {"id": project_id},
    )


def insert_document(
    conn: Connection, doc_id: int, title: str, body: str, status: str = "new", project_id: int = 1
) -> None:
    """A document of project ``project_id`` (content hash ``h<doc_id>``, no metadata)."""
    conn.execute(
        text(
            "INSERT INTO document (id, project_id, title, text, meta, content_hash, status, "
            "created_at, updated_at) VALUES (:id, :project, :title, :body, '{}', :hash, :status, "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ),
        {"id": doc_id, "project": project_id, "title": title, "body": body,
         "hash": f"h{doc_id}", "status": status},
    )  # fmt: skip


def old_database(
    url: str, revision: str, title: str = "Lama", body: str = "Polda Kaltara siaga di Tarakan."
) -> None:
    """A database at schema ``revision`` holding project "lama" with one document (id 1)."""
    engine = make_engine(url)
    migrate(engine, revision)
    with engine.begin() as conn:
        insert_project(conn)
        insert_document(conn, 1, title, body)
    engine.dispose()
