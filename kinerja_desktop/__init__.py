"""kinerja-desktop: offline ASN performance management (PermenPANRB 6/2022) for small offices."""

APP_NAME = "kinerja-desktop"
APP_TITLE = "Kinerja Desktop"
__version__ = "0.1.0"
