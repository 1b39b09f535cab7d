"""The feedback panels of the evaluation form: their scroll areas leave QWidget.scroll alone."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from kinerja_desktop.ui.penilaian.form_feedback import HasilKerjaPanel, PerilakuPanel


def test_the_panels_scroll_area_does_not_hide_qwidget_scroll(qtbot) -> None:
    for panel in (HasilKerjaPanel(), PerilakuPanel()):
        qtbot.addWidget(panel)
        assert isinstance(panel.scroll_area, QScrollArea)
        panel.scroll(0, 0)  # still QWidget.scroll(dx, dy), not the scroll area
