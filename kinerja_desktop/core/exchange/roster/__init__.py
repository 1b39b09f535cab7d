"""The Excel staff roster: export, a blank template with drop-downs, and import (a plan, then all at once)."""

from kinerja_desktop.core.exchange.roster.apply import ApplyResult, apply_import
from kinerja_desktop.core.exchange.roster.model import Aksi, BarisRencana, Galat, Perubahan, RosterPlan
from kinerja_desktop.core.exchange.roster.plan import plan_import
from kinerja_desktop.core.exchange.roster.reader import RosterError, read_roster
from kinerja_desktop.core.exchange.roster.writer import export_roster, write_template

__all__ = [
    "Aksi",
    "ApplyResult",
    "BarisRencana",
    "Galat",
    "Perubahan",
    "RosterError",
    "RosterPlan",
    "apply_import",
    "export_roster",
    "plan_import",
    "read_roster",
    "write_template",
]
