"""A long read (the whole city's Penilaian page, a recap) never holds up someone saving meanwhile."""

from __future__ import annotations

from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Pegawai, Pengaturan
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def test_a_write_goes_through_while_a_read_is_still_open(workspace: Workspace, admin: Actor) -> None:
    with workspace.read() as pembaca:
        hasil = pembaca.execute(select(Pegawai.id))  # a read transaction, its rows not all taken yet
        hasil.fetchmany(1)
        with workspace.transaction(admin) as penulis:  # another staff member saves meanwhile
            kantor.set_setting(penulis, "catatan_uji", "tersimpan")
        assert pembaca.scalar(select(func.count()).select_from(Pegawai)) is not None  # the read goes on
    with workspace.read() as s:
        assert s.scalar(select(Pengaturan.nilai).where(Pengaturan.kunci == "catatan_uji")) == "tersimpan"
