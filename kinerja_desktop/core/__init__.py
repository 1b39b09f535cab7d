"""Everything true without a screen: rules, database, services, documents and the exchange — never Qt.

Naming: the regulation's nouns stay Indonesian so a BKPSDM officer can read the code (``Pegawai``,
``Skp``, ``Rhk``, ``Predikat``, ``paket``); verbs and infrastructure are English (``read``, ``write``,
``plan``, ``apply``, ``show``, ``reload``, ``session``, ``reader``). An identifier never mixes an
Indonesian verb with English words: ``finalise_evaluasi`` and ``write_paket``, not ``finalkan_rows``.
Screens, messages and printed documents are in Bahasa Indonesia.

Glossary (the regulation is PermenPANRB 6/2022 unless noted):

- ``Pegawai`` — an ASN (PNS or PPPK) of the office; ``atasan``: their direct superior.
- ``UnitKerja`` — a unit of the office (sekretariat, seksi, kelurahan); the tree of units.
- ``Skp`` — Sasaran Kinerja Pegawai: one pegawai's plan for a year (``versi`` counts revisions).
- ``Rhk`` — Rencana Hasil Kerja, a planned result; ``utama`` / ``tambahan``; ``kaskade``: an RHK
  intervening an RHK of the pejabat penilai (the cascade); ``matriks peran hasil``: that cascade per unit.
- ``Indikator`` — Indikator Kinerja Individu (IKI) of an RHK, with its ``target`` and ``satuan``.
- ``Realisasi`` — what was achieved per indikator and period; ``rencana aksi``: planned steps;
  ``BuktiDukung`` (bukti): evidence — a note, a link or a file.
- ``Perilaku`` / ``BerAKHLAK`` — the seven core values; ``ekspektasi``: the leader's expectation.
- ``Evaluasi`` — one SKP evaluated for one ``periode`` (a triwulan, a month, or ``AKHIR`` for the year);
  ``penilaian diri``: self-assessment; ``umpan balik``: feedback; ``final``: locked.
- ``Rating`` — of hasil kerja and of perilaku: di atas / sesuai / di bawah ekspektasi.
- ``Predikat`` — the result from the two ratings (Sangat Baik … Sangat Kurang).
- ``CapaianOrganisasi`` — how the unit performed; it bounds the distribution of predikat
  (``distribusi``, the curve of SE MenPANRB 3/2023); ``CapaianUnit`` is the row that records it.
- ``pejabat penilai`` — the appraiser (the superior); ``atasan pejabat penilai`` — their superior.
- ``angka`` — a number as typed and shown the Indonesian way ("1.500,5"); ``angka kredit`` (AK):
  credit points of a jabatan fungsional; ``konversi``: predikat → AK (PermenPANRB 1/2023).
- ``Pelatihan`` / ``JP`` — training and its hours (jam pelajaran), 20 JP a year.
- ``kantor`` — this office; ``pusat``: the central office (BKPSDM) that gathers the offices.
- ``paket`` — an Excel workbook that carries rows between an office and the central office:
  ``paket kantor`` (office → central), ``paket induk`` (central → office). The feature is called
  *exchange* in code (``core/exchange``, ``ui/exchange``) and **Pertukaran Data** on screen; ``sync``
  names its bookkeeping (``SyncLog``, ``SyncMixin``, ``SyncBaseline``: the version last agreed).
- ``kunci kantor`` — an office's Ed25519 key that signs its packages; ``sidik`` (kunci): its fingerprint,
  read by phone; ``kunci mitra``: another office's key, pinned at the first import from it.
- ``roster`` — the staff workbook (daftar pegawai) for bulk entry; ``cetak`` — printing (the CLI
  subcommand and the button keep the Indonesian word; the code says ``printing``).
- ``Pengguna`` / ``akun`` — a login account; ``peran``: its role; ``izin``: a permission.
- ``cadangan`` — a backup; ``audit`` — the log of who changed what.
"""
