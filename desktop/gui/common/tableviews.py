"""Read-only record tables (one row per record) as the bureau pages show them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

FIT_ROWS = 100  # the rows a column is fitted to (besides those in view)


def records_view(model, name: str, stretch: int, *, single_selection: bool = False,
                 alternating: bool = False) -> QTableView:
    """Whole-row selection, no row numbers, one-line rows of a fixed height, columns sized to their contents
    but ``stretch``, which takes the room left."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS)  # a county's thousand schools are not all measured on each load
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
