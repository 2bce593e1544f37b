"""Where bundled read-only files live, in a source checkout and in the PyInstaller bundle."""

import sys
from pathlib import Path


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
