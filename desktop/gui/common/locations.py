"""Where the GUI keeps the install's database by default, and which one it opened last."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QRect, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_LAST_DB = "last_db"
_GEOMETRY = "window/{key}/geometry"
_MAXIMIZED = "window/{key}/maximized"
# Room left for the window frame (title bar, borders), which Qt only knows once the window is shown.
FRAME_ALLOWANCE = (16, 40)


def data_dir() -> Path:
    """%APPDATA%\\Taizhang\\Taizhang on Windows, ~/.local/share/Taizhang/Taizhang on Linux (organisation/app)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(base or Path.home() / ".taizhang")
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path(role: str) -> Path:
    """``county.db`` or ``school.db`` in the data folder."""
    return data_dir() / f"{role}.db"


def settings() -> QSettings:
    return QSettings("Taizhang", "Taizhang")


def last_db() -> Path | None:
    value = settings().value(_LAST_DB)
    return Path(value) if value and Path(value).exists() else None


def remember_db(path: str | Path) -> None:
    settings().setValue(_LAST_DB, str(path))


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by the taskbar (the primary screen before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(window: QWidget, key: str, width: int, height: int) -> None:
    """Give a main window the size and place it had when last closed, or else ``width`` × ``height``
    centred; either way no larger than the screen it opens on, so the title-bar buttons and the status
    bar stay on a 1280×720 or 1366×768 laptop screen."""
    area = available_geometry(window)
    saved = settings().value(_GEOMETRY.format(key=key))
    rect = QRect(saved) if isinstance(saved, QRect) and saved.isValid() else None
    if rect is not None:
        width, height = rect.width(), rect.height()
    fw, fh = FRAME_ALLOWANCE
    width = max(min(width, area.width() - fw), 1)
    height = max(min(height, area.height() - fh), 1)
    window.resize(width, height)
    inside = area.adjusted(0, 0, -fw, -fh)
    if rect is not None and area.contains(QRect(rect.topLeft(), window.size().grownBy(QMargins(0, 0, fw, fh)))):
        window.move(rect.topLeft())
    else:
        window.move(area.x() + max((inside.width() - window.width()) // 2, 0),
                    area.y() + max((inside.height() - window.height()) // 2, 0))
    if settings().value(_MAXIMIZED.format(key=key)) in (True, "true"):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_window(window: QWidget, key: str) -> None:
    """Keep the window's size and place for the next start (see :func:`place_window`); a maximised
    window keeps the size it had before, and opens maximised again."""
    maximized = window.isMaximized()
    rect = window.normalGeometry() if maximized else QRect(window.pos(), window.size())
    store = settings()
    store.setValue(_GEOMETRY.format(key=key), rect)
    store.setValue(_MAXIMIZED.format(key=key), maximized)
