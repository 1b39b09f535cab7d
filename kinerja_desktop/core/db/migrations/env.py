"""Alembic environment: runs on the connection handed over by ``migrate.py`` (never from an ini file)."""

from __future__ import annotations

from alembic import context

from kinerja_desktop.core.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when a developer runs alembic by hand
    from kinerja_desktop.core.db.engine import make_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///kinerja.sqlite3"
    with make_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
