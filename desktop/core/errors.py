"""The one error type users see: a Chinese sentence first, then English."""


class TaizhangError(Exception):
    """A user-facing error: bad input, unusable file, refused action.

    ``zh`` is shown first, ``en`` after it; the CLI prints ``str(err)`` as one line
    and the GUI shows it in a message box. Never raised for programming errors.
    """

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
