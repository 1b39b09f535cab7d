"""The evaluation form's evidence pane: the bukti dukung of the chosen RHK in the period, opened in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import bukti
from kinerja_desktop.core.services.bukti import BuktiRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.bukti_daftar import BuktiModel, BuktiTahunanModel, bermasalah
from kinerja_desktop.ui.common.bukti_viewer import BuktiViewer
from kinerja_desktop.ui.common.table import make_table
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE


class BuktiRhkPane(QWidget):
    """The list of one RHK's evidence above, the chosen piece below; read-only (the pegawai keeps their
    evidence on the Realisasi page). The whole form's evidence is listed once; files are read only when
    shown."""

    def __init__(self) -> None:
        super().__init__()
        self.semua: dict[str, list[BuktiRow]] = {}
        self.rhk_id = ""
        self.akhir = False
        self._otomatis = False
        self.judul = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.rhk = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.rhk.setStyleSheet(HINT_STYLE)
        self.pesan = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.pesan.setStyleSheet(ERROR_STYLE)
        self.pesan.hide()
        self.model: BuktiModel = BuktiModel(self)
        self.table = make_table(self.model, sortable=False)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3)
        self.viewer = BuktiViewer(
            saran_gagal="Di formulir evaluasi bukti dukung hanya dapat dilihat: minta pegawai atau operator "
            "memperbaikinya pada halaman Realisasi."
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self.on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.judul)
        layout.addWidget(self.rhk)
        layout.addWidget(self.pesan)
        layout.addWidget(self.splitter, 1)
        self._model_for(akhir=False)

    def _model_for(self, *, akhir: bool) -> None:
        """The annual form lists the whole year, with each piece's period in the first column."""
        self.akhir = akhir
        self.model = BuktiTahunanModel(self) if akhir else BuktiModel(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        isi = len(self.model.columns) - 2
        for kolom in range(len(self.model.columns)):
            mode = header.ResizeMode.Stretch if kolom == isi else header.ResizeMode.ResizeToContents
            header.setSectionResizeMode(kolom, mode)

    def load(self, form: EvaluasiForm) -> None:
        """Read the evidence of every RHK of the form (file status included, contents not)."""
        if self.akhir != (form.periode == "AKHIR"):
            self._model_for(akhir=form.periode == "AKHIR")
        self.pesan.hide()
        evidence = ops.context_of(self).workspace.paths.evidence
        dibaca = ops.look(
            self,
            lambda s, a: bukti.bukti_evaluasi(s, a, form.skp_id, form.periode, evidence),
            message=ops.note(self.on_read_failed),
        )
        self.semua = dibaca.value if dibaca else {}

    def on_read_failed(self, text: str) -> None:
        self.pesan.setText(text)
        self.pesan.show()

    def show_rhk(self, rhk_id: str, nomor: str, teks: str) -> None:
        """List the evidence of one RHK and show its first piece (a large file waits for «Tampilkan»)."""
        self.rhk_id = rhk_id
        rows = self.semua.get(rhk_id, [])
        bagian = "sepanjang tahun" if self.akhir else "periode ini"
        masalah = sum(1 for r in rows if bermasalah(r))
        tambahan = f" — <span style='color:#b00020'>{masalah} berkas bermasalah</span>" if masalah else ""
        self.judul.setText(f"<b>Bukti dukung {nomor}</b> ({bagian}: {format_angka(len(rows))}){tambahan}")
        self.rhk.setText(teks)
        self.model.set_rows(rows)
        if not rows:
            self.viewer.show_bukti(None)
            self.viewer.kosong.setText(
                f"Belum ada bukti dukung untuk RHK {nomor} {bagian}. Pegawai melampirkannya pada "
                "halaman Realisasi."
            )
            return
        self._otomatis = True  # chosen by the form: a large file waits for «Tampilkan»
        try:
            self.table.selectRow(0)
        finally:
            self._otomatis = False

    def selected(self) -> BuktiRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_selection_changed(self) -> None:
        self.viewer.show_bukti(self.selected(), baca=not self._otomatis)

    def on_splitter_moved(self, _pos: int, _index: int) -> None:
        self.viewer.sesuaikan_gambar()
