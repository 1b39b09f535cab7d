"""Main window: navigation on the left, the current page on the right, status bar below."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from kinerja_desktop import APP_TITLE, __version__
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.cadangan.automatic import AutomaticBackups
from kinerja_desktop.ui.common import ops, tampilan
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_info
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import ERROR_STYLE


def page_classes() -> list[type[Page]]:
    """Every page in navigation order; the main window shows those the user's role may open."""
    from kinerja_desktop.ui.audit.page import AuditPage
    from kinerja_desktop.ui.beranda.page import BerandaPage
    from kinerja_desktop.ui.cadangan.page import CadanganPage
    from kinerja_desktop.ui.exchange.page import SinkronisasiPage
    from kinerja_desktop.ui.kantor.page import KantorPage
    from kinerja_desktop.ui.matriks.page import MatriksPage
    from kinerja_desktop.ui.monitoring.page import MonitoringPage
    from kinerja_desktop.ui.pegawai.page import PegawaiPage
    from kinerja_desktop.ui.pelatihan.page import PelatihanPage
    from kinerja_desktop.ui.pengguna.page import PenggunaPage
    from kinerja_desktop.ui.penilaian.page import PenilaianPage
    from kinerja_desktop.ui.realisasi.page import RealisasiPage
    from kinerja_desktop.ui.skp.page import SkpPage
    from kinerja_desktop.ui.unit_kerja.page import UnitKerjaPage

    return [
        BerandaPage,
        PegawaiPage,
        UnitKerjaPage,
        PelatihanPage,
        SkpPage,
        RealisasiPage,
        MonitoringPage,
        PenilaianPage,
        MatriksPage,
        SinkronisasiPage,
        PenggunaPage,
        KantorPage,
        CadanganPage,
        AuditPage,
    ]


#: Why this computer makes no backups of a database on a server, and where to read what to do instead.
SERVER_BACKUP = (
    "Komputer ini belum bisa mencadangkan basis data di server PostgreSQL (pg_dump tidak ada atau terlalu "
    "lama). Lihat halaman Cadangan untuk yang perlu dipasang."
)


class MainWindow(QMainWindow):
    """Emits ``logged_out`` when the user logs out (or after a restore, which needs a new login)."""

    logged_out = Signal()
    #: The server's settings changed: the app opens the data folder again, then the login.
    reconnect_requested = Signal()
    #: Leave the demo office for a real one: True keeps the demo aside, False deletes it.
    start_real_requested = Signal(bool)

    def __init__(self, workspace: Workspace, actor: Actor) -> None:
        super().__init__()
        self.workspace = workspace
        self.actor = actor
        self.tasks = TaskRunner(self)
        self.ctx = UiContext(workspace, actor, self.tasks)
        self._logging_out = False
        self._fokus: Fokus | None = None  # the filter of the page being opened (see open_page)
        # Closing: "open" → ("copying" the backups outside when the reminder was accepted) → "leaving"
        # (the backup after a change) → "closed".
        self._closing = "open"
        self._inside_close = False
        self.automatic_backups = AutomaticBackups(self, self.ctx)
        self.can_back_up = self.automatic_backups.enabled
        tampilan.open_store(workspace.paths, actor.username)  # before the pages read their column widths
        self.resize(QSize(1100, 720))  # the size when not maximised, until the user chooses one
        if not tampilan.restore_window(self):
            self.setWindowState(Qt.WindowState.WindowMaximized)  # the first time on this PC

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet(
            "QListWidget { border: none; outline: none; background: #f3f5f4; font-size: 11pt; }"
            "QListWidget::item { padding: 9px 14px; }"
            "QListWidget::item:selected { background: #1b6e4a; color: white; }"
        )
        self.stack = QStackedWidget()
        self._classes = [cls for cls in page_classes() if actor.can(cls.izin)]
        self._pages: dict[int, Page] = {}
        for cls in self._classes:
            self.nav.addItem(QListWidgetItem(cls.title))
            self.stack.addWidget(QWidget())  # replaced by the real page on first visit
        self.nav.currentRowChanged.connect(self.on_nav_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status_kantor = QLabel()
        self.status_user = QLabel()
        self.status_db = QLabel()
        self.status_backup = QLabel()
        self.status_backup.setObjectName("status_backup")
        for label in (self.status_kantor, self.status_user, self.status_db):
            label.setContentsMargins(6, 0, 12, 0)
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.status_backup)
        self.tasks.server.berubah.connect(self.on_server_berubah)
        self._build_menu()
        self._load_identity()
        self.refresh_status()
        self.nav.setCurrentRow(0)

    # --- set-up -------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        berkas = self.menuBar().addMenu("&Berkas")
        self.backup_action = QAction("Buat &cadangan sekarang", self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.setEnabled(self.actor.can(Izin.CADANGAN) and self.can_back_up)
        if not self.can_back_up:
            self.backup_action.setStatusTip(SERVER_BACKUP)
        self.backup_action.triggered.connect(self.on_backup_triggered)
        berkas.addAction(self.backup_action)
        folder = QAction("Buka folder &data", self)
        folder.triggered.connect(self.on_open_folder_triggered)
        berkas.addAction(folder)
        if not self.workspace.is_sqlite:
            self.server_action = QAction("Ubah &sambungan server…", self)
            self.server_action.setEnabled(self.actor.can(Izin.KELOLA_KANTOR))
            self.server_action.setStatusTip("Alamat, basis data, pengguna atau kata sandi server PostgreSQL")
            self.server_action.triggered.connect(self.on_server_triggered)
            berkas.addAction(self.server_action)
        self.start_real_action = QAction("&Mulai data kantor sungguhan…", self)
        self.start_real_action.setVisible(False)  # only on the demo office (see _load_identity)
        self.start_real_action.setEnabled(self.actor.can(Izin.KELOLA_KANTOR))
        self.start_real_action.triggered.connect(self.on_start_real_triggered)
        berkas.addAction(self.start_real_action)
        berkas.addSeparator()
        logout = QAction("&Keluar akun", self)
        logout.triggered.connect(self.logout)
        berkas.addAction(logout)
        close = QAction("&Tutup aplikasi", self)
        close.setShortcut(QKeySequence("Ctrl+Q"))
        close.triggered.connect(self.close)
        berkas.addAction(close)

        akun_menu = self.menuBar().addMenu("&Akun")
        change = QAction("&Ganti kata sandi…", self)
        change.triggered.connect(self.on_change_password_triggered)
        akun_menu.addAction(change)

        bantuan = self.menuBar().addMenu("Ba&ntuan")
        panduan = QAction("&Panduan", self)
        panduan.setShortcut(QKeySequence("F1"))  # the chapter of the page in view
        panduan.triggered.connect(self.on_panduan_triggered)
        bantuan.addAction(panduan)
        about = QAction("&Tentang", self)
        about.triggered.connect(self.on_about_triggered)
        bantuan.addAction(about)

    def _load_identity(self) -> None:
        dibaca = ops.look(self, lambda s, _a: kantor.get_kantor(s))
        if not dibaca:
            return
        self.kantor = dibaca.value
        demo = "  [DATA DEMO]" if self.kantor.demo else ""
        self.start_real_action.setVisible(self.kantor.demo and self.workspace.is_sqlite)
        self.setWindowTitle(f"{APP_TITLE} — {self.kantor.nama}{demo}")
        self.status_kantor.setText(f"Kantor: {self.kantor.nama} ({self.kantor.kode})")
        self.status_user.setText(f"Pengguna: {self.actor.nama} — {self.actor.peran.label}")  # no (…(…))
        self._show_database()

    def _show_database(self) -> None:
        server = self.workspace.server_label
        if server is None:
            self.status_db.setText(f"Basis data: {self.workspace.location}")
        elif self.tasks.server.terjangkau:
            self.status_db.setText(f"Server: {server}")
            self.status_db.setStyleSheet("")
            self.status_db.setToolTip("")
        else:
            self.status_db.setText(f"Server: {server} — TIDAK TERJANGKAU")
            self.status_db.setStyleSheet(f"QLabel {{ {ERROR_STYLE} font-weight: bold; }}")
            self.status_db.setToolTip(
                "Server basis data tidak menjawab. Periksa jaringan atau hubungi pengelola server; "
                "status ini kembali normal setelah Coba lagi berhasil."
            )

    def on_server_berubah(self, _terjangkau: bool) -> None:
        self._show_database()

    def reload_page(self) -> None:
        """Read the current page's data again (after the server answered once more)."""
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def on_page_status_changed(self) -> None:
        self._load_identity()
        self.refresh_status()

    def refresh_status(self) -> None:
        if not self.can_back_up:
            self.status_backup.setText("Cadangan: dengan alat server")
            self.status_backup.setToolTip(SERVER_BACKUP)
            return
        last: datetime | None = self.workspace.last_backup()
        text = f"{last:%d-%m-%Y %H:%M}" if last else "belum pernah"
        self.status_backup.setText(f"Cadangan terakhir: {text}")

    # --- navigation ---------------------------------------------------------------------------
    def page(self, cls: type[Page]) -> Page | None:
        """The page of class ``cls`` (created if needed), or None when the role may not see it."""
        if cls not in self._classes:
            return None
        return self._ensure_page(self._classes.index(cls))

    def open_page(self, cls: type[Page], fokus: Fokus | None = None) -> Page | None:
        """Go to the page of ``cls``; with ``fokus`` it shows that (``Page.tampilkan``), even when it
        is the current page already."""
        if cls not in self._classes:
            return None
        row = self._classes.index(cls)
        self._fokus = fokus
        try:
            if fokus is not None and self.nav.currentRow() == row:
                self.on_nav_row_changed(row)
            else:
                self.nav.setCurrentRow(row)
        finally:
            self._fokus = None
        return self._pages.get(row)

    def _ensure_page(self, row: int) -> Page:
        if row not in self._pages:
            page = self._classes[row](self.ctx)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._pages[row] = page
            if hasattr(page, "status_changed"):
                page.status_changed.connect(self.on_page_status_changed)
            if hasattr(page, "restored"):
                page.restored.connect(self.on_restored)
            if hasattr(page, "mulai_sungguhan"):
                page.mulai_sungguhan.connect(self.on_start_real_triggered)
            if hasattr(page, "buka_halaman"):
                page.buka_halaman.connect(self.open_page)
            from kinerja_desktop.ui.monitoring.page import MonitoringPage

            if isinstance(page, MonitoringPage):
                page.open_skp.connect(self.on_open_skp)
        return self._pages[row]

    def on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current is not self._pages.get(row) and not current.can_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        page = self._ensure_page(row)
        self.stack.setCurrentWidget(page)
        if self._fokus is None:
            page.refresh()
        else:
            page.tampilkan(self._fokus)

    def on_open_skp(self, ident: str) -> None:
        """Open the SKP page on an SKP (by its id) or on a pegawai without one (by the pegawai's id)."""
        from kinerja_desktop.core.services import skp
        from kinerja_desktop.ui.skp.page import SkpPage

        page = self.open_page(SkpPage)
        if not isinstance(page, SkpPage):
            return
        is_skp = ops.look(self, lambda s, _a: skp.skp_exists(s, ident))
        if not is_skp:
            return
        if is_skp.value:
            page.open_skp(ident)
        else:
            page.select_pegawai(ident)

    # --- actions --------------------------------------------------------------------------------
    def on_backup_triggered(self) -> None:
        def done(name: str) -> None:
            self.refresh_status()
            self.statusBar().showMessage(f"Cadangan dibuat: {name}", 8000)

        # The backup copies the database file itself: attempt, not act.
        ops.attempt(
            self,
            lambda: self.workspace.backup(self.actor).name,
            then=done,
            background="Membuat cadangan…",
            cancellable=False,
        )

    def on_open_folder_triggered(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace.paths.data_dir)))

    def on_server_triggered(self) -> None:
        from kinerja_desktop.ui.server_dialog import ServerSettingsDialog

        current = self.stack.currentWidget()
        if isinstance(current, Page) and not current.can_leave():
            return
        dialog = ServerSettingsDialog(self.workspace.paths, self.workspace.kantor_kode, self)
        if not dialog.exec():
            return
        show_info(self, "Sambungan server sudah disimpan. Silakan masuk kembali.")
        self._logging_out = True
        self.tasks.wait()  # reads still running end before the app closes this connection
        self.reconnect_requested.emit()

    def on_start_real_triggered(self) -> None:
        """Leave the demo: after the choice, the app closes this office and opens the wizard."""
        from kinerja_desktop.ui.demo_exit import MulaiSungguhanDialog

        if not self.start_real_action.isEnabled():
            show_info(self, "Hanya administrator yang dapat memulai data kantor sungguhan.")
            return
        dialog = MulaiSungguhanDialog(self)
        if not dialog.exec():
            return
        self._logging_out = True
        self.tasks.wait()  # reads still running (Beranda, charts) end on the demo before it is moved
        self.start_real_requested.emit(dialog.keep)

    def on_change_password_triggered(self) -> None:
        from kinerja_desktop.ui.login import ChangePasswordDialog

        if ChangePasswordDialog(self.ctx, self).exec():
            show_info(self, "Kata sandi sudah diganti.")

    def on_panduan_triggered(self) -> None:
        from kinerja_desktop.ui.panduan.window import buka_panduan

        page = self.stack.currentWidget()
        buka_panduan(self, page.bab_panduan if isinstance(page, Page) else Page.bab_panduan)

    def on_about_triggered(self) -> None:
        show_info(
            self,
            f"{APP_TITLE} {__version__}",
            "Pengelolaan kinerja ASN menurut PermenPANRB 6/2022, tanpa internet.\n"
            f"Folder data: {self.workspace.paths.data_dir}",
        )

    def on_restored(self) -> None:
        show_info(self, "Basis data sudah dipulihkan. Silakan masuk kembali.")
        self.logout(backup=False)

    def logout(self, *, backup: bool = True) -> None:
        """Back to the login window, after a backup when data changed (not right after a restore)."""
        current = self.stack.currentWidget()
        if isinstance(current, Page) and not current.can_leave():
            return
        if backup:
            self.automatic_backups.backup_if_changed()
        self._logging_out = True
        self.logged_out.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.stack.currentWidget()
        if not self._logging_out and isinstance(current, Page) and not current.can_leave():
            event.ignore()
            return
        if self._closing == "copying":
            event.ignore()
            return
        if not self._logging_out and self._closing == "open":
            self._closing = "copying"
            self._inside_close = True
            try:
                started = self.automatic_backups.offer_copy(then=self.on_close_copy_ended)
            finally:
                self._inside_close = False
            if not started:
                self._closing = "leaving"
            if self._closing == "copying":  # the copy runs in the background; closing comes after it
                event.ignore()
                return
        if not self._logging_out and self._closing == "leaving":
            self._closing = "closed"
            self.automatic_backups.backup_if_changed()
        self.automatic_backups.stop()
        self.tasks.wait()
        tampilan.save_window(self)
        tampilan.close_store()
        event.accept()

    def on_close_copy_ended(self) -> None:
        self._closing = "leaving"
        if not self._inside_close:
            self.close()
