"""Exports: the data a user looks at on a page, as a file their own program opens (CSV and
XLSX for spreadsheets, GraphML and GEXF for Gephi and other network tools).

`cells` (formula injection) and `tables` (the two tabular writers) know nothing of the apps;
`sheets` and `graphs` turn the apps' read models into tables and graphs; `access` opens the data
through each page's own access function and records the export in the audit log; `views` and
`urls` serve the files.
"""
