"""Index realisasi by periode (the monitoring screen counts one period's realisations).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_realisasi_periode"), "realisasi", ["periode"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_realisasi_periode"), table_name="realisasi")
