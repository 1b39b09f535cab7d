"""RHK remembers the RHK a revision copied it from (subordinates' links follow it when the revision is approved).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Batch mode would copy the whole rhk table (and SQLite's DROP TABLE then checks every row
        # other tables point to, minutes on a large office). SQLite adds a nullable column with its
        # foreign key in place.
        op.execute(
            "ALTER TABLE rhk ADD COLUMN asal_id VARCHAR(36) CONSTRAINT fk_rhk_asal_id_rhk REFERENCES rhk (id)"
        )
    else:
        op.add_column("rhk", sa.Column("asal_id", sa.String(length=36), nullable=True))
        op.create_foreign_key(op.f("fk_rhk_asal_id_rhk"), "rhk", "rhk", ["asal_id"], ["id"])
    op.create_index(op.f("ix_rhk_asal_id"), "rhk", ["asal_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rhk_asal_id"), table_name="rhk")
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_rhk_asal_id_rhk"), type_="foreignkey")
        batch_op.drop_column("asal_id")
