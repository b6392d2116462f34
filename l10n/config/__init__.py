"""The commands' options: the settings file, the command line's values, and the options dataclasses of the commands
whose library modules are costly to import."""
