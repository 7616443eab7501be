"""Settings: one model of every setting, read from ``wiredesk.yaml`` and the environment.

Entry points: ``current_settings`` (the settings in force, read again when the file or a
variable changes), ``current`` and ``load_settings`` (the same with the file's path and each
value's origin), ``Settings``, ``SettingsError`` (one line naming the file or variable, the
key and what it expects), ``check_values`` (values set elsewhere, such as the UI's
launchpad, checked by the same model), ``settings_hash``, ``config_path``, and the renderings
``readme_table``, ``example_file`` and ``effective_rows``. It imports no other package of
wiredesk, so every package, the store included, may use it.
"""

from wiredesk.exports import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "model": ("Settings",),
        "load": (
            "Loaded",
            "SettingsError",
            "check_values",
            "config_path",
            "current",
            "current_settings",
            "load_settings",
            "settings_hash",
        ),
        "render": ("effective_rows", "example_file", "readme_table"),
    },
)
