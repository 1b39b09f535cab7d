"""The foreign key from a unit's head to the pegawai (``unit_kerja.kepala_id``) on servers that lack it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

Revision 0001 declared the key with ``use_alter`` inside ``create_table``. SQLite writes it into the
table, but a back end that can ALTER tables (PostgreSQL) leaves such a key out of CREATE TABLE and
Alembic never adds it afterwards, so a PostgreSQL database built by the migrations had no key where a
new one (built from the models) has it. Added here where missing; SQLite already has it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NAME = "fk_unit_kerja_kepala_id_pegawai"


def _present() -> bool:
    keys = sa.inspect(op.get_bind()).get_foreign_keys("unit_kerja")
    return any(key["constrained_columns"] == ["kepala_id"] for key in keys)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" and not _present():
        op.create_foreign_key(NAME, "unit_kerja", "pegawai", ["kepala_id"], ["id"])


def downgrade() -> None:
    """Nothing: the key belongs to the schema of 0005 too; 0006 only repairs databases that lacked it."""
