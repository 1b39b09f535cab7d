"""What the SKP editor's tabs may ask of the editor: the SKP shown, a read, an action, a message line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar

from kinerja_desktop.core.model.skp import SkpDetail
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.ops import Note, Outcome, Work

T = TypeVar("T")


class EditorHost(Protocol):
    """Implemented by ``SkpEditor``; the tabs depend on this, not on the editor (no import circle)."""

    ctx: UiContext
    detail: SkpDetail | None

    def look(self, fn: Work[T]) -> Outcome[T]:
        """A read; a known error is shown."""
        ...

    def act(
        self,
        fn: Work[T],
        success: str = "",
        *,
        reload: bool = True,
        notes: Mapping[str, Note] | None = None,
        message: Note | None = None,
    ) -> Outcome[T]:
        """One action in one transaction, then the SKP is read again and the page told; a refusal is
        shown in ``notes``/``message`` (a dialog's) when given, else under the tabs."""
        ...

    def stamp(self) -> str | None:
        """The stamp of the SKP as shown, handed back with every change (None when none is shown)."""
        ...

    def say(self, text: str, *, ok: bool = True) -> None:
        """A line under the tabs: green for done, red for what stopped the action."""
        ...
