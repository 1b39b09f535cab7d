"""Pure functions of the regulation: NIP, pangkat, predikat, distribusi, angka kredit, periods, dates."""
