"""Expected errors whose messages are fit to show a clerk, in Bahasa Indonesia."""

from __future__ import annotations

from datetime import datetime


class KnownError(Exception):
    """An error the user can understand and act on; ``pesan`` is shown as it is."""

    def __init__(self, pesan: str, *, saran: str | None = None) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran

    def __str__(self) -> str:
        if self.saran:
            return f"{self.pesan}\n{self.saran}"
        return self.pesan


class TidakPerlu(KnownError):
    """Nothing is wrong and nothing needs doing (the office's own package brought back to it): said
    plainly, not as a failure."""


class ValidationError(KnownError):
    """A value typed or imported by a person is not acceptable."""

    def __init__(self, pesan: str, *, kolom: str | None = None, saran: str | None = None) -> None:
        super().__init__(pesan, saran=saran)
        self.kolom = kolom


class PermissionDenied(KnownError):
    """The acting user's role does not allow this action."""


class NotFound(KnownError):
    """A row the user asked for does not exist (or was deleted)."""


class DatabaseError(KnownError):
    """The database cannot be opened, migrated, or written (locked, full disk, too new)."""


class LoginFailed(KnownError):
    """Wrong username or password, or the account is locked or inactive."""


class DataBerubah(KnownError):
    """The rows a screen shows were changed by someone else since it read them; nothing was written.

    ``oleh`` is who made the last change (a name, or empty when unknown) and ``pada`` when (UTC).
    """

    def __init__(self, pesan: str, *, oleh: str = "", pada: datetime | None = None) -> None:
        super().__init__(pesan)
        self.oleh = oleh
        self.pada = pada


class ServerTidakTerjangkau(DatabaseError):
    """The database server (``server``: host:port) could not be reached, or dropped the connection, in
    the middle of an action; the action's transaction was rolled back, so nothing of it was written."""

    def __init__(self, server: str) -> None:
        super().__init__(
            f"Server basis data {server} tidak bisa dihubungi. Tindakan ini tidak dijalankan; tidak ada "
            "yang tersimpan setengah jalan.",
            saran="Periksa jaringan (kabel atau Wi-Fi kantor) atau hubungi pengelola server, lalu coba lagi.",
        )
        self.server = server


class ServerBackupUnconfirmed(DatabaseError):
    """A server database needs a schema upgrade that this computer cannot back up first (no usable
    pg_dump), and nobody has yet confirmed that the server has a recent backup of its own; nothing was
    changed. ``alasan`` says why no backup can be made here, ``revisi`` is (before, after) and ``server``
    names the server (``db.bkpsdm.local:5432/kinerja``)."""

    def __init__(
        self,
        pesan: str,
        *,
        saran: str | None = None,
        alasan: str = "",
        revisi: tuple[str, str] = ("", ""),
        server: str = "",
    ) -> None:
        super().__init__(pesan, saran=saran)
        self.alasan = alasan
        self.revisi = revisi
        self.server = server
