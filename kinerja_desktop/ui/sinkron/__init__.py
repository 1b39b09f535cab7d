"""Office ↔ central exchange screens: export, the import wizard (files, plan, conflicts, report), history."""
