"""Every newsgraph spaCy component, registered in one place with a versioned name.

The order in `newsgraph.pipeline.OUR_COMPONENTS` is the data flow: lines -> entities ->
quantities -> times -> coreference -> attribution -> one extractor per fact family -> facts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.acquisition import AcquisitionExtractor
from newsgraph.extract.agreement import AgreementExtractor
from newsgraph.extract.approval import ApprovalExtractor
from newsgraph.extract.assemble import FactAssembler, article_facts
from newsgraph.extract.financial import FinancialResultExtractor
from newsgraph.extract.forecast import ForecastExtractor
from newsgraph.extract.investment import InvestmentExtractor
from newsgraph.extract.launch import LaunchExtractor
from newsgraph.extract.legal import LegalExtractor
from newsgraph.extract.market_trend import MarketTrendExtractor
from newsgraph.extract.personnel import PersonnelExtractor
from newsgraph.extract.policy import PolicyExtractor
from newsgraph.extract.response import ResponseExtractor
from newsgraph.extract.talks import TalksExtractor
from newsgraph.nlp.attribute_rules import IndexedAttributeRuler
from newsgraph.nlp.attribution import AttributionReader
from newsgraph.nlp.coref import DescriptionCoref
from newsgraph.nlp.entities import EntityRecognizer
from newsgraph.nlp.lines import mark_lines, split_final_abbreviations
from newsgraph.nlp.quantities import QuantityReader
from newsgraph.nlp.times import TimeReader

for _name, _default in (
    ("published", None), ("junk", []), ("datelines", []), ("entities", {}), ("mentions", []), ("money", []), ("percents", []),
    ("times", []), ("attributions", {}), ("facts", None),
):  # fmt: skip
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Token.has_extension("entity"):
    Token.set_extension("entity", default=None)
if not Doc.has_extension("article_facts"):
    Doc.set_extension("article_facts", method=article_facts)


@Language.factory(
    "newsgraph_attribute_ruler", assigns=["token.pos", "token.tag", "token.morph", "token.lemma"]
)
def make_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


@Language.component("newsgraph_sentence_ends", assigns=["doc.text"])
def sentence_ends_component(doc: Doc) -> Doc:
    return split_final_abbreviations(doc)


@Language.component("newsgraph_lines", assigns=["token.is_sent_start", "doc._.junk"])
def lines_component(doc: Doc) -> Doc:
    doc._.facts = []
    return mark_lines(doc)


@Language.factory("newsgraph_entities", assigns=["doc._.entities", "doc._.mentions", "token._.entity"],
                  requires=["doc.ents"])  # fmt: skip
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, name)


@Language.factory("newsgraph_quantities", assigns=["doc._.money", "doc._.percents"])
def make_quantities(nlp: Language, name: str) -> QuantityReader:
    return QuantityReader(nlp, name)


@Language.factory("newsgraph_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> TimeReader:
    return TimeReader(nlp, name)


@Language.factory("newsgraph_coref", default_config={"pronouns": True}, assigns=["doc._.mentions"],
                  requires=["doc._.entities"])  # fmt: skip
def make_coref(nlp: Language, name: str, pronouns: bool) -> DescriptionCoref:
    return DescriptionCoref(nlp, name, pronouns=pronouns)


@Language.factory("newsgraph_attribution", assigns=["doc._.attributions"], requires=["doc._.mentions"])
def make_attribution(nlp: Language, name: str) -> AttributionReader:
    return AttributionReader(nlp, name)


EXTRACTORS = {
    "newsgraph_talks": TalksExtractor,
    "newsgraph_agreement": AgreementExtractor,
    "newsgraph_acquisition": AcquisitionExtractor,
    "newsgraph_investment": InvestmentExtractor,
    "newsgraph_approval": ApprovalExtractor,
    "newsgraph_policy": PolicyExtractor,
    "newsgraph_launch": LaunchExtractor,
    "newsgraph_financial_result": FinancialResultExtractor,
    "newsgraph_forecast": ForecastExtractor,
    "newsgraph_market_trend": MarketTrendExtractor,
    "newsgraph_response": ResponseExtractor,
    "newsgraph_personnel": PersonnelExtractor,
    "newsgraph_legal": LegalExtractor,
}


def _register(name: str, cls) -> None:
    @Language.factory(name, assigns=["doc._.facts"], requires=["doc._.attributions"])
    def make(nlp: Language, name: str):
        return cls(nlp, name)


for _n, _cls in EXTRACTORS.items():
    _register(_n, _cls)


@Language.factory("newsgraph_facts", assigns=["doc._.facts"])
def make_assembler(nlp: Language, name: str) -> FactAssembler:
    return FactAssembler(nlp, name)
