"""SVG icons from resources/icons (sharp at any DPI), with a Qt standard icon when a file is missing."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.paths import resources_dir

STATUS_ICONS = {"未开始": "status-not-started", "进行中": "status-in-progress", "已完成": "status-done",
                "不适用": "status-na"}
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
