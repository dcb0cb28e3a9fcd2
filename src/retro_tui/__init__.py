"""retro-tui: run a retrospective case analysis in Dutch youth care from the terminal."""

__version__ = "0.1.0"
