"""The version of each travelling row last agreed with each partner office (sync base for conflicts).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sinkron_dasar",
        sa.Column("mitra", sa.String(length=20), nullable=False),
        sa.Column("tabel", sa.String(length=40), nullable=False),
        sa.Column("baris_id", sa.String(length=36), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("sidik", sa.String(length=32), nullable=False),
        sa.Column("id_mitra", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("mitra", "tabel", "baris_id", name=op.f("pk_sinkron_dasar")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("sinkron_dasar")
