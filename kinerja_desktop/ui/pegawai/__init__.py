"""Staff-records screens: the pegawai list and form, unit tree, archive and training dialogs."""
