"""The city window (市局): import county packages, approve county keys, counties × figures, drill-down, summary."""
