"""Printing: what a request covers, where its pegawai or unit is found, one PDF of it all."""
