"""Routing at start: last/--db database → school window (or bureau window), none → start screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.gui import app as app_module
from desktop.gui.common import locations
from desktop.gui.common.start import StartScreen
from desktop.gui.school.window import SchoolWindow
from desktop.gui.school.wizard import SchoolSetupWizard


def close(controller):
    if controller.window is not None:
        controller.window.close()


def test_no_database_shows_the_start_screen(qtbot):
    controller = app_module.AppController()
    window = controller.start()
    qtbot.addWidget(window)
    assert isinstance(window, StartScreen)
    assert "我是学校" in window.school_button.text()
    assert "我是教育局" in window.county_button.text()
    close(controller)


def test_school_database_opens_the_school_window_and_is_remembered(qtbot, school_db):
    controller = app_module.AppController(str(school_db))
    window = controller.start()
    assert isinstance(window, SchoolWindow)
    assert locations.last_db() == school_db
    close(controller)
    again = app_module.AppController()  # next start: the last database
    assert isinstance(again.start(), SchoolWindow)
    close(again)


def test_county_database_goes_to_the_bureau_window(qtbot, plan_template, monkeypatch):
    county = plan_template.parent / "county.db"
    opened = []

    class FakeBureau(StartScreen):
        def __init__(self, path):
            super().__init__()
            opened.append(path)

    import types

    fake = types.ModuleType("desktop.gui.bureau.window")
    fake.BureauWindow = FakeBureau
    monkeypatch.setitem(sys.modules, "desktop.gui.bureau.window", fake)
    controller = app_module.AppController(str(county))
    window = controller.start()
    assert isinstance(window, FakeBureau) and opened == [str(county)]
    close(controller)


def test_unusable_file_falls_back_to_the_start_screen_with_a_reason(qtbot, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    controller = app_module.AppController(str(bad))
    window = controller.start()
    assert isinstance(window, StartScreen)
    assert window.status.isVisible() and "SQLite" in window.status.text()
    close(controller)


def test_school_choice_runs_the_wizard_then_opens_the_window(qtbot, plan_file, tmp_path):
    controller = app_module.AppController()
    screen = controller.start()
    screen.school_button.click()
    wizard = controller.wizard
    assert isinstance(wizard, SchoolSetupWizard) and wizard.isVisible()
    wizard.open_page.path.setText(str(plan_file))
    wizard.next()
    wizard.fingerprint_page.confirm.setChecked(True)
    wizard.next()
    wizard.school_page.select_code("SLX001")
    wizard.next()
    wizard.key_page.db_path.setText(str(tmp_path / "s.db"))
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert isinstance(controller.window, SchoolWindow)
    assert locations.last_db() == tmp_path / "s.db"
    close(controller)


def test_county_choice_calls_the_bureau_setup(qtbot, monkeypatch, school_db):
    import types

    calls = []
    fake = types.ModuleType("desktop.gui.bureau.setup")

    def create_county(parent):
        calls.append(parent)
        return  # the user cancelled

    fake.create_county = create_county
    monkeypatch.setitem(sys.modules, "desktop.gui.bureau.setup", fake)
    controller = app_module.AppController()
    screen = controller.start()
    screen.county_button.click()
    assert calls == [screen] and controller.window is screen
    close(controller)


@pytest.mark.slow  # two GUI start-ups in subprocesses, ~5 s
def test_smoke_run_quits_without_qt_warnings(school_db, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    for args in (["--db", str(school_db)], []):
        out = subprocess.run([sys.executable, "-m", "desktop", *args, "--smoke-test", "0.5"], env=env,
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert out.stderr.strip() == "", out.stderr


def test_a_file_of_an_older_version_is_upgraded_off_the_gui_thread_with_a_word_to_the_user(qtbot, tmp_path,
                                                                                          monkeypatch):
    """A large bureau file takes minutes to upgrade: the window says so and stays alive, the work runs on a
    worker thread, and the window opens on the upgraded file."""
    import shutil
    import threading

    from desktop.core import services
    from desktop.core.db import connection

    old = tmp_path / "school.db"
    shutil.copyfile(Path(__file__).resolve().parents[2] / "fixtures" / "release-0.1.0-school.db", old)
    assert services.setup.upgrade_needed(old)
    seen = {}
    real = services.setup.upgrade

    def upgrade(path):
        seen["thread"] = threading.current_thread()
        real(path)

    monkeypatch.setattr(services.setup, "upgrade", upgrade)
    controller = app_module.AppController(str(old))
    window = controller.start()
    assert isinstance(window, SchoolWindow)
    assert seen["thread"] is not threading.main_thread()
    assert controller.upgrade_dialog is not None and "升级" in controller.upgrade_dialog.labelText()
    assert not controller.upgrade_dialog.isVisible()
    assert connection.pending_migrations(old) == 0 and not services.setup.upgrade_needed(old)
    close(controller)
    again = app_module.AppController(str(old))  # an up-to-date file opens without the step
    assert isinstance(again.start(), SchoolWindow) and again.upgrade_dialog is None
    close(again)
