"""Use cases: one function per user action. The CLI and the GUI both call these and nothing lower.

``county`` holds the bureau's actions, ``school`` the school's, ``common`` what both do.
"""

from desktop.core.services.common import *  # noqa: F401,F403
from desktop.core.services.county import *  # noqa: F401,F403
from desktop.core.services.school import *  # noqa: F401,F403
