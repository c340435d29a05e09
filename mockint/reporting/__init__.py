"""Reporting: a session's analysis (pure) and its rendering as Markdown, HTML or JSON."""
