"""Pertukaran Data: office ↔ central packages — export, the import wizard, history."""
