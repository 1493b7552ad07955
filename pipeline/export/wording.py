"""The words of the reports and the index, in French (default) and English (``--lang en``). The CSV contract
keeps its column names and the rules' messages stay as the rules write them; only what frames them is here."""

from __future__ import annotations

LANGS = ("fr", "en")

WORDS = {
    "fr": {
        "report": "rapport delib", "index_title": "delib — la série traitée", "back": "← tous les fichiers",
        "document": "Ce que le document dit contre lui-même", "reading": "Ce que delib n'a pas pu lire ou publier",
        "document_short": "document", "reading_short": "lecture", "failed": "en échec", "skipped": "non évaluées",
        "passed": "vérifiées", "rules": "Règles", "none": "Aucun.", "page": "page", "open_pdf": "ouvrir le PDF à la page",
        "quote": "Texte imprimé", "expected": "attendu", "found": "trouvé", "skipped_rules": "Règles non évaluées",
        "passed_rules": "Règles vérifiées", "why": "pourquoi", "checks_passed": "vérifications réussies",
        "what_it_checks": "ce qu'elle vérifie", "extracted": "Extrait", "nothing": "Rien n'a pu être extrait.",
        "hide_reviewed": "Masquer les constats revus", "mark_it": "Pour le marquer, ajouter à reviews.csv :",
        "checked": "vérifié", "false_alarm": "fausse alerte", "reported": "signalé", "severity": "gravité",
        "rule": "règle", "message": "constat", "file": "fichier", "collectivite": "collectivité",
        "sitting": "séance", "kind": "nature", "status": "statut", "pages": "pages", "family": "famille",
        "all": "toutes", "files": "Fichiers", "findings": "Constats en échec", "chart": "Échecs par règle",
        "members": "Les élus de la série (members.html)", "orphans": "Marques de revue sans constat",
        "orphans_help": "Ces lignes de reviews.csv ne désignent plus aucun constat en échec (le fichier ou la "
                        "règle a changé) : elles sont conservées, à revoir.",
        "review_problems": "Lignes de reviews.csv ignorées", "deliberation": "délibération",
        "reviewed": "revus", "picture": "Extrait de la page, valeurs encadrées",
        "error": "erreur", "warning": "avertissement", "info": "information",
        "deliberation_kind": "délibération", "session_record": "procès-verbal de séance", "other": "autre",
        "ok": "lu", "partial": "lu en partie", "failed_status": "illisible", "summary_reports": "rapport",
    },
    "en": {
        "report": "delib report", "index_title": "delib — the run", "back": "← every file",
        "document": "What the document says against itself", "reading": "What delib could not read or publish",
        "document_short": "document", "reading_short": "reading", "failed": "failed", "skipped": "skipped",
        "passed": "passed", "rules": "Rules", "none": "None.", "page": "page", "open_pdf": "open the PDF at page",
        "quote": "Printed text", "expected": "expected", "found": "found", "skipped_rules": "Skipped rules",
        "passed_rules": "Passed rules", "why": "why", "checks_passed": "checks passed",
        "what_it_checks": "what it checks", "extracted": "Extracted", "nothing": "Nothing could be extracted.",
        "hide_reviewed": "Hide reviewed findings", "mark_it": "To mark it, add to reviews.csv:",
        "checked": "checked", "false_alarm": "false alarm", "reported": "reported", "severity": "severity",
        "rule": "rule", "message": "finding", "file": "file", "collectivite": "collectivité",
        "sitting": "sitting", "kind": "kind", "status": "status", "pages": "pages", "family": "family",
        "all": "all", "files": "Files", "findings": "Failed findings", "chart": "Failures by rule",
        "members": "Members of the run (members.html)", "orphans": "Review marks without a finding",
        "orphans_help": "These rows of reviews.csv no longer name a failed finding (the file or the rule "
                        "changed): they are kept, to look at again.",
        "review_problems": "Rows of reviews.csv left out", "deliberation": "deliberation",
        "reviewed": "reviewed", "picture": "The page region, values outlined",
        "error": "error", "warning": "warning", "info": "info",
        "deliberation_kind": "deliberation", "session_record": "session record", "other": "other",
        "ok": "ok", "partial": "partial", "failed_status": "failed", "summary_reports": "report",
    },
}

# The rules' titles in French (RULES.md ids); English titles are the catalogue's own.
RULE_TITLES_FR = {
    "extraction.required_fields": "Les champs essentiels de la délibération ont été trouvés",
    "attendance.unique": "Aucun élu n'est dans deux listes de présence",
    "attendance.counts_vs_lists": "Les nombres imprimés (présents, votants, pouvoirs) concordent avec les listes",
    "votes.sum_vs_members": "Chaque vote totalise les membres votants",
    "recusals.known_member": "Chaque élu intéressé à l'affaire est membre de l'assemblée",
    "recusals.within_tally": "Les élus qui ne prennent pas part au vote ne sont pas comptés pour ou contre",
    "budget.total_vs_articles": "Le tableau budgétaire totalise les articles qu'il impute",
    "budget.line_within_ae": "Aucune ligne ne dépense plus que son autorisation d'engagement",
    "ids.siret_checksum": "Les SIRET et SIREN passent leur clé de Luhn",
    "ids.iban_checksum": "Les IBAN passent leur clé mod-97",
    "annexes.referenced_present": "Chaque annexe citée est dans le fichier",
    "conventions.signatory_matches_representative": "Le signataire pour le cocontractant est son représentant",
    "conventions.amount_matches_article": "La convention engage le montant que donne la délibération",
    "report.operations_vs_article": "Les opérations du rapport totalisent l'article de leur thématique",
    "dates.signature_not_before_session": "La délibération n'est pas signée avant sa séance",
    "scdl.publishable": "Les lignes SCDL du fichier peuvent être publiées telles quelles",
    "ocr.low_confidence": "Les montants et nombres lus par OCR l'ont été avec confiance",
    "document.kind": "Le fichier est une délibération ou le procès-verbal d'une séance",
    "extraction.left_out": "Ce qui a été lu puis écarté est signalé",
}


# The labels of the extracted tables in a report (English as written in reports.py -> French).
LABELS_FR = {
    "deliberations": "délibérations", "attendance rows": "présences", "recusals": "élus intéressés",
    "votes": "votes", "articles": "articles", "amounts": "montants", "budget lines": "lignes budgétaires",
    "conventions and avenants": "conventions et avenants", "report operations": "opérations du rapport",
    "payments": "versements", "Deliberation": "Délibération", "Votes": "Votes",
    "Members interested in the matter": "Élus intéressés à l'affaire", "Budget lines": "Lignes budgétaires",
    "Conventions and avenants": "Conventions et avenants", "field": "champ", "value": "valeur", "title": "objet",
    "collectivité": "collectivité", "assembly": "assemblée", "session date": "date de séance",
    "president": "président", "secretary": "secrétaire",
    "present / excused / absent / excused without vote": "présents / excusés / absents / excusés sans voix",
    "signed by": "signé par", "signed at": "signé à", "pages": "pages", "deliberation": "délibération",
    "block": "bloc", "pour": "pour", "contre": "contre", "abstention": "abstention",
    "absents without proxy": "absents sans délégation", "outcome": "résultat", "page": "page", "name": "nom",
    "kind": "nature", "listed as": "inscrit comme", "code": "code", "imputation": "imputation",
    "label": "libellé", "AE": "AE", "dépense": "dépense", "annex": "annexe", "counterparty": "cocontractant",
    "SIRET": "SIRET", "representative": "représentant", "signatory": "signataire", "amount": "montant",
    "period": "période",
}


def label(text: str, lang: str) -> str:
    """A report label in the report's language."""
    return LABELS_FR.get(text, text) if lang == "fr" else text


def words(lang: str) -> dict[str, str]:
    if lang not in WORDS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return WORDS[lang]


def rule_title(rule_id: str, english: str, lang: str) -> str:
    return RULE_TITLES_FR.get(rule_id, english) if lang == "fr" else english


def status_word(status: str | None, lang: str) -> str:
    w = words(lang)
    return w["failed_status"] if status == "failed" else w.get(status or "", status or "")


def kind_word(kind: str | None, lang: str) -> str:
    w = words(lang)
    return w["deliberation_kind"] if kind == "deliberation" else w.get(kind or "", kind or "")
