"""Word lists for demo people and places: Palembang and South Sumatra flavoured names, titles, towns."""

from __future__ import annotations

NAMA_DEPAN_L: tuple[str, ...] = (
    "Muhammad", "Ahmad", "Abdul", "Rizki", "Hendra", "Dedi", "Arief", "Fauzan", "Ilham", "Yudi",
    "Agus", "Hasan", "Zulkifli", "Firdaus", "Joni", "Rudi", "Herman", "Ismail", "Syahrial", "Amran",
    "Darmawan", "Fikri", "Taufik", "Yusuf", "Irwan", "Andi", "Bayu", "Doni", "Eko", "Fadli",
    "Gunawan", "Hadi", "Iqbal", "Jefri", "Khairul", "Lukman", "Mahmud", "Nanang", "Ridwan", "Sofyan",
    "Umar", "Wahyu", "Yoga", "Zainal", "Robby", "Saiful", "Novri", "Hermansyah", "Aidil", "Ferry",
    "Anton", "Budiman", "Chandra", "Dodi", "Efran", "Heru", "Jaka", "Kemal", "Marzuki", "Rahmat",
)  # fmt: skip

NAMA_BELAKANG_L: tuple[str, ...] = (
    "Saputra", "Syahputra", "Pratama", "Hidayat", "Rahman", "Effendi", "Hakim", "Rusdi", "Anwar",
    "Fauzi", "Kurniawan", "Setiawan", "Firmansyah", "Ramadhan", "Wijaya", "Nugraha", "Harahap",
    "Lubis", "Siregar", "Nasution", "Alamsyah", "Hasibuan", "Junaidi", "Zulkarnain", "Mustofa",
    "Syarifuddin", "Maulana", "Azhari", "Baharudin", "Iskandar", "Rasyid", "Sanjaya", "Hamzah",
    "Mahendra", "Erlangga", "Sulaiman", "Apriansyah", "Oktariansyah", "Husin", "Yahya",
)  # fmt: skip

NAMA_DEPAN_P: tuple[str, ...] = (
    "Siti", "Nurul", "Dewi", "Fitri", "Rina", "Yuliana", "Sri", "Ratna", "Maya", "Novita",
    "Indah", "Eka", "Desi", "Lina", "Mega", "Putri", "Ayu", "Dian", "Yeni", "Erna",
    "Rosmala", "Hartati", "Reni", "Selvi", "Tuti", "Wulan", "Yanti", "Zahra", "Anisa", "Rahma",
    "Kartika", "Mardiana", "Oktarina", "Septiani", "Intan", "Juwita", "Vivi", "Evi", "Nova", "Melati",
    "Elsa", "Fatimah", "Husnul", "Ika", "Meli", "Nia", "Rika", "Sinta", "Uli", "Winda",
)  # fmt: skip

NAMA_BELAKANG_P: tuple[str, ...] = (
    "Sari", "Wulandari", "Oktaviani", "Puspita", "Handayani", "Rahmawati", "Lestari", "Purnamasari",
    "Aprilia", "Maharani", "Safitri", "Anggraini", "Susanti", "Novitasari", "Yuliani", "Rosita",
    "Fitriani", "Herawati", "Marlina", "Agustina", "Kurniasih", "Utami", "Permatasari", "Damayanti",
    "Ramadhani", "Khairunnisa", "Hasanah", "Aminah", "Zahara", "Juliana", "Oktarini", "Febriyanti",
)  # fmt: skip

#: Palembang aristocratic name prefixes (part of the name, not an academic title).
AWALAN_L: tuple[str, ...] = ("Kgs.", "Mgs.", "R.")
AWALAN_P: tuple[str, ...] = ("Nyimas", "Nyayu", "Masayu", "R.A.")

GELAR_S1: tuple[str, ...] = (
    "S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.IP.", "S.AP.", "S.Pd.", "S.T.", "S.Ak.", "S.Hum.",
)  # fmt: skip
GELAR_S2: tuple[str, ...] = ("M.Si.", "M.M.", "M.AP.", "M.H.", "M.Kes.")
GELAR_D3: tuple[str, ...] = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")

TEMPAT_LAHIR: tuple[str, ...] = (
    "Palembang", "Prabumulih", "Lahat", "Muara Enim", "Baturaja", "Lubuklinggau", "Pagar Alam",
    "Kayuagung", "Sekayu", "Pangkalan Balai", "Martapura", "Muaradua", "Indralaya", "Tanjung Enim",
    "Bengkulu", "Jambi", "Bandar Lampung", "Padang", "Pangkalpinang", "Jakarta",
)  # fmt: skip
BOBOT_TEMPAT_LAHIR: tuple[float, ...] = (
    40, 5, 5, 5, 4, 4, 3, 4, 3, 2, 2, 2, 3, 2, 2, 2, 2, 1, 1, 2,
)  # fmt: skip

#: The seven kelurahan of Kecamatan Plaju, then other Palembang kelurahan for very large demos.
KELURAHAN: tuple[str, ...] = (
    "Plaju Ulu", "Plaju Ilir", "Plaju Darat", "Bagus Kuning", "Komperta", "Talang Bubuk", "Talang Putri",
    "Sentosa", "Tangga Takat", "Silaberanti", "Kemas Rindo", "Kertapati", "Karya Jaya", "Ogan Baru",
    "Bukit Baru", "Talang Semut", "Sukarami", "Kebun Bunga", "Talang Betutu", "Sialang",
    "Lebong Gajah", "Kalidoni", "Sei Selincah", "Bukit Sangkal", "Sako", "Srijaya", "Alang-Alang Lebar",
    "Talang Kelapa", "Karya Baru", "Gandus", "Pulokerto", "Karang Jaya", "Keramasan", "Sungai Buah",
    "Lawang Kidul", "Duku", "Kuto Batu", "Sei Lais", "Pipa Reja", "Ario Kemuning",
)  # fmt: skip

JALAN: tuple[str, ...] = (
    "Jl. D.I. Panjaitan", "Jl. Kapten Abdullah", "Jl. Tegal Binangun", "Jl. Pertahanan",
    "Jl. Sentosa", "Jl. Kapten Robani Kadir", "Jl. Perintis Kemerdekaan", "Jl. Silaberanti",
    "Jl. Jaya Indah", "Jl. Bagus Kuning", "Jl. Kelapa Gading", "Jl. Talang Kerangga",
)  # fmt: skip
