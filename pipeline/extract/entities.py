"""Persons and organisations in short spans of free text, with spaCy's French model (``fr_core_news_sm``).

Used where the rules are weak: the counterparty of an article that authorises a signature "avec …" when
``vocab.COUNTERPARTY`` finds none. The model is loaded once per process, on first use (a batch worker that never
needs it never pays for it), and only its named-entity recogniser is loaded: in fr_core_news_sm 3.8 the ``ner``
component has its own embedding layer (the shared ``tok2vec`` only feeds ``morphologizer`` and ``parser``), so the
tagger, parser, lemmatizer and their tok2vec are left out. Callers pass short spans (a sentence), never a
document: texts are cut at ``MAX_CHARS``.
"""

from __future__ import annotations

import threading
from functools import lru_cache

MODEL = "fr_core_news_sm"
# Everything the NER does not need (the pipeline of fr_core_news_sm 3.8: tok2vec, morphologizer, parser,
# attribute_ruler, lemmatizer, ner, and senter disabled).
NOT_FOR_NER = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
MAX_CHARS = 400  # a sentence; longer text is cut, the model is not run on whole pages
BATCH_SIZE = 64
ORG_LABELS = frozenset({"ORG"})
PERSON_LABELS = frozenset({"PER", "PERSON"})

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load():
    import spacy  # imported here: loading spaCy and the model is what this module's laziness saves

    return spacy.load(MODEL, exclude=list(NOT_FOR_NER))


def nlp():
    """The NER-only French pipeline, loaded on first call and reused for the life of the process."""
    with _LOCK:
        return _load()


def _entities(texts: list[str], labels: frozenset[str]) -> list[list[str]]:
    spans = [" ".join((t or "").split())[:MAX_CHARS] for t in texts]
    out: list[list[str]] = [[] for _ in spans]
    todo = [i for i, s in enumerate(spans) if s]
    if not todo:
        return out
    for i, doc in zip(todo, nlp().pipe((spans[i] for i in todo), batch_size=BATCH_SIZE)):
        seen: list[str] = []
        for ent in doc.ents:
            text = ent.text.strip(" ,;:.()«»\"'’")
            if ent.label_ in labels and text and text not in seen:
                seen.append(text)
        out[i] = seen
    return out


def organisations(texts: list[str]) -> list[list[str]]:
    """The organisations named in each text, in reading order, without repeats."""
    return _entities(texts, ORG_LABELS)


def persons(texts: list[str]) -> list[list[str]]:
    """The persons named in each text, in reading order, without repeats."""
    return _entities(texts, PERSON_LABELS)
