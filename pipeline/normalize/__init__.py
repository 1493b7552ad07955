"""Pure normalisers: French amounts, counts, dates, names and identifiers as printed -> typed values.

Every function takes text and never raises on bad text: parse_* return ``Parsed`` (``value`` or a ``reason``),
find_* return lists of values with their raw text and span.
"""

from .amounts import Money, find_amounts, parse_amount, parse_decimal
from .counts import parse_count
from .dates import Period, find_dates, find_periods, parse_date, parse_period
from .ids import (
    find_ibans,
    find_sirets,
    iban_valid,
    parse_budget_code,
    parse_convention_ref,
    parse_delib_number,
    parse_iban,
    parse_siren,
    parse_siret,
    rna_valid,
    siren_valid,
    siret_valid,
)
from .names import CIVILITIES, Person, name_key, same_person, split_names, split_proxy, strip_civility
from .result import Parsed

__all__ = [
    "Parsed",
    "Money", "parse_decimal", "parse_amount", "find_amounts",
    "parse_count",
    "Period", "parse_date", "find_dates", "parse_period", "find_periods",
    "Person", "CIVILITIES", "strip_civility", "name_key", "same_person", "split_names", "split_proxy",
    "parse_siret", "siret_valid", "parse_siren", "siren_valid", "parse_iban", "iban_valid", "rna_valid",
    "find_sirets", "find_ibans", "parse_delib_number", "parse_convention_ref", "parse_budget_code",
]
