"""Writers: CSV tables (and, later, reports, SCDL exports, SQLite)."""
