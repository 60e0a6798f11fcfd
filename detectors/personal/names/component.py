"""The spaCy component that puts person names on ``doc.ents`` (label PER), so Presidio's SpacyNlpEngine
carries them: LAC tags whole batches of docs at once, then the rule layer refines the spans."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, minibatch

from detectors.personal.names.candidates import NameCandidates
from detectors.personal.names.crf import spans
from detectors.personal.names.lac import LacTagger
from detectors.personal.names.rules import NameRules
from detectors.personal.names.tokenizer import text_of

FACTORY = "mishen_person_names"
USER_DATA_KEY = "mishen_name_sources"


class PersonNames:
    """LAC + government rules; ``doc.user_data[USER_DATA_KEY]`` maps exact (start, end) character spans to
    the rule that found them (spaCy's char tokens may not align with a span around whitespace)."""

    def __init__(self, window: int, overlap: int, batch_size: int, threads: int, sparse: bool = True,
                 max_core: int = 96, context: int = 8, cache_windows: int = 0) -> None:
        self.tagger = LacTagger(window=window, overlap=overlap, batch_size=batch_size, threads=threads,
                                max_core=max_core, context=context, cache_windows=cache_windows)
        self.rules = NameRules()
        self.candidates = NameCandidates() if sparse else None

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            texts = [text_of(d) for d in batch]
            masks = self.candidates.masks(texts) if self.candidates else None
            for doc, tags in zip(batch, self.tagger.tag(texts, masks)):
                self.set_names(doc, spans(tags))
                yield doc

    def set_names(self, doc: Doc, lac_spans: list[tuple[int, int]]) -> None:
        found = self.rules.refine(text_of(doc), lac_spans)
        ents = [doc.char_span(start, end, label="PER", alignment_mode="contract") for start, end in found]
        # the names are the Doc's only entities: the other tokens keep a fresh Doc's "missing" annotation instead
        # of being set to O one by one (0.09 ms a chunk, as much as the rule layer); doc.ents is the same
        doc.set_ents(filter_spans([e for e in ents if e is not None]), default="unmodified")
        doc.user_data[USER_DATA_KEY] = found  # exact character spans -> rule; ents carry them token-aligned


@Language.factory(FACTORY, default_config={"window": 192, "overlap": 16, "batch_size": 128, "threads": 2,
                                           "sparse": True, "max_core": 96, "context": 8, "cache_windows": 0})
def make_person_names(nlp: Language, name: str, window: int, overlap: int, batch_size: int,
                      threads: int, sparse: bool, max_core: int, context: int, cache_windows: int) -> PersonNames:
    return PersonNames(window=window, overlap=overlap, batch_size=batch_size, threads=threads, sparse=sparse,
                       max_core=max_core, context=context, cache_windows=cache_windows)
