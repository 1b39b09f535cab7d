"""The Riwayat tab: read-only history of positions and ranks (a change in the form adds a line)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kinerja_desktop.core.model.pegawai import RiwayatJabatanRow, RiwayatPangkatRow
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths, tanggal_pendek
from kinerja_desktop.ui.common.widgets import HINT_STYLE


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
    """Newest first, as the service orders them."""

    def __init__(self, jabatan: list[RiwayatJabatanRow], pangkat: list[RiwayatPangkatRow]) -> None:
        super().__init__()
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
        note = QLabel(
            "Riwayat bertambah sendiri saat jabatan, unit atau golongan diubah lalu disimpan.",
            wordWrap=True,
            styleSheet=HINT_STYLE,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Riwayat jabatan</b>"))
        layout.addWidget(self.jabatan_table, 3)
        layout.addWidget(QLabel("<b>Riwayat pangkat/golongan</b>"))
        layout.addWidget(self.pangkat_table, 2)
        layout.addWidget(note)
