"""Errors that the CLI reports as one clear line instead of a traceback."""


class AdwatchError(Exception):
    """A failure the user can act on; its message is shown as is."""


class ConfigError(AdwatchError):
    """Settings are wrong or a directory cannot be used."""
