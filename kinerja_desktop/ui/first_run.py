"""First-run wizard: a new office (identity and administrator), a central office on a PostgreSQL server,
or the demo office in one click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.kantor import KantorInput
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.storage import translate_failure
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.kantor_fields import IsianKantor
from kinerja_desktop.ui.common.tasks import TaskContext, TaskRunner
from kinerja_desktop.ui.server_form import JoinedPage, ServerPage, server_choice_note

PAGE_WELCOME, PAGE_KANTOR, PAGE_ADMIN, PAGE_DEMO, PAGE_DONE, PAGE_SERVER, PAGE_JOINED = range(7)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(f"Selamat datang di {APP_TITLE}")
        self.setSubTitle("Aplikasi ini belum disiapkan di komputer ini. Pilih cara memulai.")
        self.new_office = QRadioButton("Siapkan kantor saya (isi identitas kantor dan akun administrator)")
        self.server = QRadioButton("Kantor pusat dengan server basis data (PostgreSQL)")
        self.server.setObjectName("server_choice")
        self.demo = QRadioButton("Coba dulu dengan data demo: Kecamatan Plaju, Kota Palembang (40 pegawai)")
        self.demo.setObjectName("demo_choice")
        self.new_office.setChecked(True)
        note = QLabel(
            "Data demo ditandai jelas sebagai DEMO di judul jendela. Untuk data sungguhan, "
            "jalankan aplikasi dengan folder data yang baru."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: gray;")
        self.restore_button = QPushButton("Pulihkan dari cadangan…")
        restore_note = QLabel(
            "Pindah ke komputer baru? Pilih berkas cadangan (misalnya di flash disk, folder "
            "kinerja-cadangan-…) untuk memakai data kantor Anda yang sudah ada."
        )
        restore_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_office)
        layout.addWidget(self.server)
        layout.addWidget(server_choice_note())
        layout.addWidget(self.demo)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addSpacing(24)
        layout.addWidget(restore_note)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch()
        layout.addLayout(restore_row)

    def nextId(self) -> int:
        if self.server.isChecked():
            return PAGE_SERVER
        return PAGE_DEMO if self.demo.isChecked() else PAGE_KANTOR


class KantorPage(QWizardPage, IsianKantor):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Identitas kantor")
        self.setSubTitle("Dipakai pada kop dokumen, baris tanda tangan dan paket data ke kantor pusat.")
        self.make_kantor_fields()
        self.pusat = QCheckBox("Ini kantor pusat (BKPSDM) yang menghimpun data banyak kantor")
        self.logo_bytes: bytes | None = None
        self.logo_preview = QLabel("(tanpa logo)")
        self.logo_preview.setFixedHeight(48)
        logo_button = QPushButton("Pilih logo…")
        logo_button.clicked.connect(self.on_logo_clicked)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(logo_button)
        logo_row.addStretch()
        self.error = _error_label()

        form = QFormLayout(self)
        self.fill_form(form, self.kode)
        form.addRow("", self.pusat)
        form.addRow("Logo (opsional)", logo_row)
        form.addRow(self.error)

    def initializePage(self) -> None:
        """An office on a server is the central office."""
        on_server = self._wizard.server_settings is not None
        if on_server:
            self.pusat.setChecked(True)
        self.pusat.setEnabled(not on_server)

    def on_logo_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Pilih logo", "", "Gambar (*.png *.jpg *.jpeg)")
        if not name:
            return
        data = Path(name).read_bytes()
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.error.setText("Berkas itu bukan gambar PNG/JPG yang bisa dibaca.")
            return
        self.logo_bytes = data
        self.logo_preview.setPixmap(pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation))

    def data(self) -> KantorInput:
        return KantorInput(
            kode=self.kode.text().strip(),
            nama=self.nama.text().strip(),
            tempat=self.tempat.text().strip(),
            instansi=self.instansi.text().strip(),
            alamat=self.alamat.toPlainText().strip(),
            telepon=self.telepon.text().strip(),
            email=self.email.text().strip(),
            is_pusat=self.pusat.isChecked(),
            kertas=str(self.kertas.currentData()),
            ritme=str(self.ritme.currentData()),
            logo=self.logo_bytes,
        )

    def validatePage(self) -> bool:
        fields = {"kode": self.kode, "nama": self.nama, "tempat": self.tempat}

        def focus(exc: KnownError) -> None:
            field = fields.get(exc.kolom or "") if isinstance(exc, ValidationError) else None
            if field is not None:
                field.setFocus()

        checked = ops.attempt(
            self,
            lambda: kantor.validate_kantor(self.data()),
            message=ops.note(self.error.setText),
            failed=focus,
        )
        if not checked:
            return False
        self.error.clear()
        return True

    def nextId(self) -> int:
        return PAGE_ADMIN


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Akun administrator")
        self.setSubTitle("Administrator mengelola akun lain, identitas kantor dan pemulihan cadangan.")
        self.nama = QLineEdit()
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow("Nama lengkap", self.nama)
        form.addRow("Nama pengguna *", self.username)
        form.addRow("Kata sandi *", self.password)
        form.addRow("Ulangi kata sandi *", self.repeat)
        hint = QLabel("Minimal 8 karakter, berisi huruf dan angka.")
        hint.setStyleSheet("color: gray;")
        form.addRow("", hint)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText("Kata sandi dan ulangannya tidak sama.")
            return False

        def create_office() -> None:
            # The office and its administrator are created by the system: there is no user yet.
            with self._wizard.workspace.transaction() as session:
                kantor.initialise(
                    session,
                    self._wizard.kantor_page.data(),
                    self.username.text(),
                    self.password.text(),
                    self.nama.text(),
                )

        if not ops.attempt(self, create_office, message=ops.note(self.error.setText)):
            return False
        if self._wizard.server_settings is not None and not ops.attempt(
            self, self._wizard.remember_server, message=ops.note(self.error.setText)
        ):
            return False
        self._wizard.username = self.username.text().strip().lower()
        return True

    def nextId(self) -> int:
        return PAGE_DONE


class DemoPage(QWizardPage):
    """Loads the demo office in the background and lists the demo accounts."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._done = False
        self.setTitle("Data demo")
        self.setSubTitle(
            "Kecamatan Plaju, Kota Palembang: unit kerja, 40 pegawai, SKP, realisasi dan penilaian."
        )
        self.status = QLabel("Tekan tombol di bawah untuk memuat data demo.")
        self.status.setWordWrap(True)
        self.load_button = QPushButton("Muat data demo")
        self.load_button.setObjectName("load_demo")
        self.load_button.clicked.connect(self.on_load_clicked)
        self.accounts = QTableWidget(0, 3)
        self.accounts.setHorizontalHeaderLabels(["Nama pengguna", "Kata sandi", "Peran"])
        self.accounts.horizontalHeader().setStretchLastSection(True)
        self.accounts.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.load_button)
        layout.addWidget(self.accounts)

    def on_load_clicked(self) -> None:
        from kinerja_desktop.core.demo import DemoResult, generate_demo

        self.load_button.setEnabled(False)
        self.status.setText("Sedang memuat data demo…")
        workspace = self._wizard.workspace

        def work(context: TaskContext) -> DemoResult:
            return generate_demo(workspace, progress=context.progress)

        def done(result: DemoResult) -> None:
            self._done = True
            self.status.setText("Data demo siap. Catat akun di bawah ini, lalu tekan Selesai untuk masuk.")
            self.accounts.setRowCount(len(result.akun))
            for row, values in enumerate(result.akun):
                for col, value in enumerate(values):
                    self.accounts.setItem(row, col, QTableWidgetItem(value))
            self.accounts.show()
            self._wizard.username = result.akun[0][0]
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.load_button.setEnabled(True)
            self.status.setText(f"Data demo gagal dimuat: {translate_failure(exc) or exc}")

        self._wizard.tasks.run(work, done, failed, label="Memuat data demo…", cancellable=False)

    def isComplete(self) -> bool:
        return self._done

    def nextId(self) -> int:
        return -1


class DonePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Selesai")
        self.label = QLabel()
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:
        server = self._wizard.workspace.server_label
        where = (
            f"di server {server}. Komputer kantor pusat yang lain cukup memilih server yang sama di "
            "penyiapan awal, lalu masuk dengan akun yang Anda buatkan"
            if server
            else "di komputer ini"
        )
        self.label.setText(
            f"Kantor dan akun administrator sudah disiapkan {where}. "
            "Tekan Selesai, lalu masuk dengan akun tersebut.\n\n"
            "Langkah berikutnya: lengkapi unit kerja dan data pegawai, lalu buat akun untuk operator "
            "dan pejabat penilai."
        )

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """Shown when the data folder has no office yet."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The database the wizard sets up: the folder's own, or the server chosen on the server page.
        self.workspace = workspace
        self.local_workspace = workspace
        self.server_settings: ServerSettings | None = None
        self.username = ""
        self.tasks = TaskRunner(self)
        self.setWindowTitle(f"Penyiapan awal — {APP_TITLE}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 520)
        self.welcome_page = WelcomePage()
        self.kantor_page = KantorPage(self)
        self.admin_page = AdminPage(self)
        self.demo_page = DemoPage(self)
        self.server_page = ServerPage(self, PAGE_KANTOR, PAGE_JOINED)
        self.joined_page = JoinedPage(self)
        self.setPage(PAGE_WELCOME, self.welcome_page)
        self.setPage(PAGE_KANTOR, self.kantor_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_DEMO, self.demo_page)
        self.setPage(PAGE_DONE, DonePage(self))
        self.setPage(PAGE_SERVER, self.server_page)
        self.setPage(PAGE_JOINED, self.joined_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, "< Kembali"),
            (QWizard.WizardButton.NextButton, "Lanjut >"),
            (QWizard.WizardButton.FinishButton, "Selesai"),
            (QWizard.WizardButton.CancelButton, "Batal"),
        ):
            self.setButtonText(button, text)
        self.welcome_page.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.rejected.connect(self.use_local)

    def use_server(self, workspace: Workspace, settings: ServerSettings) -> None:
        """Set up ``workspace`` (opened on the server ``settings`` name) instead of the folder's own."""
        self.use_local()
        self.workspace = workspace
        self.server_settings = settings

    def use_local(self) -> None:
        """Back to the folder's own database, closing a server opened meanwhile (Kembali, Batal)."""
        if self.workspace is not self.local_workspace:
            self.workspace.close()
        self.workspace = self.local_workspace
        self.server_settings = None

    def remember_server(self) -> None:
        """The data folder remembers the server from now on (the password in the keyring if it can)."""
        assert self.server_settings is not None
        server.save(self.local_workspace.paths, self.server_settings)

    def on_restore_button_clicked(self) -> None:
        """A new computer: put a backup (from a flash disk) in place of the empty database, then log in."""
        from kinerja_desktop.ui.recovery import restore_into

        restore_into(self, self.workspace, self.tasks, then=self.accept)
