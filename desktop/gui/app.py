"""Start the GUI: one QApplication, pick the window for the database, and the smoke-test timer CI uses.

Routing: the ``--db`` file, else the one opened last. A county database opens the bureau window, a
school database the school window, a city database the city window; with none, the start screen offers
"我是学校" (the first-run wizard), "我是教育局" (``desktop.gui.bureau.setup.create_county``) and "我是市局"
(``desktop.gui.city.setup.create_city``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.common import i18n, locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.start import StartScreen


class AppController(QObject):
    """Owns the top-level window: start screen, wizard, school window or bureau window."""

    def __init__(self, db: str | None = None, parent=None):
        super().__init__(parent)
        self.requested_db = db
        self.window: QWidget | None = None
        self.wizard = None
        self.upgrade_dialog = None
        self._problem = ""

    def start(self) -> QWidget:
        path = Path(self.requested_db) if self.requested_db else locations.last_db()
        if path is not None:
            window = self.open_db(str(path))
            if window is not None:
                return window
            problem = self._problem
        else:
            problem = ""
        return self.show_start(problem)

    # ------------------------------------------------------------------------- routing
    def open_db(self, path: str) -> QWidget | None:
        """Open the window for the database at ``path``; None (and ``_problem`` set) when it cannot."""
        self._problem = ""
        if services.setup.upgrade_needed(path) and not self._upgrade(path):
            return None
        try:
            role = services.setup.database_role(path)
        except TaizhangError as exc:
            self._problem = message(exc)
            return None
        try:
            if role == "county":
                window = self._bureau_window(path)
            elif role == "city":
                from desktop.gui.city.window import CityWindow

                window = CityWindow(path)
            elif role == "school":
                from desktop.gui.school.window import SchoolWindow

                window = SchoolWindow(path)
            else:
                self._problem = self.tr("这个数据文件还没有初始化：{path}").format(path=path)
                return None
        except TaizhangError as exc:
            self._problem = message(exc)
            return None
        if window is None:
            return None
        locations.remember_db(path)
        self._replace(window)
        return window

    def _upgrade(self, path: str) -> bool:
        """Bring a file of an older version up to this build's schema off the GUI thread, with a word to the user:
        a large bureau file takes minutes (its evidence moves into the archive, then the file is compacted), and
        a window that showed nothing meanwhile looks hung. False (and ``_problem`` set) when it cannot."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QProgressDialog

        from desktop.gui.common.ops import BackgroundOp

        dialog = QProgressDialog(self.tr("正在把数据文件升级到新版本：只在第一次用新版本打开时进行一次。\n"
                                         "文件较大时需要几分钟，请不要关闭程序。"), None, 0, 0, self.window)
        dialog.setObjectName("upgradeDialog")
        dialog.setWindowTitle(self.tr("升级数据文件"))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        failed: list[BaseException] = []
        loop = QEventLoop()
        op = (BackgroundOp(self, lambda _job: services.setup.upgrade(path), title=self.tr("升级数据文件"))
              .on_failure(failed.append).on_done(loop.quit))
        self.upgrade_dialog = dialog  # a test (and the screenshot tool) looks at it
        dialog.show()
        op.run()
        if op.running:
            loop.exec()
        dialog.close()
        if failed:
            exc = failed[0]
            self._problem = message(exc) if isinstance(exc, TaizhangError) else self.tr(
                "升级数据文件失败：{error}").format(error=exc)
            return False
        return True

    def _bureau_window(self, path: str) -> QWidget | None:
        try:
            from desktop.gui.bureau.window import BureauWindow
        except ImportError:
            self._problem = self.tr("这是教育局的数据文件，但本程序中的教育局端尚未完成。")
            return None
        return BureauWindow(path)

    def _replace(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        settle_layout(window)
        window.show()
        if old is not None and old is not window:
            old.close()

    def show_start(self, problem: str = "") -> StartScreen:
        screen = StartScreen()
        screen.show_problem(problem)
        screen.school_chosen.connect(self.school_setup)
        screen.county_chosen.connect(self.county_setup)
        screen.city_chosen.connect(self.city_setup)
        screen.open_chosen.connect(self.open_existing)
        screen.language_changed.connect(self._language_changed)
        self._replace(screen)
        return screen

    def school_setup(self):
        from desktop.gui.school.wizard import SchoolSetupWizard

        wizard = SchoolSetupWizard(self.window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._wizard_done(wizard.db_path))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_done(self, db_path: str | None) -> None:
        self.wizard = None
        if db_path and self.open_db(db_path) is None and isinstance(self.window, StartScreen):
            self.window.show_problem(self._problem)

    def county_setup(self) -> None:
        try:
            from desktop.gui.bureau.setup import create_county
        except ImportError:
            if isinstance(self.window, StartScreen):
                self.window.show_problem(self.tr("本程序中的教育局端尚未完成。"))
            return
        path = create_county(self.window)
        if path and self.open_db(path) is None and isinstance(self.window, StartScreen):
            self.window.show_problem(self._problem)

    def city_setup(self) -> None:
        from desktop.gui.city.setup import create_city

        path = create_city(self.window)
        if path and self.open_db(path) is None and isinstance(self.window, StartScreen):
            self.window.show_problem(self._problem)

    def open_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("打开数据文件"), str(locations.data_dir()),
                                              self.tr("台账数据文件 (*.db)"))
        if path and self.open_db(path) is None and isinstance(self.window, StartScreen):
            self.window.show_problem(self._problem)

    def _language_changed(self, code: str) -> None:
        i18n.save_language(code)
        app = QApplication.instance()
        i18n.install(app, code)
        self.show_start()  # rebuilt with the new translators


def settle_layout(window: QWidget) -> None:
    """Lay the window out before it is shown, so its minimum size is known before the platform
    window exists (the offscreen platform used by CI warns when it changes afterwards)."""
    window.ensurePolished()
    if window.layout() is not None:
        window.layout().activate()


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Taizhang")
    app.setOrganizationName("Taizhang")
    app.setWindowIcon(icon("app"))
    i18n.install(app)
    return app


def run(db: str | None = None, smoke: float | None = None) -> int:
    app = make_app()
    from desktop.gui.common import crashes

    crashes.install(app, locations.data_dir())
    controller = AppController(db)
    app._taizhang_controller = controller  # keep it alive as long as the app
    controller.start()
    if smoke:
        QTimer.singleShot(int(smoke * 1000), app.quit)
    code = app.exec()
    window = controller.window
    if window is not None and shiboken6.isValid(window):  # Qt closes (and so deletes) windows on quit
        window.close()
    return code
