"""Issue 14: the windows open no larger than a small laptop screen and come back where they were left."""

import pytest
from PySide6.QtCore import QRect

from desktop.gui.common import locations

SMALL = QRect(0, 0, 1280, 680)  # a 1280×720 screen less its taskbar


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(locations, "available_geometry", lambda _w: QRect(SMALL))
    return SMALL


def _fits(win, area):
    return area.contains(win.frameGeometry())


def _school(qtbot, db):
    from desktop.gui.school.window import SchoolWindow

    win = SchoolWindow(str(db))
    qtbot.addWidget(win)
    win.show()
    return win


def _bureau(qtbot, db):
    from desktop.gui.bureau.window import BureauWindow

    win = BureauWindow(str(db))
    qtbot.addWidget(win)
    win.show()
    return win


def test_school_window_fits_a_small_screen_and_remembers_its_place(qtbot, school_db, small_screen):
    win = _school(qtbot, school_db)
    assert _fits(win, small_screen) and win.height() < 800, win.geometry()
    win.resize(1100, 640)
    win.move(30, 0)
    win.close()
    again = _school(qtbot, school_db)
    assert (again.width(), again.height()) == (1100, 640)
    assert (again.x(), again.y()) == (30, 0)
    again.close()


def test_bureau_window_fits_a_small_screen_and_remembers_its_place(qtbot, world, small_screen):
    win = _bureau(qtbot, world / "county.db")
    assert _fits(win, small_screen) and win.width() < 1320
    assert win.minimumSizeHint().height() + locations.FRAME_ALLOWANCE[1] <= small_screen.height()
    win.resize(1100, 630)
    win.move(10, 5)
    win.close()
    again = _bureau(qtbot, world / "county.db")
    assert (again.width(), again.height(), again.x(), again.y()) == (1100, 630, 10, 5)
    again.close()


def test_a_remembered_size_larger_than_this_screen_is_shrunk(qtbot, world, small_screen, monkeypatch):
    monkeypatch.setattr(locations, "available_geometry", lambda _w: QRect(0, 0, 1920, 1040))
    win = _bureau(qtbot, world / "county.db")
    win.resize(1800, 1000)
    win.move(50, 0)
    win.close()
    monkeypatch.setattr(locations, "available_geometry", lambda _w: QRect(SMALL))
    again = _bureau(qtbot, world / "county.db")
    assert _fits(again, SMALL)
    again.close()
