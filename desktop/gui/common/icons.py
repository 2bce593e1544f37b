"""SVG icons from resources/icons (sharp at any DPI), with a Qt standard icon when a file is missing."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.words import Status
from desktop.paths import resources_dir

STATUS_ICONS = {Status.NOT_STARTED: "status-not-started", Status.IN_PROGRESS: "status-in-progress",
                Status.DONE: "status-done", Status.NOT_APPLICABLE: "status-na"}
_FALLBACK = {
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
    "file": QStyle.StandardPixmap.SP_FileIcon,
}


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    app = QApplication.instance()
    if app is None:
        return QIcon()
    return app.style().standardIcon(_FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon))


def status_icon(status: str) -> QIcon:
    return icon(STATUS_ICONS.get(status, "status-not-started"))
