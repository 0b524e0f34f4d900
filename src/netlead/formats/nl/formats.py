# 5 november 2026 · 5 nov 2026: "b" is the month's lower-case abbreviation ("M" capitalises it).
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j b Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
MONTH_DAY_FORMAT = "j F"
