"""The one exception readers raise: a code the report carries and a Chinese message without document text."""


class ReadError(Exception):
    """A file that cannot be read. ``code`` is one of the ReportError codes."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
