"""The audit log read by people: filtered pages of entries, told as sentences with names."""

from kinerja_desktop.core.services.audit.daftar import (
    SISTEM,
    AuditFilter,
    AuditRow,
    audit_users,
    count_audit,
    list_audit,
)
from kinerja_desktop.core.services.audit.kalimat import EntriAudit, Perubahan, susun
from kinerja_desktop.core.services.audit.label import AKSI, ENTITAS, label_aksi, label_entitas

__all__ = [
    "AKSI",
    "ENTITAS",
    "SISTEM",
    "AuditFilter",
    "AuditRow",
    "EntriAudit",
    "Perubahan",
    "audit_users",
    "count_audit",
    "label_aksi",
    "label_entitas",
    "list_audit",
    "susun",
]
