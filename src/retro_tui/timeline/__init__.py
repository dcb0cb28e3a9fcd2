"""The timeline's domain, without UI: spoken dates, quick add, filters, layout on a time
axis, undo history and CSV import."""
