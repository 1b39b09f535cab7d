"""Link audit entries to the package or roster import that wrote them (``audit_log.sync_log_id``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

No foreign key: the audit log is only ever appended to, and an import writes a million entries whose
link is known to be right (an enforced key would look the sync log up once per entry).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("sync_log_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_audit_log_sync_log_id"), "audit_log", ["sync_log_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_sync_log_id"), table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("sync_log_id")
