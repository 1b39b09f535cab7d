"""Building a PDF from one or many documents in a single pass, with per-document page numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from kinerja_desktop import __version__
from kinerja_desktop.core.documents.canvas import InfoDokumen, KanvasBernomor
from kinerja_desktop.core.documents.fonts import register_fonts
from kinerja_desktop.core.documents.paper import MARGIN_ATAS, MARGIN_BAWAH, MARGIN_KANAN, MARGIN_KIRI, halaman
from kinerja_desktop.core.errors import KnownError

#: ``kemajuan(selesai, jumlah)``: False cancels the build.
Kemajuan = Callable[[int, int], bool]


class CetakDibatalkan(KnownError):
    """The person cancelled a long print job."""

    def __init__(self) -> None:
        super().__init__("Pencetakan dibatalkan.")


@dataclass
class Bagian:
    """One document inside a PDF: its flowables and what the canvas adds to its pages."""

    isi: list[Flowable]
    draf: bool = False
    kode_verifikasi: str | None = None
    info: dict[str, Any] = field(default_factory=dict)


class _AkhirDokumen(ActionFlowable):  # type: ignore[misc]
    def __init__(self, info: InfoDokumen) -> None:
        super().__init__()
        self.info = info

    def apply(self, doc: BaseDocTemplate) -> None:
        doc.canv.mark_last(self.info)


class _Berikutnya(ActionFlowable):  # type: ignore[misc]
    """Placeholder for the next document; the template replaces it when it reaches it."""

    def apply(self, doc: BaseDocTemplate) -> None:  # pragma: no cover - replaced before it applies
        pass


class _Templat(BaseDocTemplate):  # type: ignore[misc]
    """Feeds the documents one at a time, so the list of flowables stays short whatever the batch."""

    def __init__(
        self, berkas: BytesIO, bagian: Iterator[Bagian], jumlah: int, kemajuan: Kemajuan | None, **kw: Any
    ) -> None:
        super().__init__(berkas, **kw)
        self._bagian = bagian
        self._jumlah = jumlah
        self._kemajuan = kemajuan
        self._selesai = -1

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if isinstance(flowables[0], _Berikutnya):
            del flowables[0]
            self._selesai += 1
            if self._kemajuan is not None and not self._kemajuan(self._selesai, self._jumlah):
                raise CetakDibatalkan()
            berikut = next(self._bagian, None)
            if berikut is None:
                return
            awal: list[Flowable] = [PageBreak()] if self._selesai else []
            info = InfoDokumen(berikut.draf, berikut.kode_verifikasi)
            flowables[:0] = [*awal, *berikut.isi, _AkhirDokumen(info), _Berikutnya()]
            return
        super().handle_flowable(flowables)


def render_pdf(
    bagian: Iterable[Bagian],
    kertas: str,
    *,
    lanskap: bool = False,
    judul: str = "",
    jumlah: int = 1,
    kemajuan: Kemajuan | None = None,
) -> bytes:
    """One PDF of every document in ``bagian`` (each starts on a new page), as bytes.

    ``kemajuan(selesai, jumlah)`` is called before each document and once at the end; returning False
    raises CetakDibatalkan.
    """
    hal = halaman(kertas, lanskap=lanskap)
    berkas = BytesIO()
    doc = _Templat(
        berkas,
        iter(bagian),
        jumlah,
        kemajuan,
        pagesize=(hal.lebar, hal.tinggi),
        leftMargin=MARGIN_KIRI,
        rightMargin=MARGIN_KANAN,
        topMargin=MARGIN_ATAS,
        bottomMargin=MARGIN_BAWAH,
        title=judul,
        author="Kinerja Desktop",
        creator=f"Kinerja Desktop {__version__}",
        subject=judul,
        initialFontName=register_fonts(),
        initialFontSize=9,
    )
    bingkai = Frame(
        MARGIN_KIRI,
        MARGIN_BAWAH,
        hal.content_width,
        hal.content_height,
        id="isi",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="isi", frames=[bingkai])])
    doc.build([_Berikutnya()], canvasmaker=KanvasBernomor)
    return berkas.getvalue()
