"""Declarative base, naming convention and the sync columns every travelling row carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware current time in UTC."""
    return datetime.now(UTC)


def new_id() -> str:
    """A new row identity: a random UUID as 36-character text."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    """Base of every model; shares one MetaData with a stable naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(TypeDecorator[datetime]):
    """DateTime stored as UTC; values read back from SQLite are made timezone-aware again."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class SyncMixin:
    """Columns of a row that can leave the office (architecture: data that travels).

    ``id`` is born once where the row is born; ``revisi`` goes up on every change and
    ``diubah_pada`` follows it (both maintained by the session hooks in ``session.py``);
    ``dihapus_pada`` marks a deletion that must travel as a tombstone.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kantor_asal: Mapped[str] = mapped_column(String(20), default="", index=False)
    revisi: Mapped[int] = mapped_column(Integer, default=1)
    diubah_pada: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    dihapus_pada: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a class attribute made per class)
        # The UPDATE (and DELETE) of a row is conditional on the revisi this transaction read, so a change
        # committed meanwhile is never overwritten (``concurrency.py``); the session hooks raise it.
        return {"version_id_col": cls.__table__.c.revisi, "version_id_generator": False}  # type: ignore[attr-defined]

    @property
    def dihapus(self) -> bool:
        return self.dihapus_pada is not None
