"""Test support for signed packages: sign again after changing rows or cells, as the maker would have."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from kinerja_desktop.core.exchange.paket.labels import LABEL_INFO, LEMBAR_INFO
from kinerja_desktop.core.exchange.paket.model import InfoPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.signature import sign_info
from kinerja_desktop.core.services import kunci_kantor
from kinerja_desktop.core.workspace import Workspace


def sign_with(ws: Workspace, info: InfoPaket) -> InfoPaket:
    """``info`` signed with ``ws``'s office key."""
    with ws.read() as s:
        return sign_info(info, kunci_kantor.private_key(s))


def sign_paket(ws: Workspace, paket: Paket) -> Paket:
    """``paket`` as ``ws``'s office would have exported it after changing its rows: a new checksum, signed
    again (a package whose own data is wrong, not one edited on the way)."""
    info = sign_with(ws, replace(paket.info, checksum=checksum_paket(paket.baris)))
    return Paket(info, paket.baris, paket.nomor, paket.siasn)


def write_info_fields(path: Path, **nilai: str) -> None:
    """Type ``nilai`` (Info field → text) into the Info sheet of the workbook at ``path``."""
    wb = load_workbook(path)
    sheet = wb[LEMBAR_INFO]
    baris = {str(r[0].value): r[0].row for r in sheet.iter_rows(max_col=1) if r[0].value}
    for field, teks in nilai.items():
        sheet.cell(baris[LABEL_INFO[field]], 2).value = teks
    wb.save(path)


def sign_workbook(ws: Workspace, path: Path) -> None:
    """Sign the workbook at ``path`` again with ``ws``'s key after its cells were changed, as if its maker
    had exported it so: the Info sheet gets the checksum of the rows as read, and a new signature."""
    hasil = read_paket(path)
    info = sign_with(ws, replace(hasil.paket.info, checksum=hasil.checksum_dihitung))
    write_info_fields(
        path, checksum=info.checksum, kunci_publik=info.kunci_publik, tanda_tangan=info.tanda_tangan
    )
