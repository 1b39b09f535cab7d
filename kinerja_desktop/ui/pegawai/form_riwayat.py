"""The Riwayat tab: history of positions and ranks (a change in the form adds a line; older ones are
typed in here)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from kinerja_desktop.core.model.pegawai import RiwayatJabatanRow, RiwayatPangkatRow
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.core.services.pegawai.riwayat import delete_riwayat
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths, tanggal_pendek
from kinerja_desktop.ui.common.widgets import HINT_STYLE, FieldNote
from kinerja_desktop.ui.pegawai.riwayat_dialogs import RiwayatJabatanDialog, RiwayatPangkatDialog


def _jenis(row: RiwayatJabatanRow) -> str:
    parts = []
    if row.jenis_jabatan in JenisJabatan._value2member_map_:
        parts.append(JenisJabatan(row.jenis_jabatan).label)
    if row.jenjang_jabatan in JenjangFungsional._value2member_map_:
        parts.append(JenjangFungsional(row.jenjang_jabatan).label)
    return " · ".join(parts)


class RiwayatJabatanModel(RowTableModel):
    columns = (
        Column("Jabatan", lambda r: r.jabatan),
        Column("Jenis / jenjang", _jenis),
        Column("Unit kerja", lambda r: r.unit_nama),
        Column("TMT", lambda r: tanggal_pendek(r.tmt)),
        Column("Sampai", lambda r: tanggal_pendek(r.sampai) or "sekarang"),
        Column("Keterangan", lambda r: r.keterangan),
    )


class RiwayatPangkatModel(RowTableModel):
    columns = (
        Column("Golongan", lambda r: r.golongan),
        Column("Pangkat", lambda r: PANGKAT_PNS.get(r.golongan, "PPPK")),
        Column("TMT", lambda r: tanggal_pendek(r.tmt)),
        Column("Nomor SK", lambda r: r.nomor_sk),
        Column("Keterangan", lambda r: r.keterangan),
    )


class RiwayatTab(QWidget):
    """Newest first, as the service orders them; Tambah/Hapus write at once."""

    def __init__(
        self,
        ctx: UiContext,
        pegawai_id: str,
        jabatan: list[RiwayatJabatanRow],
        pangkat: list[RiwayatPangkatRow],
        *,
        read_only: bool,
    ) -> None:
        super().__init__()
        self.ctx, self.pegawai_id = ctx, pegawai_id
        self.jabatan_model = RiwayatJabatanModel(self)
        self.jabatan_model.set_rows(jabatan)
        self.pangkat_model = RiwayatPangkatModel(self)
        self.pangkat_model.set_rows(pangkat)
        self.jabatan_table = make_table(self.jabatan_model, sortable=False)
        tanggal = "00-00-0000"
        set_widths(
            self.jabatan_table,
            ("", "", "", tanggal, tanggal, ""),
            {0: (3, 140), 1: (2, 100), 2: (2, 100), 5: (2, 90)},
        )
        self.pangkat_table = make_table(self.pangkat_model, sortable=False)
        set_widths(
            self.pangkat_table, ("Golongan", "", tanggal, "", ""), {1: (2, 150), 3: (2, 120), 4: (2, 120)}
        )
        self._aktif: QTableView | None = None
        for table in (self.jabatan_table, self.pangkat_table):
            table.selectionModel().selectionChanged.connect(lambda *_a, t=table: self.on_selection_changed(t))
        self.add_jabatan_button = QPushButton("Tambah riwayat jabatan…", clicked=self.on_add_jabatan_clicked)
        self.add_pangkat_button = QPushButton("Tambah riwayat pangkat…", clicked=self.on_add_pangkat_clicked)
        self.delete_button = QPushButton("Hapus baris terpilih", clicked=self.on_delete_clicked)
        buttons = QHBoxLayout()
        for button in (self.add_jabatan_button, self.add_pangkat_button, self.delete_button):
            button.setAutoDefault(False)
            button.setEnabled(not read_only)
            buttons.addWidget(button)
        buttons.addStretch()
        self.message = FieldNote()
        note = QLabel(
            "Riwayat bertambah sendiri saat jabatan, unit atau golongan diubah lalu disimpan. Riwayat dari "
            "sebelum aplikasi dipakai (pegawai lama) diisi dengan tombol Tambah.",
            wordWrap=True,
            styleSheet=HINT_STYLE,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Riwayat jabatan</b>"))
        layout.addWidget(self.jabatan_table, 3)
        layout.addWidget(QLabel("<b>Riwayat pangkat/golongan</b>"))
        layout.addWidget(self.pangkat_table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(note)

    def refresh(self) -> None:
        dibaca = ops.look(self, lambda s, a: pegawai.get_pegawai(s, a, self.pegawai_id), message=self.message)
        if dibaca:
            self.jabatan_model.set_rows(dibaca.value.riwayat_jabatan)
            self.pangkat_model.set_rows(dibaca.value.riwayat_pangkat)

    def on_add_jabatan_clicked(self) -> None:
        if RiwayatJabatanDialog(self.ctx, self.pegawai_id, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def on_add_pangkat_clicked(self) -> None:
        if RiwayatPangkatDialog(self.ctx, self.pegawai_id, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def on_selection_changed(self, table: QTableView) -> None:
        """The line last chosen, in either table, is the one Hapus removes."""
        self._aktif = table

    def selected_id(self) -> str | None:
        table = self._aktif
        rows = table.selectionModel().selectedRows() if table is not None else []
        if table is None or not rows:
            return None
        model = table.model()
        assert isinstance(model, RowTableModel)
        return str(model.row_at(rows[0].row()).id)

    def on_delete_clicked(self) -> None:
        self.message.clear_note()
        riwayat_id = self.selected_id()
        if riwayat_id is None:
            self.message.set_error("Pilih dulu baris riwayat yang akan dihapus.")
            return
        if not ask_yes_no(self, "Hapus baris riwayat ini?", "Penghapusan tercatat di log audit."):
            return
        if ops.act(
            self, lambda s, a: delete_riwayat(s, a, self.pegawai_id, riwayat_id), message=self.message
        ):
            self.refresh()
