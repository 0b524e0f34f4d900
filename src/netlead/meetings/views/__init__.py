"""Pages of meetings and actions, split by subject: meetings (list, plans, detail, calendar
feeds), agenda (agenda, minutes, decisions, attendance) and actions."""
