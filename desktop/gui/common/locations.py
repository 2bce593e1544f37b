"""Where the GUI keeps the install's database by default, and which one it opened last."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_LAST_DB = "last_db"


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
