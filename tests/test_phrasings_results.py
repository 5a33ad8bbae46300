"""Results, launches, people, stakes and replies in the shapes a new article used (our own wording)."""

from newsgraph.model import Document
from newsgraph.pipeline import extract


def _facts(nlp, text, type_, published="2024-10-20"):
    result = extract(Document(text, published=published), nlp=nlp)
    names = {e.id: e.name for e in result.entities}
    out = []
    for f in result.facts:
        if f.type == type_:
            args = {k: names.get(v, v) if isinstance(v, str) else v for k, v in f.args.items()}
            out.append((f, args))
    return out


def _metric(facts, metric):
    return [(f, a) for f, a in facts if a.get("metric") == metric]


# -- financial_result ----------------------------------------------------------------------------


def test_eps_in_cents_and_no_second_adjusted_profit(nlp_pipeline):
    text = (
        "Acme Corp. reported results on Tuesday. Adjusted earnings of 39 cents per share topped the "
        "36 cents analysts had expected. Widget Inc. posted adjusted earnings of $1.05 per share."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    eps = _metric(facts, "eps")
    assert {round(a["value"].amount, 2) for _, a in eps} == {0.39, 1.05}
    assert any(a["vs_estimate"] == "beat" for _, a in eps)
    assert not _metric(facts, "adjusted_net_income")


def test_a_per_share_gloss_of_a_loss(nlp_pipeline):
    text = (
        "Acme Corp. said its net loss narrowed to $41.7 million, or 58 cents a share, in the third quarter."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert _metric(facts, "net_loss") and _metric(facts, "eps")


def test_copular_net_product_revenue_has_the_period_not_the_comparison(nlp_pipeline):
    text = (
        "Acme Corp. reported results for the third quarter of 2024. Net product revenue was $84.2 million, "
        "compared with $52.3 million for the third quarter of 2023."
    )
    (fact, args), *_ = _metric(_facts(nlp_pipeline, text, "financial_result"), "revenue")
    assert args["value"].amount == 84_200_000
    assert args["period"]["start"] == "2024-07-01"


def test_release_bullets_take_the_half_year_not_the_one_compared(nlp_pipeline):
    text = (
        "Acme SA reports first-half 2024 results\n"
        "Acme SA today announced its results for the six months ended 30 June 2024.\n"
        "- Revenue of EUR 3,420 million, down 8% compared with EUR 3,718 million in the first half of 2023\n"
        "- EBITDA up 6% to EUR 1,184 million (H1 2023: EUR 1,117 million)\n"
    )
    facts = _facts(nlp_pipeline, text, "financial_result", published="2024-07-25")
    periods = {a["metric"]: a["period"]["start"] for _, a in facts}
    assert periods == {"revenue": "2024-01-01", "ebitda": "2024-01-01"}


def test_gaap_and_adjusted_per_share_figures_are_two_results(nlp_pipeline):
    text = (
        "Acme Corp. today announced results for the quarter ended September 30, 2024.\n"
        "- GAAP net income of $144 million\n- GAAP earnings per share of $0.06; adjusted earnings per share of $0.10\n"
    )
    facts = _facts(nlp_pipeline, text, "financial_result", published="2024-11-04")
    assert sorted((a["metric"], a["value"].amount) for _, a in facts) == [
        ("eps", 0.06),
        ("eps", 0.1),
        ("net_income", 144_000_000),
    ]


def test_margins_beside_guidance_and_same_store_sales(nlp_pipeline):
    text = (
        "Acme Corp. reported results on Tuesday. Gross margin widened to 57.8%, above the top end of the "
        "company's own guidance. Operating margin expanded to 12%. Comparable store sales fell 3%. "
        "Same-store sales at Widget Inc. rose 2.5%."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert _metric(facts, "gross_margin") and _metric(facts, "operating_margin")
    comparable = {(a["company"], a["change_pct"]) for _, a in _metric(facts, "comparable_store_sales")}
    assert comparable == {("Acme", -3.0), ("Widget", 2.5)}


def test_results_in_a_with_clause_for_a_fiscal_year_ended(nlp_pipeline):
    text = (
        "Acme Corp. reported preliminary results for the fiscal year ended December 31, 2024, with revenue "
        "of €4.6 billion, up 3% from the prior year."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "financial_result", published="2025-02-10")
    assert args["company"] == "Acme" and args["change_pct"] == 3.0
    assert (args["period"]["start"], args["period"]["end"]) == ("2024-01-01", "2024-12-31")


def test_a_companys_preliminary_figure_for_a_past_year(nlp_pipeline):
    text = "Acme Corp. also said it expects to report 2023 revenue of about $890 million, down roughly 25%."
    facts = _facts(nlp_pipeline, text, "financial_result", published="2024-01-29")
    assert facts, "a year already over: a result, not an outlook"
    fact, args = facts[0]
    assert args["company"] == "Acme" and args["period"]["start"] == "2023-01-01"
    assert fact.certainty == "reported" and fact.source.kind == "organization"


def test_figures_a_data_provider_compares_stay_the_articles(nlp_pipeline):
    text = (
        "Acme Corp. reported revenue of $7.35 billion for its fiscal fourth quarter, short of the "
        "$7.42 billion analysts had expected, according to LSEG data."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "financial_result")
    assert args["vs_estimate"] == "miss"
    assert (fact.certainty, fact.source.kind) == ("asserted", "document")


def test_guidance_and_accretion_are_no_results(nlp_pipeline):
    text = (
        "Acme Corp. reaffirmed its guidance for the fiscal year ending June 30, 2025, of total revenue of "
        "$420 million. The acquisition is expected to be accretive to Acme's adjusted earnings per share, "
        "with annual cost synergies of about €45 million."
    )
    assert not _facts(nlp_pipeline, text, "financial_result")


# -- launch --------------------------------------------------------------------------------------


def test_launch_dates_versions_and_availability(nlp_pipeline):
    text = "Following approval in July, Acme Corp. launched Velnara in Germany in September."
    (fact, args), *_ = _facts(nlp_pipeline, text, "launch")
    assert fact.time.begin == "2024-09-01"
    text = (
        "Acme Corp. plans to release AcmeCore 5, its next-generation platform, in the second quarter of 2025."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "launch")
    assert fact.status == "planned" and args["product"] == "AcmeCore 5"
    text = (
        "Acme Corp. set a list price of $32,000 and said Zentra would be available to patients within weeks."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "launch")
    assert args["company"] == "Acme" and fact.status == "planned" and fact.source.kind == "organization"


def test_central_banks_and_pronouns_launch_nothing(nlp_pipeline):
    text = (
        "The central bank also scrapped yield curve control. Japan was the last economy with negative "
        "rates, after the Widget National Bank abandoned them in 2022."
    )
    assert not _facts(nlp_pipeline, text, "launch")


# -- personnel -----------------------------------------------------------------------------------


def _people(nlp, text):
    return {(a["person"], a["company"], f.status) for f, a in _facts(nlp, text, "personnel")}


def test_pushed_out_and_interim_stand_in(nlp_pipeline):
    text = (
        "Acme Corp. on Tuesday named Widget boss John Doe as its next chief executive, pushing out Jane Roe, "
        "who left effective immediately. Until then, Chief Financial Officer Mary Major is serving as "
        "interim CEO."
    )
    people = _people(nlp_pipeline, text)
    assert ("Jane Roe", "Acme", "departed") in people
    assert ("Mary Major", "Acme", "appointed") in people
    assert len([p for p in people if p[0] == "Jane Roe"]) == 1


def test_leaving_one_company_for_another(nlp_pipeline):
    people = _people(nlp_pipeline, "John Doe is leaving Widget Inc. to become chief executive of Acme Corp.")
    assert ("John Doe", "Widget", "departed") in people
    assert ("John Doe", "Acme", "appointed") in people


def test_committee_seat_board_chair_and_replacement(nlp_pipeline):
    text = "Acme Corp. agreed to buy Widget Inc. Widget CEO Karin Lund will join Acme's executive committee."
    assert ("Karin Lund", "Acme", "appointed") in _people(nlp_pipeline, text)
    text = (
        "Acme Corp. said Jane Roe will step down as Chief Executive Officer effective April 1, 2025 and "
        "become Executive Chair of the Board."
    )
    assert {("Jane Roe", "Acme", "departed"), ("Jane Roe", "Acme", "appointed")} <= _people(
        nlp_pipeline, text
    )
    text = "Widget Inc. said John Doe would step down and be replaced by finance chief Jane Roe."
    assert {("John Doe", "Widget", "departed"), ("Jane Roe", "Widget", "appointed")} <= _people(
        nlp_pipeline, text
    )
    assert ("John Doe", "Acme", "departed") in _people(
        nlp_pipeline, "Acme Corp. parted ways with chief executive John Doe."
    )


# -- investment ----------------------------------------------------------------------------------


def test_stakes_capex_and_deal_loans(nlp_pipeline):
    text = "Gadget Capital and Widget Partners had both built stakes in Acme Corp. earlier this year."
    investors = {a["investor"] for _, a in _facts(nlp_pipeline, text, "investment")}
    assert investors == {"Gadget Capital", "Widget Partners"}
    text = (
        "Acme Corp. reported results on Thursday. Chief Financial Officer John Doe told analysts that capital "
        "spending this year would likely come in slightly above $30 billion."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "investment")
    assert args["investor"] == "Acme" and fact.status == "planned"
    text = "Acme Corp. signed a €700 million bridge loan with Widget Bank, which fully finances the purchase price."
    assert not _facts(nlp_pipeline, text, "investment")


# -- response ------------------------------------------------------------------------------------


def test_claims_without_merit_and_cooperation(nlp_pipeline):
    text = "Widget Inc. sued Acme Corp. over patents. Acme said the claims were without merit."
    assert any(
        f.status == "denied" and a["party"] == "Acme" for f, a in _facts(nlp_pipeline, text, "response")
    )
    text = "Acme Corp. said it would keep cooperating fully with the Federal Aviation Administration."
    assert any(a["party"] == "Acme" for _, a in _facts(nlp_pipeline, text, "response"))


def test_future_personnel_changes_fall_on_the_next_such_date(nlp_pipeline):
    text = "Jane Roe, Acme Corp.'s chief financial officer, will retire in March after 20 years."
    (fact, _), *_ = _facts(nlp_pipeline, text, "personnel", published="2024-10-20")
    assert fact.time.begin == "2025-03-01"
    text = "John Doe retired as chief executive of Acme Corp. in March."
    (fact, _), *_ = _facts(nlp_pipeline, text, "personnel", published="2024-10-20")
    assert fact.time.begin == "2024-03-01"


def test_more_launch_investment_and_reply_shapes(nlp_pipeline):
    assert _facts(nlp_pipeline, "Acme Corp. debuted two new models at the show.", "launch")
    text = "Acme Corp. said it would bring the drug to market in Europe next year."
    assert [f.status for f, _ in _facts(nlp_pipeline, text, "launch")] == ["planned"]
    text = "Acme Corp. expects capex of $8 billion to $9 billion in 2025."
    assert _facts(nlp_pipeline, text, "investment")
    assert _facts(nlp_pipeline, "Acme Corp. set aside $1 billion for a new battery plant.", "investment")
    text = "Acme Corp. strongly disputes the allegations."
    assert [f.status for f, _ in _facts(nlp_pipeline, text, "response")] == ["denied"]


def test_a_fiscal_quarter_defined_by_its_end_date(nlp_pipeline):
    text = (
        "In its fiscal third quarter, which ended June 30, Acme Corp.'s revenue slipped 1% to $9.11 billion."
    )
    (fact, args), *_ = _facts(nlp_pipeline, text, "financial_result")
    assert (args["period"]["start"], args["period"]["end"]) == ("2024-04-01", "2024-06-30")


def test_an_outlook_in_another_clause_leaves_the_result(nlp_pipeline):
    text = "Despite cutting its outlook in July, Acme Corp. said revenue rose 5% to $2 billion in the third quarter."
    assert _metric(_facts(nlp_pipeline, text, "financial_result"), "revenue")
    text = "Acme Corp. also confirmed its outlook for 2025, expecting revenue of 3.1 billion euros."
    assert not _facts(nlp_pipeline, text, "financial_result")


def test_a_figure_before_its_metric_and_balance_sheet_lines(nlp_pipeline):
    text = (
        "Acme Corp. has been hunting for growth after booking a record $12.3 billion profit last year. "
        "Acme Corp. posted a net loss of 5.5 billion rupees for the January-March quarter, wider than the "
        "1.7 billion rupee loss a year earlier."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert any(
        a["company"] == "Acme" and a["value"].amount == 12.3e9 for _, a in _metric(facts, "net_income")
    )
    assert {a["value"].amount for _, a in facts if a["metric"].endswith("loss")} == {5.5e9}
    text = "The fine is small next to the $98 billion in revenue Widget Inc. booked in its last fiscal year."
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert any(a["company"] == "Widget" and a["value"].amount == 98e9 for _, a in _metric(facts, "revenue"))
    release = (
        "Acme Corp. today reported results for the first half of 2024.\n\nHighlights:\n"
        "- Net debt of EUR 4.2 billion, compared with EUR 3.9 billion at 31 December 2023\n"
        "- Remaining performance obligations up 18% to EUR 9.2 billion\n"
        "- Wind generation up 11% to 6.3 TWh\n\n"
        "Acme Corp. ended the half with cash and cash equivalents of EUR 2.1 billion."
    )
    facts = _facts(nlp_pipeline, release, "financial_result")
    assert [a["value"].amount for _, a in _metric(facts, "net_debt")] == [4.2e9]
    assert [a["change_pct"] for _, a in _metric(facts, "backlog")] == [18]
    assert [a["change_pct"] for _, a in _metric(facts, "production")] == [11]
    assert [a["value"].amount for _, a in _metric(facts, "cash")] == [2.1e9]
    deal = _facts(nlp_pipeline, "Widget Inc. agreed to buy Acme Corp. for $5 billion, including net debt.",
                  "financial_result")  # fmt: skip
    assert not deal


def test_a_company_lifted_to_a_result_and_results_beating_estimates(nlp_pipeline):
    text = (
        "The trading losses pushed Acme Corp. to a net loss of 312 million Swiss francs in the second quarter. "
        "On Thursday, Widget Inc. raised its annual sales outlook after posting third-quarter results ahead of "
        "analysts' expectations. Widget Inc. is expected to report results above estimates next week."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert [a["company"] for _, a in _metric(facts, "net_loss")] == ["Acme"]
    text = (
        "Widget Inc. makes chips. The AI boom lifted SK hynix to an operating profit of 5.47 trillion won in the "
        "April-June quarter, on record revenue of 16.42 trillion won."
    )
    assert not _facts(nlp_pipeline, text, "financial_result")  # a company left unnamed is not Widget
    results = _metric(facts, "results")
    assert [(a["company"], a["vs_estimate"]) for _, a in results] == [("Widget", "beat")]


def test_a_revenue_range_is_guidance_and_synergies_are_an_outlook_of_their_own(nlp_pipeline):
    text = (
        "Acme Corp. said it expects fourth-quarter revenue of between $2.1 billion and $2.3 billion. "
        "Acme Corp. projected revenue of $9.24 billion for the current quarter."
    )
    facts = _facts(nlp_pipeline, text, "forecast")
    assert [a["value"].amount for _, a in _metric(facts, "guidance")] == [2.1e9]
    assert [a["value"].amount for _, a in _metric(facts, "revenue")] == [9.24e9]
    text = (
        "Widget Inc. agreed to buy Acme Corp. for $2 billion. The acquisition is expected to be accretive to "
        "Widget's adjusted earnings per share in the first full year after closing, with annual cost synergies "
        "of about 45 million euros expected by 2027."
    )
    facts = _facts(nlp_pipeline, text, "forecast")
    assert [(a["source"], a["value"].amount) for _, a in _metric(facts, "cost_synergies")] == [
        ("Widget", 45e6)
    ]


def test_market_shares_held_by_a_company_and_its_rival(nlp_pipeline):
    text = (
        "Acme Corp. held roughly two-thirds of the global foundry market in the first quarter, against less than "
        "8% for Samsung, according to TrendForce."
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    shares = {a["company"]: a["value"]["percent"] for _, a in _metric(facts, "market_share")}
    assert shares == {"Acme": 66.7, "Samsung": 8.0}
    assert not _facts(nlp_pipeline, "Acme Corp. could have half of the market by 2027.", "financial_result")


def test_a_metric_that_missed_estimates_without_its_figure(nlp_pipeline):
    facts = _facts(
        nlp_pipeline, "Acme Corp.'s quarterly revenue missed Wall Street estimates.", "financial_result"
    )
    assert [(a["company"], a["vs_estimate"]) for _, a in _metric(facts, "revenue")] == [("Acme", "miss")]
    assert not _facts(nlp_pipeline, "Acme Corp.'s revenue is expected to beat estimates.", "financial_result")


def test_revenue_guided_for_or_projected_is_no_result(nlp_pipeline):
    for text in (
        "Acme Corp. guided for fourth-quarter revenue of about $3 billion.",
        "Acme Corp. targets revenue of $50 billion by 2030.",
        "For the current quarter, Acme Corp. projected revenue of $9.24 billion and earnings of $4.49 per share.",
    ):
        assert not _facts(nlp_pipeline, text, "financial_result"), text
        assert _facts(nlp_pipeline, text, "forecast"), text
    text = "Acme Corp.'s revenue rose 8% to $5 billion, above the projected $4.8 billion."
    assert [a["vs_estimate"] for _, a in _facts(nlp_pipeline, text, "financial_result")] == ["beat"]


def test_a_trade_body_reporting_a_market_is_no_company(nlp_pipeline):
    text = "Global chip sales rose 18% in the second quarter, the Semiconductor Industry Association said."
    assert not _facts(nlp_pipeline, text, "financial_result")
    assert _facts(nlp_pipeline, text, "market_trend")


def test_the_party_a_reason_names_is_not_what_the_outlook_is_about(nlp_pipeline):
    text = (
        'Acme Corp. makes jets. "It will take time," said Tomas Rey, an analyst at Fenwick Advisors. He expects jet '
        "deliveries to stay under pressure through the second half as the Federal Aviation Administration keeps a "
        "close watch on the factory floor."
    )
    facts = _facts(nlp_pipeline, text, "forecast")
    assert [a["subject"] for _, a in _metric(facts, "deliveries")] == ["Acme"]


def test_release_lines_of_cash_flow_margin_customers_and_diluted_shares(nlp_pipeline):
    text = (
        "Acme Corp. today reported results for the first quarter of 2024.\n\nHighlights:\n"
        "- GAAP net income of $143 million, or $0.06 per diluted share\n"
        "- Operating cash flow of $1.1 billion\n"
        "- Adjusted EBITDA margin of 35%\n"
        "- Customer count grew 39% year-over-year\n"
    )
    facts = _facts(nlp_pipeline, text, "financial_result")
    assert [a["value"].amount for _, a in _metric(facts, "eps")] == [0.06]
    assert [a["value"].amount for _, a in _metric(facts, "operating_cash_flow")] == [1.1e9]
    assert [a["value"]["percent"] for _, a in _metric(facts, "adjusted_ebitda_margin")] == [35]
    assert [a["change_pct"] for _, a in _metric(facts, "customer_count")] == [39]


def test_counts_of_aircraft_delivered_are_deliveries(nlp_pipeline):
    text = (
        "Widget Aero SA reported its results for the year ended December 31, 2024.\nHighlights\n"
        "- Total deliveries of 118 aircraft in 2024, 9% more than in 2023\n"
        "Widget Aero delivered 41 jets in the fourth quarter of 2024. "
        "Regulators capped output at 12 planes a month."
    )
    facts = _metric(_facts(nlp_pipeline, text, "financial_result", published="2025-02-20"), "deliveries")
    assert sorted(a["value"]["amount"] for _, a in facts) == [41, 118]
    assert any(a["change_pct"] == 9 for _, a in facts)
    assert not _metric(_facts(nlp_pipeline, text, "financial_result", published="2025-02-20"), "production")


def test_bullets_under_an_outlook_line_are_no_results(nlp_pipeline):
    text = (
        "Widget Aero SA reported its results for 2024. The Services unit posted record sales.\n"
        "Outlook\nFor 2025, the Company expects:\n"
        "- Revenue between $4.1 billion and $4.4 billion\n"
        "- Free cash flow of $150 million or more\n"
    )
    assert not _facts(nlp_pipeline, text, "financial_result", published="2025-02-20")


def test_a_price_target_is_no_result(nlp_pipeline):
    text = (
        "Acme Corp. reported its third-quarter results on Tuesday. Analysts at Widget Securities said the "
        "orders miss was a warning sign and cut their price target on Acme to 50 euros from 65 euros."
    )
    assert not _facts(nlp_pipeline, text, "financial_result")


def test_a_share_of_all_of_a_markets_business_is_a_market_share(nlp_pipeline):
    for text in (
        "Acme and Widget together control nearly all of Brazil's payments market, with Acme's wallet app holding "
        "a share of about 40%, according to industry estimates.",
        "A court found that Acme Corp. handled roughly 80% of all online payments in Brazil.",
    ):
        shares = _metric(_facts(nlp_pipeline, text, "financial_result"), "market_share")
        assert [a["company"] for _, a in shares] == ["Acme"], text
    assert not _facts(nlp_pipeline, "Acme Corp. has 40% of all its revenue from China.", "financial_result")
