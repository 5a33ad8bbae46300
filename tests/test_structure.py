"""Document structure, entities and coreference: the layer every fact family reads.

Each case is a made-up text with a structure real articles and press releases share:
title-case headlines, defined terms ("the Company"), product names, camel-case names.
"""

from __future__ import annotations

from typing import Any


def _entities(nlp: Any, text: str) -> dict[str, str]:
    """name -> type for every entity in the text."""
    doc = nlp(text)
    return {info.name: info.type for info in doc._.entities.values()}


def _key_of(doc: Any, text: str) -> str | None:
    for m in doc._.mentions:
        if m.text == text:
            return m.key
    return None


def test_headline_verb_ends_the_name(nlp_pipeline: Any) -> None:
    text = (
        "Widget Systems Reports Third Quarter 2024 Financial Results\n"
        "Widget Systems, Inc. said revenue rose 5% to $80 million."
    )
    ents = _entities(nlp_pipeline, text)
    assert "Widget Systems" in ents
    assert not any("Reports" in n for n in ents)


def test_headline_phrase_with_its_is_no_company(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. to Acquire Widget Controls for $900 Million, Expanding Its Automation Portfolio\n"
        "Acme Corp. said it agreed to buy Widget Controls AB."
    )
    ents = _entities(nlp_pipeline, text)
    assert not any("Its" in n or n.startswith("Acquire") for n in ents)
    assert ents.get("Widget Controls") == "ORG"


def test_defined_company_term_is_the_issuer(nlp_pipeline: Any) -> None:
    text = (
        'BOSTON, Nov. 7, 2024 -- Acme Therapeutics, Inc. ("Acme" or the "Company") today announced results.\n'
        "- The Company signed a license agreement with Widget Pharma."
    )
    doc = nlp_pipeline(text)
    names = {info.name for info in doc._.entities.values()}
    assert "Company" not in names
    assert _key_of(doc, "The Company") == _key_of(doc, "Acme")


def test_drug_name_is_a_product(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. launched Zorvex in Germany in September. Widget Inc. may sell a generic "
        "version of Zorvex after 2031."
    )
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Zorvex") == "PRODUCT"


def test_camel_case_company_name(nlp_pipeline: Any) -> None:
    text = "Acme Corp. agreed to buy eWidget for $2 billion. eWidget said the deal was fair."
    ents = _entities(nlp_pipeline, text)
    assert ents.get("eWidget") == "ORG"


def test_title_between_company_and_person(nlp_pipeline: Any) -> None:
    text = "Upon closing, Widget Chief Executive Jane Roe will join Acme Corp.'s board. Widget Inc. agreed."
    ents = _entities(nlp_pipeline, text)
    assert not any("Chief" in n for n in ents)


def test_defined_company_term_beats_a_salient_investor(nlp_pipeline: Any) -> None:
    text = (
        'AUSTIN, Texas, March 4, 2025 -- Acme Networks, Inc. ("Acme" or the "Company") today announced '
        "that Widget Telecom Corporation has agreed to invest $100 million in the Company. "
        "Widget Telecom said the Company would use the money for research."
    )
    doc = nlp_pipeline(text)
    acme = _key_of(doc, "Acme")
    assert acme is not None
    assert all(m.key == acme for m in doc._.mentions if m.text == "the Company")


def test_first_name_in_a_quote_is_the_named_person(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. appointed Claire Dubois as chief executive. "
        '"Claire is the right leader for our next chapter," said Mr. Menon.'
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "Claire") == _key_of(doc, "Claire Dubois")


def test_company_before_title_is_the_persons(nlp_pipeline: Any) -> None:
    text = "Acme Corp. on Tuesday named Widget Inc. boss Jane Roe as its next chief executive."
    doc = nlp_pipeline(text)
    roe = doc._.entities[_key_of(doc, "Jane Roe")]
    assert roe.org == _key_of(doc, "Widget Inc.")


def test_surname_tagged_org_is_the_person(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. hired Brian Zellweg as chief executive. Zellweg takes over on Sept. 9. "
        "Zellweg's pay package is worth $100 million."
    )
    doc = nlp_pipeline(text)
    keys = {m.key for m in doc._.mentions if m.text.startswith("Zellweg") or m.text == "Brian Zellweg"}
    assert len(keys) == 1
    assert doc._.entities[keys.pop()].type == "PERSON"


def test_description_is_not_its_own_clause_subject(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. said sales fell 3%. Activists were circling. "
        "Widget Capital built a stake in the company this summer."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "the company") == _key_of(doc, "Acme Corp.")


def test_read_more_line_is_no_antecedent(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. named a new chief executive on Tuesday.\n"
        "Read more: Widget Inc. cuts 500 jobs as demand slows\n"
        "The company has been going backwards."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "The company") == _key_of(doc, "Acme Corp.")


def test_pronoun_in_a_denied_report_is_the_denier(nlp_pipeline: Any) -> None:
    text = (
        "Widget Inc. cut prices again. Widget Inc. said demand was weak. Widget Inc. shares fell. "
        "Separately, Acme Energy denied a report by trade newsletter SolarDaily that it was in talks "
        "to sell its wafer unit to Globex Silicon."
    )
    doc = nlp_pipeline(text)
    acme = _key_of(doc, "Acme Energy")
    its = [m.key for m in doc._.mentions if m.text in ("it", "its")]
    assert its and all(k == acme for k in its)


def test_name_a_company_owns_is_a_product(nlp_pipeline: Any) -> None:
    text = (
        "Regulators approved Acme Corp.'s new drug, to be sold as Zorvex. "
        "Acme's Zorvex would be available within weeks, the company said."
    )
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Zorvex") == "PRODUCT"


def test_regulator_description_is_no_country(nlp_pipeline: Any) -> None:
    text = (
        "On Friday the European Medicines Agency's committee recommended against approval of Zorvex. "
        "The drug has been cleared in Japan and China. "
        "Acme Corp.'s own application is still under review by the European regulator."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "the European regulator") == _key_of(doc, "European Medicines Agency")


def test_headline_tagged_sources_is_anonymous(nlp_pipeline: Any) -> None:
    text = (
        "Acme in talks to sell itself to Widget Partners - sources\n"
        "NEW YORK, Dec 11 (Wire) - Acme Corp. is negotiating a sale to Widget Partners, people familiar "
        "with the matter said."
    )
    doc = nlp_pipeline(text)
    first = next(iter(doc.sents))
    att = doc._.attributions.get(first.start)
    assert att is not None and att.kind == "anonymous"


def test_initials_with_of_and_central_bank_description(nlp_pipeline: Any) -> None:
    text = (
        "The Bank of Japan raised rates on Tuesday. The BOJ said inflation was stable. "
        "The European Central Bank and the Swiss National Bank ended negative rates in 2022. "
        "The BOJ will keep buying bonds. Wage gains removed an obstacle for the central bank."
    )
    doc = nlp_pipeline(text)
    boj = _key_of(doc, "Bank of Japan")
    assert boj is not None and _key_of(doc, "BOJ") == boj
    assert _key_of(doc, "the central bank") == boj


def test_body_name_with_and_stays_whole(nlp_pipeline: Any) -> None:
    doc = nlp_pipeline.make_doc(
        "Widgets and Healthcare products Safety Agency, Food and Toy Administration, Acme and Widget"
    )
    split_lists = nlp_pipeline.get_pipe("newsgraph_entities").split_lists
    whole = split_lists(doc[0:6])
    assert [p.text for p in whole] == ["Widgets and Healthcare products Safety Agency"]
    body = split_lists(doc[7:11])
    assert [p.text for p in body] == ["Food and Toy Administration"]
    pair = split_lists(doc[12:15])
    assert [p.text for p in pair] == ["Acme", "Widget"]
    listed = split_lists(nlp_pipeline.make_doc("Accel, Lightspeed Venture Partners")[0:5])
    assert [p.text for p in listed] == ["Accel", "Lightspeed Venture Partners"]
    suffixed = split_lists(nlp_pipeline.make_doc("Acme, Inc.")[0:3])
    assert [p.text for p in suffixed] == ["Acme, Inc."]


def test_description_ties_go_to_the_articles_topic(nlp_pipeline: Any) -> None:
    text = (
        "Acme Corp. named Widget Inc. boss Jane Roe as chief executive. Acme Corp. shares rose. "
        "Acme Corp. said Roe starts in May. A deputy was named interim chief. "
        "Investors cheered: Acme Corp. shares soared, while Widget Inc. slid. Why now? "
        "The coffee giant has been going backwards."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "The coffee giant") == _key_of(doc, "Acme Corp.")


def test_exchange_ticker_is_an_alias_not_a_company(nlp_pipeline: Any) -> None:
    text = (
        "Globex Holdings (NYSE: GBX) today announced the appointment of Jane Roe as Chief Financial "
        "Officer. GBX shares rose 3%."
    )
    doc = nlp_pipeline(text)
    names = {info.name for info in doc._.entities.values()}
    assert "NYSE" not in names
    globex = _key_of(doc, "Globex Holdings")
    assert globex is not None and _key_of(doc, "GBX") == globex


def test_defined_term_quoted_with_the(nlp_pipeline: Any) -> None:
    text = (
        'Initrode Corp. ("Initrode" or "the Company") today announced it completed the purchase of '
        "Widget Industries, Inc. Widget Industries shareholders received $42 per share.\n"
        "The Company also named Jane Roe chief operating officer."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "The Company") == _key_of(doc, "Initrode Corp.")


def test_board_of_a_company_is_the_company(nlp_pipeline: Any) -> None:
    text = "Initrode's Board of Directors approved a $500 million share repurchase program."
    ents = _entities(nlp_pipeline, text)
    assert not any("Board" in n for n in ents)


def test_heading_line_is_no_entity(nlp_pipeline: Any) -> None:
    text = "Acme Corp. said revenue rose.\nMedia Contact\nJane Roe\npress@acme.example"
    ents = _entities(nlp_pipeline, text)
    assert "Media Contact" not in ents


def test_agency_named_in_the_sentence_wins(nlp_pipeline: Any) -> None:
    text = (
        "The Competition and Markets Authority blocked the deal. The CMA later cleared it. "
        "The CMA said remedies were enough. A federal judge rejected the Federal Trade Commission's "
        "request to halt the deal while the agency pursued its challenge."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "the agency") == _key_of(doc, "Federal Trade Commission")


def test_description_after_a_name_in_its_sentence(nlp_pipeline: Any) -> None:
    text = (
        "Globex Corp said on Monday it had hired Dana Whitfield, the former finance chief of Initech Inc. "
        "Whitfield left Initech in March after the software maker was acquired by Vandelay Industries."
    )
    doc = nlp_pipeline(text)
    assert _key_of(doc, "the software maker") == _key_of(doc, "Initech")


def test_name_before_a_product_kind_is_a_product(nlp_pipeline: Any) -> None:
    text = (
        "Acme Electronics on Tuesday unveiled its Aria X2 mixed-reality headset, priced at $1,299. "
        "The Aria X2 will go on sale on Nov. 1, Acme said."
    )
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Aria X2") == "PRODUCT"


def test_company_a_person_left_is_not_theirs(nlp_pipeline: Any) -> None:
    text = (
        "Globex said Jane Roe, who previously led rival Initech, will join Globex as chief executive "
        "on May 1. Former Initech CEO Tom Reyes will become chairman of Globex."
    )
    doc = nlp_pipeline(text)
    initech = _key_of(doc, "Initech")
    for name in ("Jane Roe", "Tom Reyes"):
        assert doc._.entities[_key_of(doc, name)].org != initech


def test_lowercase_tagged_name_with_company_appositive(nlp_pipeline: Any) -> None:
    text = "Vandelay, a unit of Kruger Industrial, said it will cut 300 jobs. Kruger declined to comment."
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Vandelay") == "ORG"


def test_headline_figures_and_titles_end_names(nlp_pipeline: Any) -> None:
    cases = [
        ("Globex Q3 Profit Beats Estimates on Cloud Demand\nGlobex Inc. reported higher profit.", "Globex"),
        ("Umbrella Corp Stock Slides As Regulators Reject Drug\nUmbrella Corp's shares fell 10%.", "Umbrella"),
        ("Cyberdyne Systems Appoints Miles Dyson Chief Technology Officer\nCyberdyne Systems named Miles Dyson CTO.",
         "Cyberdyne Systems"),
    ]  # fmt: skip
    for text, name in cases:
        ents = _entities(nlp_pipeline, text)
        assert name in ents, (text, ents)
        assert not any(w in n for n in ents for w in ("Profit", "Stock", "Appoints", "Chief")), ents


def test_partners_is_a_suffix_not_a_headline_verb(nlp_pipeline: Any) -> None:
    text = "Acme in talks to sell itself to Widget Partners - sources\nAcme Corp. is negotiating a sale."
    ents = _entities(nlp_pipeline, text)
    assert "Widget Partners" in ents


def test_byline_and_posted_lines_are_junk() -> None:
    from newsgraph.nlp.lines import junk_spans

    text = (
        "Acme buys Widget\n"
        "By Jane Roe | Aug 14, 2024 | 5 min read\n"
        "Posted by Sam Carter on January 30, 2024 | Deals, Regulation\n"
        "Updated: Jan 3, 2025\n"
        "By the end of the year, Acme will close the deal."
    )
    junk = [text[s:e] for s, e in junk_spans(text)]
    assert len(junk) == 3
    assert not any(j.startswith("By the end") for j in junk)


def test_press_release_boilerplate_is_junk() -> None:
    from newsgraph.nlp.lines import junk_spans

    text = (
        "Acme Corp. raised its full-year revenue outlook to $2 billion.\n"
        "About 300 jobs will move to Texas.\n"
        "Forward-Looking Statements\n"
        "Acme expects revenue growth of 10% in 2026, although actual results may differ materially.\n"
        "About Acme\n"
        "Acme Corp. is a maker of widgets.\n"
        "Media contact: press@acme.example"
    )
    junk = [text[s:e] for s, e in junk_spans(text)]
    assert junk[0] == "Forward-Looking Statements" and len(junk) == 5


def test_brand_examples_and_lowercase_descriptions_stay_companies(nlp_pipeline: Any) -> None:
    text = (
        "Chinese brands such as Zentro have cut prices. Zentro said demand was strong. "
        "The report was confirmed by business daily Acme Wirtschaft on Monday."
    )
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Zentro") != "PRODUCT"
    assert all(t != "PRODUCT" for n, t in ents.items() if "Wirtschaft" in n)


def test_shipping_line_is_a_company(nlp_pipeline: Any) -> None:
    text = "Jane Roe joins from Widget Line, where she ran Asian operations. Widget Line declined to comment."
    ents = _entities(nlp_pipeline, text)
    assert ents.get("Widget Line") == "ORG"
