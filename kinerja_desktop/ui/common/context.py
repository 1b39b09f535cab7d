"""What every page of the main window is handed: the workspace, the logged-in user, the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.tasks import TaskRunner


@dataclass
class UiContext:
    workspace: Workspace
    actor: Actor
    tasks: TaskRunner
