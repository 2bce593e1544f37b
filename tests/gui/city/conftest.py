import pytest

from tests.gui.bureau.conftest import FakeChooser


@pytest.fixture
def chooser():
    return FakeChooser()
