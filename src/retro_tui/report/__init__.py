"""The report (verslag): what a session found, built once as a document and written as Markdown, HTML, Word, an email draft and a calendar; privacy checks before anything leaves the laptop."""
