"""Office ↔ central packages: the sheets, the in-memory package, writing, reading, planning, applying."""
