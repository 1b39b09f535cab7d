"""Test support for the demo office: the Actor of a demo account, without logging in (no audit rows)."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def demo_actor(ws: Workspace, username: str) -> Actor:
    """The Actor of the account ``username`` (admin, operator, penilai, pimpinan in the demo office)."""
    with ws.read() as s:
        return akun.actor_of(s.scalars(select(Pengguna).where(Pengguna.username == username)).one())
