"""Sentences that look like one fact family but state none (held-out false alarms, our own wording)."""

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import extract


def _types(nlp, text):
    return [f.type for f in extract(Document(text, published="2024-05-15"), nlp=nlp).facts]


def test_a_dated_plan_and_an_awaited_decision_are_no_outlooks(nlp_pipeline):
    assert "forecast" not in _types(
        nlp_pipeline, "Acme Corp. said it expected to fly its first jets on Friday."
    )
    text = "Acme Corp.'s application is under review, and the company expects a decision next year."
    assert "forecast" not in _types(nlp_pipeline, text)


def test_a_regulators_objection_to_a_deal_is_no_outlook(nlp_pipeline):
    text = "The European Commission had warned Acme Corp. that the deal could hurt competition."
    assert "forecast" not in _types(nlp_pipeline, text)


def test_cooperating_with_a_regulator_is_no_agreement(nlp_pipeline):
    text = "Acme Corp. said it would keep cooperating fully with the Federal Aviation Administration."
    assert "agreement" not in _types(nlp_pipeline, text)


def test_the_terms_of_a_settlement_are_not_another_case(nlp_pipeline):
    text = "Acme Corp. settled its patent litigation with Widget Inc.; under the settlement, Widget may launch a generic."
    assert _types(nlp_pipeline, text).count("legal") == 1


def test_stakes_built_by_activists_are_no_takeover(nlp_pipeline):
    text = "Elliott Capital and Widget Value had both built stakes in Acme Corp. earlier this year."
    assert "acquisition" not in _types(nlp_pipeline, text)


def test_a_regulator_scrutinizing_a_deal_makes_no_policy(nlp_pipeline):
    text = "Acme Corp. agreed to buy Widget Inc. The Federal Trade Commission had also been scrutinizing the purchase."
    assert "policy" not in _types(nlp_pipeline, text)


def test_economists_expecting_a_rate_cut_make_no_policy(nlp_pipeline):
    types = _types(nlp_pipeline, "Economists expect the Federal Reserve to cut rates in September.")
    assert "policy" not in types and "forecast" in types


def test_no_plans_to_buy_is_no_takeover(nlp_pipeline):
    assert "acquisition" not in _types(
        nlp_pipeline, "Acme Corp. has no plans to buy Widget Inc., a spokesperson said."
    )


def test_working_with_an_agency_on_an_investigation_is_no_agreement(nlp_pipeline):
    text = "Acme Corp. is working with Widget Inc. on the investigation into the crash."
    assert "agreement" not in _types(nlp_pipeline, text)


def test_denied_talks_are_denied(nlp_pipeline):
    text = "Acme Corp. and Widget Inc. are not in merger talks, the companies said."
    facts = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline).facts
    assert [f.certainty for f in facts if f.type == "talks"] == ["denied"]


def test_a_growth_forecast_for_the_world_is_not_about_its_forecaster(nlp_pipeline):
    text = "The Widget Fund cut its global growth forecast to 2.9%."
    facts = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline).facts
    assert [f.args.get("subject") for f in facts if f.type == "forecast"] == [None]


def test_the_consensus_analysts_had_expected_is_no_outlook(nlp_pipeline):
    assert "forecast" not in _types(
        nlp_pipeline, "Analysts polled by LSEG had expected revenue of $5.1 billion."
    )


def test_capital_spending_expected_is_no_forecast(nlp_pipeline):
    text = (
        "Acme Corp. said capital spending would reach $30 billion this year, and that spending in 2025 "
        "was expected to be higher."
    )
    assert "forecast" not in _types(nlp_pipeline, text)


def test_a_prosecution_deal_and_cases_to_work_through_are_no_agreement(nlp_pipeline):
    text = (
        "Acme Bank pleaded guilty, while its parent entered into a three-year deferred prosecution agreement "
        "with the U.S. Department of Justice."
    )
    assert "agreement" not in _types(nlp_pipeline, text)
    text = '"The ruling removes one overhang, but the bank still has Acme Capital and Widget Finance to work through."'
    assert "agreement" not in _types(nlp_pipeline, text)


def test_an_order_from_a_court_or_agency_is_no_supply_deal(nlp_pipeline):
    text = "Acme Corp. received an order from the Federal Trade Commission to divest Widget Inc."
    assert "agreement" not in _types(nlp_pipeline, text)
    assert "agreement" not in _types(nlp_pipeline, "Acme Corp. agreed with regulators to sell some assets.")


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. and Widget Inc. are weighing their options.",
        "Acme Corp. reached out to customers about the recall.",
        "The agency proposed a model under which it would negotiate prices on behalf of Widget Inc.",
    ],
)
def test_options_weighed_and_customers_reached_are_no_talks(nlp_pipeline, text):
    assert "talks" not in _types(nlp_pipeline, text)


def test_a_holding_kept_is_no_takeover(nlp_pipeline):
    assert "acquisition" not in _types(nlp_pipeline, "Acme Corp. has a 5% holding in Widget Inc.")


def test_a_person_signed_as_chief_is_no_agreement(nlp_pipeline):
    assert "agreement" not in _types(
        nlp_pipeline, "Acme Corp. has signed Tom Jones as its new chief executive."
    )


def test_proceeds_of_a_stake_sold_are_no_takeover(nlp_pipeline):
    text = "Acme Corp. received $1 billion from the sale of its stake in Widget Inc."
    assert "acquisition" not in _types(nlp_pipeline, text)


def test_a_preliminary_estimate_compared_with_a_year_earlier_is_no_outlook(nlp_pipeline):
    text = (
        "Earlier this month, Acme Corp. estimated its second-quarter operating profit at 4.6 trillion won, "
        "down 56% from a year earlier."
    )
    assert "forecast" not in _types(nlp_pipeline, text)


def test_the_second_figure_of_a_guidance_list_is_no_result(nlp_pipeline):
    text = (
        "Acme Corp. expects cloud revenue of EUR 17.0 billion to EUR 17.3 billion at constant currencies, an "
        "increase of 24% to 27%, and operating profit of EUR 7.6 billion to EUR 7.9 billion."
    )
    assert _types(nlp_pipeline, text) == ["forecast", "forecast"]


def test_a_targeting_system_sets_no_target(nlp_pipeline):
    text = (
        "During the quarter, the U.S. Army also expanded its contract with Acme Corp. by nearly $100 million, "
        "extending access to the AI-enabled targeting platform across the military services."
    )
    assert "forecast" not in _types(nlp_pipeline, text)


def test_a_boom_expected_or_a_companys_own_slump_is_no_trend(nlp_pipeline):
    assert "market_trend" not in _types(
        nlp_pipeline, "Analysts expect a boom in spending on cloud software next year."
    )
    assert "market_trend" not in _types(
        nlp_pipeline, "Acme Corp. said the slump in its sales would end soon."
    )
