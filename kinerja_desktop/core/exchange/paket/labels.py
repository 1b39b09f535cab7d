"""The Info and Petunjuk sheets of a package: labels shared by the writer and the reader."""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from kinerja_desktop.core.exchange.paket.model import InfoPaket
from kinerja_desktop.core.exchange.paket.schema import semua_jenis

LEMBAR_INFO = "Info"
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_DAFTAR = "Daftar Pilihan"
LEMBAR_SIASN = "SIASN Kinerja Periodik"
TAHUN_SEMUA = "Semua tahun"
#: Info field → its label in column A (the reader finds fields by these labels).
LABEL_INFO: dict[str, str] = {
    "format": "Format",
    "versi_format": "Versi format",
    "jenis": "Jenis paket",
    "kantor_kode": "Kode kantor pembuat",
    "kantor_nama": "Nama kantor pembuat",
    "tujuan_kode": "Kode kantor tujuan",
    "tahun": "Tahun",
    "dibuat_pada": "Dibuat pada (UTC)",
    "versi_aplikasi": "Versi aplikasi",
    "checksum": "Checksum data (SHA-256)",
    "kunci_publik": "Kunci publik pembuat (Ed25519)",
    "tanda_tangan": "Tanda tangan pembuat (Ed25519)",
}
JUDUL_JUMLAH = ("Lembar", "Jumlah baris", "Tabel")
FONT_JUDUL = Font(bold=True, color="FFFFFF")
ISI_JUDUL = PatternFill("solid", fgColor="1F4E78")
RATA_JUDUL = Alignment(vertical="center", wrap_text=True)
FONT_TEBAL = Font(bold=True)

_PETUNJUK = (
    "Berkas ini adalah paket pertukaran data Kinerja Desktop antara kantor dan kantor pusat (BKPSDM).",
    "Impor berkas ini lewat aplikasi (menu Pertukaran Data); jangan menyalin isinya dengan tangan.",
    "Lembar Info mencatat asal paket, tahunnya, jumlah baris tiap lembar dan checksum datanya, lalu "
    "tanda tangan kantor pembuat atas semua itu. Bila satu sel saja diubah, di lembar mana pun, paket "
    "ditolak saat diimpor: yang bisa diimpor hanya paket baru yang diekspor ulang oleh kantor pembuatnya.",
    "Setiap lembar data memuat satu jenis baris. Kolom teknis (ID, Kantor Asal, Revisi, Diubah Pada, "
    "Dihapus Pada) dikelompokkan di kanan; klik tanda + di atas kolom untuk melihatnya. Jangan mengubah "
    "atau menghapusnya: aplikasi mengenali setiap baris dari ID-nya.",
    "Baris yang Dihapus Pada-nya terisi adalah penghapusan yang ikut dikirim; biarkan baris itu.",
    "NIP, kode dan ID disimpan sebagai teks. Jangan ubah format selnya menjadi angka: Excel akan "
    "membulatkan NIP 18 digit sehingga digit terakhirnya hilang.",
    'Tanggal adalah tanggal sungguhan (tahun-bulan-hari). Waktu (kolom "(UTC)") ditulis sebagai teks '
    "ISO 8601 dalam UTC, lengkap dengan mikrodetik, karena Excel tidak menyimpan zona waktu.",
    "Teks yang diawali =, +, - atau @ disimpan sebagai teks, bukan rumus. Jangan menambahkan rumus, "
    "menggabungkan sel (merge) atau menyisipkan baris judul lain: aplikasi menolaknya saat impor.",
    "Kolom berkode (status, periode, rating, predikat, …) memakai kode yang tersimpan di aplikasi; "
    'daftar kodenya ada pada lembar tersembunyi "Daftar Pilihan".',
    'Lembar "SIASN Kinerja Periodik" (hanya pada ekspor kantor pusat yang memintanya) memuat penilaian '
    "final semua kantor, disusun seperti isian unggah kinerja periodik SIASN. Lembar itu tidak ikut "
    "diimpor: aplikasi melewatinya saat mengimpor paket ini.",
)


def sel_judul(ws: Any, teks: str) -> Any:
    cell = WriteOnlyCell(ws, value=teks)
    cell.font, cell.fill, cell.alignment = FONT_JUDUL, ISI_JUDUL, RATA_JUDUL
    return cell


def _teks(ws: Any, nilai: str) -> Any:
    cell = WriteOnlyCell(ws, value=nilai)
    cell.data_type = "s"
    return cell


def nilai_info(info: InfoPaket) -> dict[str, str]:
    """The Info fields as the text written in column B."""
    return {
        "format": info.format,
        "versi_format": str(info.versi_format),
        "jenis": info.jenis.value,
        "kantor_kode": info.kantor_kode,
        "kantor_nama": info.kantor_nama,
        "tujuan_kode": info.tujuan_kode,
        "tahun": TAHUN_SEMUA if info.tahun is None else str(info.tahun),
        "dibuat_pada": info.dibuat_pada.isoformat(timespec="microseconds"),
        "versi_aplikasi": info.versi_aplikasi,
        "checksum": info.checksum,
        "kunci_publik": info.kunci_publik,
        "tanda_tangan": info.tanda_tangan,
    }


def write_info(ws: Any, info: InfoPaket) -> None:
    """Field/value pairs, then one row per sheet with its row count."""
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 26
    ws.append([sel_judul(ws, "Paket data Kinerja Desktop"), sel_judul(ws, info.jenis.label), None])
    nilai = nilai_info(info)
    for kunci, label in LABEL_INFO.items():
        label_sel = WriteOnlyCell(ws, value=label)
        label_sel.font = FONT_TEBAL
        ws.append([label_sel, _teks(ws, nilai[kunci])])
    ws.append([])
    ws.append([sel_judul(ws, j) for j in JUDUL_JUMLAH])
    for jenis in semua_jenis():
        ws.append([_teks(ws, jenis.lembar), info.jumlah.get(jenis.tabel, 0), _teks(ws, jenis.tabel)])


def write_petunjuk(ws: Any) -> None:
    ws.column_dimensions["A"].width = 120
    ws.append([sel_judul(ws, "Petunjuk")])
    for baris in _PETUNJUK:
        cell = WriteOnlyCell(ws, value=baris)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.append([cell])
