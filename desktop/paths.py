"""Where bundled read-only files live, in a source checkout and in the PyInstaller bundle.

Checkout: the folder above the ``desktop`` package (it holds resources/ and migrations/).
Bundle (build.spec, one-folder): ``sys._MEIPASS``, i.e. ``dist/taizhang/_internal``, where build.spec
puts resources/ and migrations/ under the same names.

Only read-only program files are found here. The user's data file lives elsewhere (the GUI's default is
desktop/gui/common/locations.py: %APPDATA%/Taizhang on Windows), never inside the program folder, so
replacing the program folder on upgrade keeps the data.
"""

import sys
from pathlib import Path


def is_bundled() -> bool:
    """True when running from the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def app_root() -> Path:
    """The folder holding resources/ and migrations/."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def migrations_dir() -> Path:
    return app_root() / "migrations"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def i18n_dir() -> Path:
    """The app's own .qm translations (Qt's are found through QLibraryInfo)."""
    return resources_dir() / "i18n"


def icons_dir() -> Path:
    return resources_dir() / "icons"
