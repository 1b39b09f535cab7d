"""Finalising from the grid: which rows are ready, the findings to acknowledge, and each row finalised."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Skp
from kinerja_desktop.core.db.session import savepoint
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, HasilFinal, StatusEvaluasi
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi.access import rating_kurang
from kinerja_desktop.core.services.evaluasi.edit import DistribusiPerluDiakui, finalise_evaluasi, temuan_untuk

BELUM_DINILAI = "belum dinilai; beri kedua rating dulu lalu finalkan."


def alasan_belum_siap(row: BarisEvaluasi) -> str:
    """Why this grid row cannot be finalised now ("" when it can): locked for this account, a rating
    missing, or not rated at all."""
    if not row.boleh_nilai:
        return row.alasan_terkunci
    kurang = rating_kurang(row.rating_hasil, row.rating_perilaku)
    if kurang:
        return f"{' dan '.join(j.label for j in kurang)} belum diisi; isi dulu lalu finalkan."
    if row.evaluasi_id is None or row.status is not StatusEvaluasi.DRAF:
        return BELUM_DINILAI
    return ""


def temuan_semua(session: Session, actor: Actor, evaluasi_ids: Iterable[str]) -> list[Temuan]:
    """The distribution findings of every unit these evaluations' pegawai belong to, each said once."""
    require(actor, Izin.LIHAT_DATA)
    per_unit: dict[str | None, str] = {}
    ids = list(evaluasi_ids)
    if ids:
        for evaluasi_id, unit_id in session.execute(
            select(Evaluasi.id, Pegawai.unit_kerja_id)
            .join(Skp, Skp.id == Evaluasi.skp_id)
            .join(Pegawai, Pegawai.id == Skp.pegawai_id)
            .where(Evaluasi.id.in_(ids))
        ):
            per_unit.setdefault(unit_id, evaluasi_id)
    hasil: list[Temuan] = []
    for evaluasi_id in per_unit.values():
        for t in temuan_untuk(session, actor, evaluasi_id):
            if t not in hasil:
                hasil.append(t)
    return hasil


def finalise_each(
    session: Session,
    actor: Actor,
    evaluasi_ids: Iterable[str],
    *,
    akui_temuan: bool,
    stamps: Mapping[str, str] | None = None,
    revisi: Mapping[str, int] | None = None,
) -> list[HasilFinal]:
    """Finalise each evaluation on its own: one refused (not ready, not this account's, findings not
    acknowledged, changed since it was shown, …) is reported with the reason and undoes nothing of the
    others.

    ``akui_temuan``: the user acknowledged the distribution findings shown before asking (see
    ``finalise_evaluasi``). What the screen read, per evaluation id: the form's ``stamps``, or the
    grid's ``revisi`` of the evaluation row. Each row runs in a SAVEPOINT of the one transaction.
    """
    hasil = []
    for evaluasi_id in evaluasi_ids:
        nama = _nama(session, evaluasi_id)
        try:
            with savepoint(session):
                finalise_evaluasi(
                    session,
                    actor,
                    evaluasi_id,
                    akui_temuan=akui_temuan,
                    stamp=(stamps or {}).get(evaluasi_id),
                    revisi=(revisi or {}).get(evaluasi_id),
                )
        except DistribusiPerluDiakui as exc:
            hasil.append(HasilFinal(evaluasi_id, nama, exc, tuple(exc.temuan)))
        except KnownError as exc:
            hasil.append(HasilFinal(evaluasi_id, nama, exc))
        else:
            hasil.append(HasilFinal(evaluasi_id, nama))
    return hasil


def _nama(session: Session, evaluasi_id: str) -> str:
    row = session.execute(
        select(Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang)
        .join(Skp, Skp.pegawai_id == Pegawai.id)
        .join(Evaluasi, Evaluasi.skp_id == Skp.id)
        .where(Evaluasi.id == evaluasi_id)
    ).first()
    return nama_lengkap(row.nama, row.gelar_depan, row.gelar_belakang) if row is not None else evaluasi_id
