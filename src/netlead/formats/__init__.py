"""netlead's date formats, one per language (settings.FORMAT_MODULE_PATH): a page never mixes
"Nov. 5, 2026", "12/02/2026" and ISO dates. Templates name a format ("DATE_FORMAT",
"SHORT_DATE_FORMAT", ...) and never spell one out."""
