"""The content of evidence files on a server database, once per SHA-256 (``berkas_bukti``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

On PostgreSQL every PC of a central office reads evidence from here instead of its own data folder.
The table exists on SQLite too (empty: a one-PC office keeps files in its data folder, where the
backups copy them once), so both back ends have the same schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "berkas_bukti",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("isi", sa.LargeBinary(), nullable=False),
        sa.Column("dibuat", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_berkas_bukti")),
    )


def downgrade() -> None:
    op.drop_table("berkas_bukti")
