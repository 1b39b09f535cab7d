"""The question at start-up before a server database is upgraded that this computer cannot back up first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core.errors import ServerBackupUnconfirmed

CONFIRMATION = "Saya sudah memastikan server memiliki cadangan terbaru"


class UpgradeWithoutDumpDialog(QDialog):
    """What will happen, why there is no backup from here, and a checkbox the administrator must tick
    before **Lanjutkan**; **Batal** closes the app with the database untouched."""

    def __init__(self, problem: ServerBackupUnconfirmed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_TITLE} — pembaruan basis data server")
        before, after = problem.revisi
        server = f" di server {problem.server}" if problem.server else " di server"
        head = QLabel(
            f"<b>Versi Kinerja Desktop ini perlu memperbarui basis data{server} "
            f"(skema {before} menjadi {after}).</b>"
        )
        head.setWordWrap(True)
        head.setFixedWidth(660)
        why = QLabel(
            "Biasanya aplikasi membuat cadangan (pg_dump) lebih dulu, tetapi komputer ini tidak bisa.\n"
            f"{problem.alasan}"
        )
        why.setWordWrap(True)
        why.setFixedWidth(660)
        why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        what = QLabel(
            "Bila Anda melanjutkan, basis data diperbarui sekarang tanpa cadangan dari komputer ini. "
            "Pembaruan berjalan utuh atau tidak sama sekali, tetapi sesudahnya versi lama aplikasi tidak "
            "bisa membuka data ini lagi; untuk kembali ke keadaan sebelumnya diperlukan cadangan di server. "
            "Setelah itu komputer lain di kantor pusat juga perlu memasang versi ini.\n\n"
            "Bila Anda memilih Batal, aplikasi ditutup dan basis data tidak diubah."
        )
        what.setWordWrap(True)
        what.setFixedWidth(660)
        self.confirmation = QCheckBox(CONFIRMATION)
        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton("Lanjutkan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.continue_button.setEnabled(False)
        self.cancel_button.setDefault(True)
        self.confirmation.toggled.connect(self.on_confirmation_toggled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped labels at their height
        for widget in (head, why, what, self.confirmation, self.buttons):
            layout.addWidget(widget)

    def on_confirmation_toggled(self, checked: bool) -> None:
        self.continue_button.setEnabled(checked)
        self.continue_button.setDefault(checked)


def confirm_upgrade_without_dump(parent: QWidget | None, problem: ServerBackupUnconfirmed) -> bool:
    """True when the administrator ticked the confirmation and chose Lanjutkan."""
    dialog = UpgradeWithoutDumpDialog(problem, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.confirmation.isChecked()
