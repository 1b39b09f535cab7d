"""Accounts: login, lock-out, management rules and permissions enforced by the service itself."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai, Pengguna
from kinerja_desktop.core.errors import LoginFailed, PermissionDenied, ValidationError
from kinerja_desktop.core.services import akun, kantor, passwords
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace


def _make(ws: Workspace, admin: Actor, username: str, peran: Peran, pegawai_id: str | None = None) -> str:
    with ws.transaction(admin) as session:
        return akun.create_pengguna(session, admin, username, f"{username}123", peran, pegawai_id=pegawai_id)


def _pegawai(ws: Workspace, admin: Actor) -> str:
    with ws.transaction(admin) as session:
        info = kantor.get_kantor(session)
        p = Pegawai(kantor_id=info.id, nip="198609262015051001", nama="Budi", tanggal_lahir=date(1986, 9, 26))
        session.add(p)
        session.flush()
        return p.id


def test_login_returns_actor_with_role(workspace: Workspace) -> None:
    actor = workspace.login("  ADMIN ", "rahasia123")
    assert actor.username == "admin"
    assert actor.peran is Peran.ADMIN


def test_unknown_user_and_wrong_password_give_the_same_message(workspace: Workspace) -> None:
    with pytest.raises(LoginFailed, match="salah") as unknown:
        workspace.login("siapa", "rahasia123")
    with pytest.raises(LoginFailed, match="salah") as wrong:
        workspace.login("admin", "keliru123")
    assert unknown.value.pesan == wrong.value.pesan


def test_failures_are_counted_and_lock_the_account(workspace: Workspace) -> None:
    for attempt in range(akun.MAX_FAILURES - 1):
        with pytest.raises(LoginFailed, match=f"Sisa {akun.MAX_FAILURES - attempt - 1}"):
            workspace.login("admin", "keliru123")
    with pytest.raises(LoginFailed, match="dikunci"):
        workspace.login("admin", "keliru123")
    # Even the right password is refused while locked.
    with pytest.raises(LoginFailed, match="terkunci"):
        workspace.login("admin", "rahasia123")
    with workspace.read() as session:
        actions = list(session.scalars(select(AuditLog.aksi).where(AuditLog.aksi.like("%login%"))))
        terkunci = list(
            session.scalars(select(AuditLog.keterangan).where(AuditLog.keterangan.like("%sedang terkunci%")))
        )
    # Four wrong passwords, then the attempt with the right one while locked: all audited.
    assert actions.count("login_gagal") == akun.MAX_FAILURES
    assert len(terkunci) == 1 and "ditolak" in terkunci[0]


def test_lock_expires_and_admin_can_unlock(workspace: Workspace, admin: Actor) -> None:
    _make(workspace, admin, "operator1", Peran.OPERATOR)
    for _ in range(akun.MAX_FAILURES):
        with pytest.raises(LoginFailed):
            workspace.login("operator1", "salah1234")
    with workspace.read() as session:
        row = next(r for r in akun.list_pengguna(session, admin) if r.username == "operator1")
    assert row.terkunci
    with workspace.transaction(admin) as session:
        akun.unlock(session, admin, row.id)
    assert workspace.login("operator1", "operator1123").peran is Peran.OPERATOR


def test_expired_lock_no_longer_blocks(workspace: Workspace) -> None:
    from kinerja_desktop.core.db.base import utcnow

    with workspace.transaction() as session:
        user = session.scalar(select(Pengguna).where(Pengguna.username == "admin"))
        assert user is not None
        user.terkunci_sampai = utcnow() - timedelta(seconds=1)
    assert workspace.login("admin", "rahasia123").username == "admin"


def test_inactive_account_cannot_log_in(workspace: Workspace, admin: Actor) -> None:
    uid = _make(workspace, admin, "pimpinan1", Peran.PIMPINAN)
    with workspace.transaction(admin) as session:
        akun.update_pengguna(
            session, admin, uid, nama="P", peran=Peran.PIMPINAN, pegawai_id=None, aktif=False
        )
    with pytest.raises(LoginFailed, match="nonaktif"):
        workspace.login("pimpinan1", "pimpinan1123")


def test_only_admin_manages_accounts(workspace: Workspace, admin: Actor) -> None:
    _make(workspace, admin, "operator1", Peran.OPERATOR)
    operator = workspace.login("operator1", "operator1123")
    with (
        pytest.raises(PermissionDenied, match="tidak berhak mengelola akun"),
        workspace.transaction(operator) as s,
    ):
        akun.create_pengguna(s, operator, "curang", "curang123", Peran.ADMIN)
    with workspace.read() as session:
        assert session.scalar(select(Pengguna).where(Pengguna.username == "curang")) is None


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("ab", "operator123", "3–60 karakter"),
        ("ada spasi", "operator123", "3–60 karakter"),
        ("baru", "pendek1", "minimal 8"),
        ("baru", "hanyahuruf", "huruf dan angka"),
        ("admin", "operator123", "sudah dipakai"),
    ],
)
def test_bad_account_data_is_refused(
    workspace: Workspace, admin: Actor, username: str, password: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message), workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, username, password, Peran.OPERATOR)


def test_penilai_must_be_linked_to_a_pegawai(workspace: Workspace, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="dihubungkan"):
        _make(workspace, admin, "penilai1", Peran.PENILAI)
    actor_id = _make(workspace, admin, "penilai1", Peran.PENILAI, _pegawai(workspace, admin))
    assert workspace.login("penilai1", "penilai1123").pegawai_id is not None
    assert actor_id


def test_last_admin_cannot_be_demoted_or_deactivated(workspace: Workspace, admin: Actor) -> None:
    other = _make(workspace, admin, "admin2", Peran.ADMIN)
    admin2 = workspace.login("admin2", "admin2123")
    with workspace.transaction(admin2) as session:
        akun.update_pengguna(
            session,
            admin2,
            admin.pengguna_id or "",
            nama="A",
            peran=Peran.OPERATOR,
            pegawai_id=None,
            aktif=True,
        )
    with pytest.raises(ValidationError, match="sendiri"), workspace.transaction(admin2) as session:
        akun.update_pengguna(
            session, admin2, other, nama="A2", peran=Peran.OPERATOR, pegawai_id=None, aktif=True
        )


def test_reset_password_forces_a_change_at_next_login(workspace: Workspace, admin: Actor) -> None:
    uid = _make(workspace, admin, "operator1", Peran.OPERATOR)
    with workspace.transaction(admin) as session:
        akun.reset_password(session, admin, uid, "sementara1")
    operator = workspace.login("operator1", "sementara1")
    with workspace.read() as session:
        assert akun.must_change_password(session, operator)
    with workspace.transaction(operator) as session:
        akun.change_own_password(session, operator, "sementara1", "baruSekali9")
    with workspace.read() as session:
        assert not akun.must_change_password(session, operator)
    assert workspace.login("operator1", "baruSekali9").username == "operator1"


def test_change_own_password_checks_the_old_one(workspace: Workspace, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="lama salah"), workspace.transaction(admin) as session:
        akun.change_own_password(session, admin, "bukan1234", "baruSekali9")


def test_passwords_are_stored_as_argon2id_hashes(workspace: Workspace, admin: Actor) -> None:
    _make(workspace, admin, "operator1", Peran.OPERATOR)
    with workspace.read() as session:
        stored = {u: h for u, h in session.execute(select(Pengguna.username, Pengguna.password_hash))}
    for username, hashed in stored.items():
        assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$"), username
        assert username not in hashed and len(hashed) <= 255  # fits Pengguna.password_hash
    assert passwords.verify_password("operator1123", stored["operator1"])
    assert not passwords.verify_password("operator1124", stored["operator1"])


def _scrypt(password: str) -> str:
    """A hash as versions before argon2id stored it: ``scrypt$N$r$p$salt$hash``."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def _stored_hash(workspace: Workspace, username: str) -> str:
    with workspace.read() as session:
        stored = session.scalar(select(Pengguna.password_hash).where(Pengguna.username == username))
    assert stored is not None
    return stored


def test_an_scrypt_hash_is_replaced_at_the_next_successful_login_only(workspace: Workspace) -> None:
    lama = _scrypt("rahasia123")
    with workspace.transaction() as session:
        user = session.scalar(select(Pengguna).where(Pengguna.username == "admin"))
        assert user is not None
        user.password_hash = lama
    assert passwords.verify_password("rahasia123", lama) and passwords.needs_rehash(lama)

    with pytest.raises(LoginFailed):
        workspace.login("admin", "keliru123")
    assert _stored_hash(workspace, "admin") == lama  # a failed login changes nothing

    assert workspace.login("admin", "rahasia123").username == "admin"
    baru = _stored_hash(workspace, "admin")
    assert baru.startswith("$argon2id$") and not passwords.needs_rehash(baru)
    assert passwords.verify_password("rahasia123", baru)
    # The new hash works for the next login and is not replaced again.
    assert workspace.login("admin", "rahasia123").username == "admin"
    assert _stored_hash(workspace, "admin") == baru
    with workspace.read() as session:
        masuk = list(session.scalars(select(AuditLog.keterangan).where(AuditLog.aksi == "login")))
    assert sum("argon2id" in k for k in masuk) == 1


def test_malformed_or_unknown_hashes_never_verify() -> None:
    for stored in (
        "",
        "plain",
        "scrypt$1$2$3$!!$??",
        "$argon2id$v=19$rusak",
        "$2b$12$abcdefghijklmnopqrstuv",
    ):
        assert not passwords.verify_password("rahasia123", stored)
        assert passwords.needs_rehash(stored)


def test_an_unknown_name_is_audited_without_what_was_typed(workspace: Workspace) -> None:
    typed = "Rahasia123Ku"  # e.g. a password typed into the name box
    with pytest.raises(LoginFailed):
        workspace.login(typed, "apa saja")
    with workspace.read() as session:
        rows = session.execute(
            select(AuditLog.username, AuditLog.keterangan, AuditLog.sebelum, AuditLog.sesudah).where(
                AuditLog.aksi == "login_gagal"
            )
        ).all()
    assert len(rows) == 1
    [(username, keterangan, sebelum, sesudah)] = rows
    assert username == akun.NAMA_TIDAK_DIKENAL and "tidak dikenal" in keterangan
    assert typed.lower() not in f"{username} {keterangan} {sebelum} {sesudah}".lower()


def test_pegawai_choices_are_the_active_pegawai_by_name_for_the_administrator(
    workspace: Workspace, admin: Actor
) -> None:
    budi = _pegawai(workspace, admin)
    with workspace.transaction(admin) as session:
        info = kantor.get_kantor(session)
        tanggal = date(1990, 1, 1)
        session.add_all(
            [
                Pegawai(kantor_id=info.id, nip="199001012015051002", nama="Ani", tanggal_lahir=tanggal),
                Pegawai(
                    kantor_id=info.id,
                    nip="199001012015051003",
                    nama="Pensiunan",
                    tanggal_lahir=tanggal,
                    status_aktif="pensiun",
                ),
            ]
        )
    with workspace.read() as session:
        pilihan = akun.list_pegawai_pilihan(session, admin)
    assert [p.nama for p in pilihan] == ["Ani", "Budi"]
    assert pilihan[1].id == budi and pilihan[1].label == "Budi — 198609262015051001"
    _make(workspace, admin, "operator1", Peran.OPERATOR)
    operator = workspace.login("operator1", "operator1123")
    with pytest.raises(PermissionDenied), workspace.read() as session:
        akun.list_pegawai_pilihan(session, operator)
