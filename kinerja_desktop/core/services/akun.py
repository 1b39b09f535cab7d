"""Local accounts: login with lock-out, and account management by the administrator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import changed, content_stamp
from kinerja_desktop.core.db.models import Pegawai, Pengguna
from kinerja_desktop.core.db.session import AuditActor, log_event
from kinerja_desktop.core.errors import LoginFailed, NotFound, ValidationError
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.passwords import (
    check_password_strength,
    hash_password,
    needs_rehash,
    verify_password,
)

MAX_FAILURES = 5
LOCK_MINUTES = 15
#: The audit log's user for a login under a name no account has: what was typed is never stored (a
#: password typed into the name box would otherwise sit there in clear).
NAMA_TIDAK_DIKENAL = "(nama tidak dikenal)"


@cache
def _dummy_hash() -> str:
    """Checked against for an unknown name, so that it takes as long as a wrong password (made when
    first needed: hashing costs time at start-up)."""
    return hash_password("kata sandi pembanding")


@dataclass(frozen=True)
class PenggunaRow:
    """An account as screens show it."""

    id: str
    username: str
    nama: str
    peran: Peran
    aktif: bool
    terkunci: bool
    pegawai_id: str | None
    pegawai_nama: str
    login_terakhir: datetime | None
    stamp: str = ""


@dataclass(frozen=True)
class PegawaiPilihan:
    """An active pegawai an account can be linked to."""

    id: str
    nama: str
    nip: str

    @property
    def label(self) -> str:
        """ "Budi Santoso — 198503302010011002", as the choice list shows it."""
        return f"{self.nama} — {self.nip}"


def actor_of(pengguna: Pengguna) -> Actor:
    return Actor(pengguna.id, pengguna.username, pengguna.nama, Peran(pengguna.peran), pengguna.pegawai_id)


@dataclass(frozen=True)
class LoginOutcome:
    """Result of a login attempt. A failure is returned, not raised, so that the failure count the
    attempt wrote is committed; the caller raises ``error`` after the transaction."""

    actor: Actor | None
    error: LoginFailed | None = None


def attempt_login(session: Session, username: str, password: str) -> LoginOutcome:
    """Check the password; count failures and lock the account after ``MAX_FAILURES`` in a row.

    Every refusal is audited: an unknown name (without what was typed), an inactive account, an attempt
    while the account is locked, a wrong password. A successful login replaces a hash made with older
    parameters (scrypt) by an argon2id one.
    """
    username = username.strip().lower()
    pengguna = session.scalar(select(Pengguna).where(Pengguna.username == username))
    if pengguna is None:
        verify_password(password, _dummy_hash())
        session.info["actor"] = AuditActor(None, NAMA_TIDAK_DIKENAL)
        log_event(session, "login_gagal", "Nama pengguna tidak dikenal (yang diketik tidak dicatat)")
        return LoginOutcome(None, LoginFailed("Nama pengguna atau kata sandi salah.", saran=_SARAN_EJAAN))
    session.info["actor"] = AuditActor(pengguna.id, pengguna.username)
    now = utcnow()
    if not pengguna.aktif:
        log_event(session, "login_gagal", "Akun nonaktif", tabel="pengguna", baris_id=pengguna.id)
        return LoginOutcome(
            None, LoginFailed("Akun ini sudah dinonaktifkan.", saran="Hubungi administrator kantor.")
        )
    if pengguna.terkunci_sampai and pengguna.terkunci_sampai > now:
        menit = max(1, int((pengguna.terkunci_sampai - now).total_seconds() // 60) + 1)
        log_event(
            session,
            "login_gagal",
            f"Akun sedang terkunci (masih {menit} menit); percobaan masuk ditolak tanpa memeriksa kata sandi",
            tabel="pengguna",
            baris_id=pengguna.id,
        )
        return LoginOutcome(
            None,
            LoginFailed(
                f"Akun terkunci karena {MAX_FAILURES} kali salah kata sandi. Coba lagi dalam {menit} menit.",
                saran="Atau minta administrator membuka kunci akun ini.",
            ),
        )
    if not verify_password(password, pengguna.password_hash):
        pengguna.gagal_login += 1
        if pengguna.gagal_login >= MAX_FAILURES:
            pengguna.terkunci_sampai = now + timedelta(minutes=LOCK_MINUTES)
            pengguna.gagal_login = 0
            log_event(
                session, "akun_terkunci", "Terlalu banyak percobaan", tabel="pengguna", baris_id=pengguna.id
            )
            return LoginOutcome(
                None,
                LoginFailed(
                    f"Kata sandi salah {MAX_FAILURES} kali. Akun dikunci selama {LOCK_MINUTES} menit.",
                    saran="Minta administrator membuka kunci bila perlu segera.",
                ),
            )
        log_event(session, "login_gagal", "Kata sandi salah", tabel="pengguna", baris_id=pengguna.id)
        sisa = MAX_FAILURES - pengguna.gagal_login
        return LoginOutcome(
            None,
            LoginFailed(
                "Nama pengguna atau kata sandi salah.",
                saran=f"Sisa {sisa} kali percobaan sebelum akun dikunci sementara.",
            ),
        )
    pengguna.gagal_login = 0
    pengguna.terkunci_sampai = None
    pengguna.login_terakhir = now
    keterangan = "Masuk"
    if needs_rehash(pengguna.password_hash):
        pengguna.password_hash = hash_password(password)
        keterangan = "Masuk; simpanan kata sandi diperbarui ke argon2id"
    log_event(session, "login", keterangan, tabel="pengguna", baris_id=pengguna.id)
    return LoginOutcome(actor_of(pengguna))


_SARAN_EJAAN = "Periksa ejaan dan tombol Caps Lock."


def _validate_username(username: str) -> str:
    cleaned = username.strip().lower()
    if not (3 <= len(cleaned) <= 60) or not all(c.isalnum() or c in "._-" for c in cleaned):
        raise ValidationError(
            "Nama pengguna harus 3–60 karakter: huruf, angka, titik, garis bawah atau tanda hubung.",
            kolom="username",
        )
    return cleaned


def _validate_password(password: str) -> None:
    reason = check_password_strength(password)
    if reason:
        raise ValidationError(reason, kolom="password")


def create_pengguna(
    session: Session,
    actor: Actor,
    username: str,
    password: str,
    peran: Peran,
    nama: str = "",
    pegawai_id: str | None = None,
) -> str:
    """Create an account and return its id; a penilai must be linked to a pegawai."""
    require(actor, Izin.KELOLA_PENGGUNA)
    return _insert_pengguna(session, username, password, peran, nama, pegawai_id)


def create_first_admin(session: Session, username: str, password: str, nama: str = "") -> Actor:
    """The first administrator, allowed only while no account exists (first-run wizard, ``init``)."""
    if session.scalar(select(func.count()).select_from(Pengguna)):
        raise ValidationError("Akun administrator sudah ada; gunakan menu Pengguna untuk menambah akun.")
    pengguna_id = _insert_pengguna(session, username, password, Peran.ADMIN, nama or "Administrator", None)
    pengguna = session.get(Pengguna, pengguna_id)
    assert pengguna is not None
    return actor_of(pengguna)


def _insert_pengguna(
    session: Session, username: str, password: str, peran: Peran, nama: str, pegawai_id: str | None
) -> str:
    cleaned = _validate_username(username)
    _validate_password(password)
    if session.scalar(select(Pengguna.id).where(Pengguna.username == cleaned)):
        raise ValidationError(f"Nama pengguna '{cleaned}' sudah dipakai.", kolom="username")
    if peran is Peran.PENILAI and not pegawai_id:
        raise ValidationError(
            "Akun pejabat penilai harus dihubungkan dengan data pegawainya.", kolom="pegawai"
        )
    if pegawai_id and session.get(Pegawai, pegawai_id) is None:
        raise NotFound("Pegawai yang dipilih tidak ditemukan.")
    pengguna = Pengguna(
        username=cleaned,
        nama=nama.strip() or cleaned,
        peran=peran.value,
        password_hash=hash_password(password),
        pegawai_id=pegawai_id,
    )
    session.add(pengguna)
    session.flush()
    return pengguna.id


def _get(session: Session, pengguna_id: str, stamp: str | None = None) -> Pengguna:
    """The account; with ``stamp`` (``stamp_of`` as a screen read it) refused when someone changed it."""
    pengguna = session.get(Pengguna, pengguna_id)
    if pengguna is None:
        raise NotFound("Akun pengguna tidak ditemukan.")
    if stamp is not None and stamp_of(pengguna) != stamp:
        raise changed(session, (Pengguna, Pengguna.id == pengguna.id))
    return pengguna


def stamp_of(pengguna: Pengguna) -> str:
    """What an administrator edits of an account, as a stamp (accounts carry no ``revisi``)."""
    return content_stamp((pengguna.nama, pengguna.peran, pengguna.pegawai_id, pengguna.aktif))


def update_pengguna(
    session: Session,
    actor: Actor,
    pengguna_id: str,
    *,
    nama: str,
    peran: Peran,
    pegawai_id: str | None,
    aktif: bool,
    stamp: str | None = None,
) -> None:
    """Change an account's name, role, linked pegawai and active flag; ``stamp`` as the dialog read it."""
    require(actor, Izin.KELOLA_PENGGUNA)
    pengguna = _get(session, pengguna_id, stamp)
    if peran is Peran.PENILAI and not pegawai_id:
        raise ValidationError(
            "Akun pejabat penilai harus dihubungkan dengan data pegawainya.", kolom="pegawai"
        )
    if pengguna.id == actor.pengguna_id and (peran is not Peran.ADMIN or not aktif):
        raise ValidationError("Anda tidak dapat menurunkan peran atau menonaktifkan akun Anda sendiri.")
    if pengguna.peran == Peran.ADMIN and (peran is not Peran.ADMIN or not aktif):
        _ensure_other_admin(session, pengguna.id)
    pengguna.nama = nama.strip() or pengguna.username
    pengguna.peran = peran.value
    pengguna.pegawai_id = pegawai_id
    pengguna.aktif = aktif


def _ensure_other_admin(session: Session, except_id: str) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(Pengguna)
        .where(Pengguna.peran == Peran.ADMIN.value, Pengguna.aktif.is_(True), Pengguna.id != except_id)
    )
    if not others:
        raise ValidationError("Harus ada minimal satu administrator aktif.")


def reset_password(
    session: Session, actor: Actor, pengguna_id: str, password: str, *, stamp: str | None = None
) -> None:
    """Set a new password chosen by the administrator; the user must change it at next login."""
    require(actor, Izin.KELOLA_PENGGUNA)
    _validate_password(password)
    pengguna = _get(session, pengguna_id, stamp)
    pengguna.password_hash = hash_password(password)
    pengguna.harus_ganti_sandi = pengguna.id != actor.pengguna_id
    pengguna.gagal_login = 0
    pengguna.terkunci_sampai = None


def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    """Change the logged-in user's own password after checking the old one."""
    pengguna = _get(session, actor.pengguna_id or "")
    if not verify_password(old, pengguna.password_hash):
        raise ValidationError("Kata sandi lama salah.", kolom="password_lama")
    if old == new:
        raise ValidationError("Kata sandi baru harus berbeda dari yang lama.", kolom="password")
    _validate_password(new)
    pengguna.password_hash = hash_password(new)
    pengguna.harus_ganti_sandi = False


def unlock(session: Session, actor: Actor, pengguna_id: str) -> None:
    """Clear a lock-out before its time runs out."""
    require(actor, Izin.KELOLA_PENGGUNA)
    pengguna = _get(session, pengguna_id)
    pengguna.terkunci_sampai = None
    pengguna.gagal_login = 0
    log_event(
        session,
        "buka_kunci",
        f"Kunci akun {pengguna.username} dibuka",
        tabel="pengguna",
        baris_id=pengguna.id,
    )


def must_change_password(session: Session, actor: Actor) -> bool:
    pengguna = session.get(Pengguna, actor.pengguna_id or "")
    return bool(pengguna and pengguna.harus_ganti_sandi)


def list_pengguna(session: Session, actor: Actor) -> list[PenggunaRow]:
    """Every account, by username, with its linked pegawai's name."""
    require(actor, Izin.KELOLA_PENGGUNA)
    now = utcnow()
    rows = session.execute(
        select(Pengguna, Pegawai.nama)
        .outerjoin(Pegawai, Pegawai.id == Pengguna.pegawai_id)
        .order_by(Pengguna.username)
    ).all()
    return [
        PenggunaRow(
            id=p.id,
            username=p.username,
            nama=p.nama,
            peran=Peran(p.peran),
            aktif=p.aktif,
            terkunci=bool(p.terkunci_sampai and p.terkunci_sampai > now),
            pegawai_id=p.pegawai_id,
            pegawai_nama=pegawai_nama or "",
            login_terakhir=p.login_terakhir,
            stamp=stamp_of(p),
        )
        for p, pegawai_nama in rows
    ]


def list_pegawai_pilihan(session: Session, actor: Actor) -> list[PegawaiPilihan]:
    """The active pegawai by name: the choices for the pegawai linked to an account."""
    require(actor, Izin.KELOLA_PENGGUNA)
    rows = session.execute(
        select(Pegawai.id, Pegawai.nama, Pegawai.nip)
        .where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
        .order_by(Pegawai.nama)
    )
    return [PegawaiPilihan(id_, nama, nip) for id_, nama, nip in rows]
