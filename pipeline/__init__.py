"""delib: French local-government deliberation PDFs -> trustworthy tables and validation reports."""

__version__ = "0.1.0"
