"""The evidence files of one task as a list model, with thumbnails for images."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap

from desktop.gui.common.icons import icon
from desktop.gui.common.sizes import human_size

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods

ShaRole = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(96, 96)


class EvidenceModel(QAbstractListModel):
    """``preview(sha256) -> bytes | None`` supplies image bytes for thumbnails (lazily, cached)."""

    def __init__(self, preview: Callable[[str], bytes | None] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._preview = preview
        self._thumbs: dict[str, QIcon] = {}

    def set_items(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def items(self) -> list[dict]:
        return list(self._rows)

    def item(self, index: QModelIndex) -> dict | None:
        return self._rows[index.row()] if index.isValid() and 0 <= index.row() < len(self._rows) else None

    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["name"]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\n{size}，添加于 {added}\nSHA-256：{sha}").format(
                name=row["name"], size=human_size(row["size"]), added=row["added_at"][:16].replace("T", " "),
                sha=row["sha256"])
        if role == ShaRole:
            return row["sha256"]
        return None

    def _thumbnail(self, row: dict) -> QIcon:
        sha = row["sha256"]
        if sha in self._thumbs:
            return self._thumbs[sha]
        result = icon("file")
        if row["mime"].startswith("image/") and self._preview is not None:
            data = self._preview(sha)
            image = QImage.fromData(data) if data else QImage()
            if not image.isNull():
                image = image.scaled(THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
                result = QIcon(QPixmap.fromImage(image))
        self._thumbs[sha] = result
        return result
