"""Which language the UI speaks: Chinese (the source language) by default, English from a .qm file.

The choice is kept in QSettings (``language``). A missing .qm file is not an error: the UI then
stays in Chinese. Build the .qm files with ``pyside6-lrelease resources/i18n/taizhang_en.ts``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from desktop.gui.common import locations
from desktop.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT = "zh_CN"
_KEY = "language"
_installed: list[QTranslator] = []
_speaking = DEFAULT  # the language install() put in place; pick() follows it, not the saved setting


def saved_language() -> str:
    value = locations.settings().value(_KEY)
    return value if value in LANGUAGES else DEFAULT


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    locations.settings().setValue(_KEY, language)


def i18n_dir():
    return resources_dir() / "i18n"


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load the translators for ``language`` (default: the saved choice); returns the language in use.

    That is the source language (Chinese) when no .qm file of ours could be loaded for ``language``."""
    global _speaking
    language = language or saved_language()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != DEFAULT:
        for qm in sorted(i18n_dir().glob(f"*_{language}.qm")):
            tr = QTranslator(app)
            if tr.load(str(qm)):
                _installed.append(tr)
        if not _installed:  # nothing to translate with: the UI stays in the source language
            language = DEFAULT
    qt_lang = "zh_CN" if language == DEFAULT else language
    for base in ("qtbase",):
        tr = QTranslator(app)
        if tr.load(f"{base}_{qt_lang}", qt_dir):
            _installed.append(tr)
    for tr in _installed:
        app.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == DEFAULT
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _speaking = language
    return language


def current_language() -> str:
    """The language the UI speaks now: the one last installed (a newly saved choice waits for the restart)."""
    return _speaking


def pick(zh: str, en: str) -> str:
    """For texts that come from the core in both languages (TaizhangError, warnings): in the language the
    rest of the UI speaks, i.e. the installed one, so a message never switches before its window does."""
    return zh if _speaking == DEFAULT else en


# Shown at the moment the language is switched, while the window still speaks the old one: so in both.
LANGUAGE_NOTICE = "界面语言将在下次启动程序时切换。\nThe language changes the next time Taizhang starts."


def choose_language(parent, code: str) -> None:
    """Save the language picked from a window's menu and say when it takes effect (non-blocking)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    save_language(code)
    box = QMessageBox(QMessageBox.Icon.Information, "语言 / Language", LANGUAGE_NOTICE,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def fill_language_menu(menu, parent, on_choose=None) -> None:
    """One checkable entry per language in ``menu``; picking one calls ``on_choose(code)``, by default
    :func:`choose_language`."""
    on_choose = on_choose or (lambda code: choose_language(parent, code))
    group = QActionGroup(parent)
    current = saved_language()
    for code, name in LANGUAGES.items():
        action = QAction(name, parent)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, code=code: on_choose(code))
        group.addAction(action)
        menu.addAction(action)
