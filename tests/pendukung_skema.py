"""Test support for older schemas: a data folder holding one of ``tests/data/schema_NNNN.sqlite3``."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import MetaData, create_engine, insert, select, text

from kinerja_desktop.core.db.engine import make_engine
from kinerja_desktop.core.db.migrate import alembic_config
from kinerja_desktop.core.paths import DATABASE_FILENAME, AppPaths

DATA = Path(__file__).resolve().parent / "data"


def revisi_berkas(berkas: Path) -> str:
    engine = create_engine(f"sqlite:///{berkas}")
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
    finally:
        engine.dispose()


def isi_folder_skema(berkas: Path, folder: Path) -> AppPaths:
    """``folder`` made to hold the database ``berkas`` (a SQLite file at an older schema), not opened.

    On SQLite the file is copied in. On PostgreSQL the folder's database is built by the migrations up
    to the file's revision and the file's rows are copied into it, so an upgrade is tested on both back
    ends with the same data.
    """
    paths = AppPaths(folder)
    folder.mkdir(parents=True, exist_ok=True)
    url = paths.database_url()
    if url.startswith("sqlite"):
        shutil.copy(berkas, folder / DATABASE_FILENAME)
        return paths
    from alembic import command

    engine = make_engine(url)
    sumber = create_engine(f"sqlite:///{berkas}")
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revisi_berkas(berkas))
        lama = MetaData()
        lama.reflect(sumber)
        baru = MetaData()
        baru.reflect(engine)
        with sumber.connect() as src, engine.begin() as dst:
            dst.execute(text("SET LOCAL session_replication_role = replica"))  # rows in any order
            for tabel in lama.tables.values():
                if tabel.name == "alembic_version":
                    continue
                rows = [dict(r._mapping) for r in src.execute(select(tabel))]
                if rows:
                    dst.execute(insert(baru.tables[tabel.name]), rows)
            for tabel in baru.tables.values():  # the sequences go on after the rows copied
                for kolom in tabel.primary_key.columns:
                    if str(kolom.type) == "INTEGER":
                        t, k = tabel.name, kolom.name
                        dst.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{t}', '{k}'), "
                                f"COALESCE(MAX({k}), 0) + 1, false) FROM {t}"
                            )
                        )
    finally:
        engine.dispose()
        sumber.dispose()
    return paths
