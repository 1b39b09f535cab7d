"""The user guide's chapters: Markdown files ``NN-bab.md`` under ``resources/panduan``, read in file order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.core.paths import resources_dir

#: The chapter shown when a screen names none, and the one a page without its own chapter falls back to.
BAB_AWAL = "mulai"

_NAMA_BERKAS = re.compile(r"^(\d+)-([a-z0-9-]+)\.md$")
_LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Bab:
    """One chapter: its anchor (``penilaian``), its title (the first ``#`` heading) and its file."""

    nama: str
    judul: str
    path: Path

    def teks(self) -> str:
        return self.path.read_text(encoding="utf-8")


def folder() -> Path:
    """``resources/panduan``: beside the package in a checkout, inside the bundle when frozen."""
    return resources_dir() / "panduan"


def _judul(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def daftar_bab(base: Path | None = None) -> list[Bab]:
    """Every chapter in the order of its file name's number."""
    base = base or folder()
    found: list[tuple[int, Bab]] = []
    for path in base.glob("*.md"):
        match = _NAMA_BERKAS.match(path.name)
        if match:
            found.append((int(match.group(1)), Bab(match.group(2), _judul(path), path)))
    return [bab for _, bab in sorted(found, key=lambda item: item[0])]


def bab_dari_berkas(nama_berkas: str) -> str | None:
    """The chapter anchor of a link target such as ``06-skp.md`` (None when it is not a chapter file)."""
    match = _NAMA_BERKAS.match(Path(nama_berkas).name)
    return match.group(2) if match else None


def tautan(teks: str) -> list[tuple[bool, str]]:
    """The links of a chapter's Markdown: (is an image, target) in the order they appear."""
    return [(bang == "!", target) for bang, target in _LINK.findall(teks)]
