"""The Textual UI. Nothing outside this package imports it (a test keeps it so)."""
