"""An import plan as plain text: the counts per sheet as a table, then every problem, conflict and merge."""

from __future__ import annotations

from kinerja_desktop.core.exchange.paket.plan.model import Aksi, JumlahLembar, RencanaImpor
from kinerja_desktop.core.rules.angka import format_angka

#: The count columns, in the order the plan shows them (Aksi value → heading, the words of the summary).
KOLOM_JUMLAH = tuple((a.value, a.label) for a in Aksi)


def lembar_berisi(rencana: RencanaImpor) -> list[JumlahLembar]:
    """The sheets that hold at least one row."""
    return [j for j in rencana.jumlah if j.total]


def tabel_jumlah(rencana: RencanaImpor) -> list[str]:
    """The per-sheet counts as an aligned text table with a total line."""
    rows = lembar_berisi(rencana)
    lebar = max([len("Lembar"), len("Jumlah"), *(len(j.lembar) for j in rows)])
    kepala = f"  {'Lembar':<{lebar}}" + "".join(f" {judul:>9}" for _, judul in KOLOM_JUMLAH)
    out = [kepala]
    for j in rows:
        out.append(
            f"  {j.lembar:<{lebar}}" + "".join(f" {format_angka(getattr(j, a)):>9}" for a, _ in KOLOM_JUMLAH)
        )
    out.append(
        f"  {'Jumlah':<{lebar}}"
        + "".join(f" {format_angka(sum(getattr(j, a) for j in rows)):>9}" for a, _ in KOLOM_JUMLAH)
    )
    return out


def teks_rencana(rencana: RencanaImpor) -> list[str]:
    """Summary, counts, problems (sheet, row, column, message), conflicts side by side and merges."""
    out = list(rencana.ringkasan())
    out += tabel_jumlah(rencana)
    if rencana.galat:
        out.append(f"Kesalahan yang harus diperbaiki ({len(rencana.galat)}):")
        out += [f"  - {m.teks()}" for m in rencana.galat]
    if rencana.peringatan:
        out.append(f"Peringatan ({len(rencana.peringatan)}):")
        out += [f"  - {m.teks()}" for m in rencana.peringatan]
    if rencana.konflik:
        out.append(
            f"Konflik: diubah di sini dan di kantor asal sejak terakhir sama ({len(rencana.konflik)}):"
        )
        for k in rencana.konflik:
            out.append(f"  - Lembar {k.lembar}, baris {k.baris}: {k.uraian}")
            out += [f"      {b.kolom}: di sini «{b.kami}» | di paket «{b.mereka}»" for b in k.beda]
    gabung = [g for g in rencana.penggabungan if not g.otomatis]
    if gabung:
        out.append(f"Data yang sama tercatat dua kali, akan digabungkan ({len(gabung)}):")
        out += [f"  - Lembar {g.lembar}, baris {g.baris}: {g.uraian}" for g in gabung]
    return out
