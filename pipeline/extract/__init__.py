"""Extractors: one module per record family."""
