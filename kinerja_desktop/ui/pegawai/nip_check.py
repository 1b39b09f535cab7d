"""What the form says about a typed NIP: the parsed parts, an error, and disagreements with typed fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.nip import JenisNip, NipInfo, check_consistency, format_nip, normalize_nip
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian
from kinerja_desktop.core.services.pegawai.check import info_nip
from kinerja_desktop.ui.common.widgets import FieldNote
from kinerja_desktop.ui.pegawai.form_identitas import IdentitasTab
from kinerja_desktop.ui.pegawai.form_jabatan import KepegawaianTab

_NIP_KOLOM = ("tanggal_lahir", "jenis_kelamin", "tmt_cpns")


@dataclass(frozen=True)
class NipFeedback:
    """``info`` for a valid NIP, else ``error``; ``warnings`` by the service's kolom names."""

    info: NipInfo | None = None
    error: str = ""
    hint: str = ""
    warnings: dict[str, str] = field(default_factory=dict)


def _kolom(pesan: str) -> str:
    return "tanggal_lahir" if "lahir" in pesan else "jenis_kelamin" if "kelamin" in pesan else "tmt_cpns"


def check_nip(
    text: str, status: str, tanggal_lahir: date | None, jenis_kelamin: str, tmt_cpns: date | None
) -> NipFeedback:
    """Parse ``text`` in the layout ``status`` implies and compare it with what was typed."""
    if not normalize_nip(text):
        return NipFeedback()
    try:
        info = info_nip(text, status)
    except ValidationError as exc:
        other = StatusKepegawaian.PNS.value if status == StatusKepegawaian.PPPK.value else "pppk"
        try:
            info_nip(text, other)
        except ValidationError:
            return NipFeedback(error=exc.pesan, hint=exc.saran or "")
        pilih = "PPPK" if other == "pppk" else "PNS atau CPNS"
        return NipFeedback(
            error=f"{exc.pesan} Bila pegawai ini {pilih}, pilih status itu di tab Kepegawaian & Jabatan.",
            hint=exc.saran or "",
        )
    tmt = tmt_cpns if info.jenis is JenisNip.PNS else None
    pesan = check_consistency(info, tanggal_lahir, jenis_kelamin or None, tmt)
    warnings: dict[str, str] = {}
    for text_ in pesan:
        kolom = _kolom(text_)
        warnings[kolom] = f"{warnings[kolom]}\n{text_}" if kolom in warnings else text_
    return NipFeedback(info=info, warnings=warnings)


class NipWatcher(QObject):
    """Reacts to the NIP and the fields it implies in the form's Identitas and Kepegawaian tabs."""

    def __init__(
        self,
        identitas: IdentitasTab,
        kepegawaian: KepegawaianTab,
        notes: dict[str, FieldNote],
        nip_owner: dict[str, PegawaiRow],
    ) -> None:
        super().__init__(identitas)
        self.ident, self.kep, self.notes, self.nip_owner = identitas, kepegawaian, notes, nip_owner
        #: What the NIP last implied for each derived field that still shows it; a field changed by hand
        #: since (or never filled from the NIP) is not in it and is left alone when the NIP changes.
        self.derived: dict[str, object] = {}
        identitas.nip.editingFinished.connect(self.on_nip_finished)
        identitas.tanggal_lahir.changed.connect(self.on_nip_check)
        identitas.jenis_kelamin.currentIndexChanged.connect(self.on_nip_check)
        kepegawaian.tmt_cpns.changed.connect(self.on_nip_check)
        self.remember_derived()

    def _values(self) -> dict[str, object]:
        return {
            "tanggal_lahir": self.ident.tanggal_lahir.value(),
            "jenis_kelamin": self.ident.jenis_kelamin.currentData() or "",
            "tmt_cpns": self.kep.tmt_cpns.value(),
        }

    @staticmethod
    def _implied(info: NipInfo) -> dict[str, object]:
        return {
            "tanggal_lahir": info.tanggal_lahir,
            "jenis_kelamin": info.jenis_kelamin,
            "tmt_cpns": info.tmt_cpns,
        }

    def remember_derived(self) -> None:
        """After the record is loaded: the fields whose value is what its NIP implies count as taken from
        the NIP, so correcting the NIP corrects them too."""
        feedback = check_nip(self.ident.nip.text(), self.kep.status.currentData(), None, "", None)
        self.derived = {}
        if feedback.info is not None:
            now = self._values()
            self.derived = {k: v for k, v in self._implied(feedback.info).items() if v and now[k] == v}

    def on_nip_finished(self) -> None:
        """Parse the NIP; fill birth date, gender and TMT CPNS where empty or still as the previous NIP
        implied them (a corrected NIP corrects them; a value typed by hand stays); flag a twin and
        disagreements."""
        ident, kep = self.ident, self.kep
        feedback = check_nip(ident.nip.text(), kep.status.currentData(), None, "", None)
        note = self.notes["nip"]
        note.clear_note()
        note.setToolTip(feedback.hint)
        if feedback.error:
            note.set_error(feedback.error)
        if feedback.info is not None:
            info = feedback.info
            ident.nip.setText(format_nip(info.nip, info.jenis))
            now, implied = self._values(), self._implied(info)
            ikut = {k for k in implied if not now[k] or (k in self.derived and now[k] == self.derived[k])}
            if "tanggal_lahir" in ikut:
                ident.tanggal_lahir.set_value(info.tanggal_lahir)
            if "jenis_kelamin" in ikut:
                ident.jenis_kelamin.setCurrentIndex(ident.jenis_kelamin.findData(info.jenis_kelamin))
            if "tmt_cpns" in ikut and (info.tmt_cpns is not None or "tmt_cpns" in self.derived):
                kep.tmt_cpns.set_value(info.tmt_cpns)
            self.derived = {k: v for k, v in implied.items() if k in ikut and v}
            twin = self.nip_owner.get(info.nip)
            if twin is not None:
                keadaan = "" if twin.status_aktif == StatusAktif.AKTIF.value else " (nonaktif)"
                note.set_error(f"NIP {info.nip} sudah dipakai oleh {twin.nama_lengkap}{keadaan}.")
        self.on_nip_check()

    def on_nip_check(self) -> None:
        """Amber warnings where the typed birth date, gender or TMT CPNS disagree with the NIP."""
        for kolom in _NIP_KOLOM:
            self.notes[kolom].clear_note()
        feedback = check_nip(
            self.ident.nip.text(),
            self.kep.status.currentData(),
            self.ident.tanggal_lahir.value(),
            self.ident.jenis_kelamin.currentData() or "",
            self.kep.tmt_cpns.value(),
        )
        for kolom, text in feedback.warnings.items():
            self.notes[kolom].set_warning(text)
