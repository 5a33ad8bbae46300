"""How business news phrases each fact family (shared/PHRASINGS.md), one sentence each.

Every row is our own sentence about made-up companies; it names the fact a reader takes from
it. The table guards the shapes the extractors are built on: active and passive, nominal
forms, lists, hedges and attributions.
"""

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import extract

ROWS = [
    # talks
    ("Acme Corp. is in advanced talks to acquire Widget Inc., according to people familiar with the matter.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "anonymous"),
    ("Talks between Acme Corp. and Widget Inc. collapsed last week.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "broke_down", None),
    ("Acme Corp. has been talking to Widget Inc. about a possible tie-up, sources said.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "anonymous"),
    ("Acme Corp. and Widget Inc. are in discussions about a merger, Reuters reported.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "publication"),
    ("Acme Corp. is in talks with Widget Inc. to supply memory chips, local media have reported.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "publication"),
    ("Acme Corp. in talks with Widget Inc. over chip supply",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. is nearing a deal with Widget Inc. to combine their mobile units.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. said talks with Widget Inc. over a manufacturing partnership had stalled.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "broke_down", "organization"),
    ("Acme Corp. rebuffed an approach from Widget Inc.",
     "talks", {"party": "Widget", "counterparty": "Acme"}, "ended", None),
    ("Talks between Acme Corp. and Widget Inc. fizzled last year.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "broke_down", None),
    ("Acme Corp. walked away from talks with Widget Inc. on Friday.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ended", None),
    ("Widget Inc. confirmed it had received an approach from Acme Corp.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. is in talks to buy a stake in Widget Inc.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. ended its supply contract with Widget Inc. after talks over pricing broke down.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "broke_down", None),
    ("Acme Corp. agreed to buy Widget Inc. for $2 billion. Talks between Acme and Widget had dragged on for "
     "about a year.", "talks", {"party": "Acme", "counterparty": "Widget"}, "ended", None),
    ("Acme Corp. has held talks about buying Widget Inc., people familiar with the matter said.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "anonymous"),
    ("Acme Corp. held talks with Widget Inc. last year, but the negotiations collapsed over price.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "broke_down", None),
    ("Widget Inc. is negotiating a sale to private equity firm Acme Partners, people familiar with the matter "
     "said.", "talks", {"party": "Widget", "counterparty": "Acme Partners"}, "ongoing", "anonymous"),
    ("Acme Corp. and Widget Inc. are weighing a combination, according to people familiar with the matter.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "anonymous"),
    ("Acme Corp. has reached out to Widget Inc. about a potential deal.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. has been in contact with Widget Inc. about a takeover.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. is negotiating to buy Widget Inc., people familiar with the matter said.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", "anonymous"),
    ("Acme Corp. is in talks over a potential $5 billion investment in Widget Inc.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ongoing", None),
    ("Acme Corp. said it was no longer in talks with Widget Inc.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, "ended", None),
    ("If Acme Corp. were to buy Widget Inc., it would become the largest player.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", None),
    ("Acme Corp. has agreed to acquire Widget Inc. The deal values Widget at $4 billion.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    # agreement
    ("The chips build on a memorandum of understanding that Acme Corp. signed with Widget Inc. in April.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Under a cooperation agreement signed with Widget Inc., Acme Corp. will supply software.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. owns 38% of the mine through a joint venture it formed with Widget Inc. last year.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has signed up Widget Bank and Gadget Bank as partner banks.",
     "agreement", {"party": "Acme", "counterparty": "Gadget Bank"}, "signed", None),
    ("Acme Corp. and Widget Inc. have been in talks since last year and signed a non-binding term sheet in "
     "December.", "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. today reported first-half results.\nHighlights\n- Signed a ten-year supply agreement with Widget "
     "Inc.\n", "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. signed a memorandum of understanding with Widget Inc. to develop batteries.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. and Widget Inc. formed a joint venture to build batteries.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. scrapped its partnership with Widget Inc.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "terminated", None),
    ("Acme Corp. has agreed a five-year partnership with Widget Inc., the companies said on Monday.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", "organization"),
    ("Acme Corp. signed a deal to supply Widget Inc. with batteries.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. agreed to supply Widget Inc. with 10,000 trucks.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has been selected by Widget Inc. to supply engines.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. is working with Widget Inc. on a new chip.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. sold the streaming rights to its films to Widget Inc. for ten years.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Talks between Acme Corp. and Widget Inc. began in March. In August they agreed to jointly develop "
     "batteries.", "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. will supply batteries to Widget Inc. under a five-year contract.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has won a contract worth $1.2 billion from Widget Inc. to make its chips.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. develops the drug under a collaboration with Widget Inc.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has entered into an agreement with Widget Inc. to sell its drug in China.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has signed Widget Inc. as a customer for its cloud services.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Widget Inc. licensed Acme Corp.'s technology for its new phones.",
     "agreement", {"party": "Widget", "counterparty": "Acme"}, "signed", None),
    ("Acme Corp. and Widget Inc. will jointly develop electric vehicles, they said.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has been awarded a $500 million contract by Widget Inc.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. won a $1 billion order from Widget Inc. for 50 aircraft.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Widget Inc. placed an order with Acme Corp. for 20 ships.",
     "agreement", {"party": "Widget", "counterparty": "Acme"}, "signed", None),
    ("Acme Corp. will provide cloud services to Widget Inc. under a $10 billion deal.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("Acme Corp. has tapped Widget Inc. to supply batteries for its trucks.",
     "agreement", {"party": "Widget", "counterparty": "Acme"}, "signed", None),
    ("Acme Corp. said it had agreed with Widget Inc. to jointly build a plant.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    ("The money comes with a product partnership. Under the agreement, Widget Inc. will build custom processors "
     "that Acme Corp. will plug into its servers.",
     "agreement", {"party": "Widget", "counterparty": "Acme"}, "signed", None),
    ("Acme Corp. has won a contract worth 20 trillion won ($15 billion) to manufacture chips for Widget Inc., the "
     "largest single order its foundry business has ever received.",
     "agreement", {"party": "Acme", "counterparty": "Widget"}, "signed", None),
    # acquisition
    ("Acme Corp. agreed to buy Widget Inc. for $4.5 billion in an all-stock deal.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Acme Corp. completed its $2 billion acquisition of Widget Inc. on Monday.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "completed", None),
    ("Widget Inc. was acquired by Acme Corp. in 2021.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "completed", None),
    ("Acme Corp. abandoned its bid for Widget Inc. after regulators objected.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Acme Corp. is nearing a deal to buy Widget Inc., Bloomberg News reported.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", "publication"),
    ("Widget Inc. agreed to be acquired by Acme Corp. for $30 a share.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Widget Inc. agreed to sell itself to Acme Corp. for $2 billion.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Gadget Ltd. agreed to sell its chip unit to Acme Corp. for $1 billion.",
     "acquisition", {"acquirer": "Acme", "target": "Gadget"}, "announced", None),
    ("Gadget Ltd. sold its 40% stake in Widget Inc. to Acme Corp. last year.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "completed", None),
    ("Widget Inc. has agreed to a $3 billion takeover by Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Widget Inc. accepted a $4 billion takeover offer from Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. will take Widget Inc. private in a $6 billion deal.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Shareholders of Widget Inc. approved its sale to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. will pay $2 billion for Widget Inc.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Widget Inc. rejected Acme Corp.'s $5 billion offer.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. dropped its pursuit of Widget Inc. after regulators objected.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Gadget Ltd. is exploring a sale of its chip unit to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Gadget"}, "rumored", None),
    ("Acme Corp. has grown through a string of purchases, including Widget Inc. and Gadget Ltd.",
     "acquisition", {"acquirer": "Acme", "target": "Gadget"}, "completed", None),
    ("Widget Inc. rejected an unsolicited $3 billion proposal from Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Widget Inc. said it had received a non-binding takeover proposal from Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", "organization"),
    ("Acme Corp. said it had submitted a proposal to Widget Inc. to buy Gadget Ltd.'s European assets.",
     "acquisition", {"acquirer": "Acme", "target": "Gadget"}, None, "organization"),
    ("Acme Corp. has approached Widget Inc. about a takeover. It is not certain that Acme will make a formal "
     "offer.", "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", None),
    ("Widget Inc. is negotiating a sale to private equity firm Acme Partners, people familiar with the matter said.",
     "acquisition", {"acquirer": "Acme Partners", "target": "Widget"}, "rumored", "anonymous"),
    ("Acme Corp. is in advanced talks to acquire Widget Inc. for about $2 billion, people familiar with the matter "
     "said.", "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", "anonymous"),
    ("A deal would be the biggest since Acme Corp.'s $3 billion acquisition of Widget Inc., announced in May.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Acme Corp.'s $2 billion acquisition of Widget Inc. is dead.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Acme Corp. agreed to buy Widget Inc. for $2 billion in May. The two companies said on Monday that they had "
     "agreed to terminate the deal.", "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Widget Inc. is in talks to sell itself to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "rumored", None),
    ("Acme Corp.'s bid for Widget Inc. collapsed last year.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Acme Corp. will buy the remaining 49% of Widget Inc. that it does not already own.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Acme Corp. raised its holding in Widget Inc. to 51% on Monday.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Gadget Ltd. agreed to the sale of its stake in Widget Inc. to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. has itself been a consolidator, snapping up Widget Inc. and Gadget Ltd. in 2021.",
     "acquisition", {"acquirer": "Acme", "target": "Gadget"}, "completed", None),
    ("Widget Inc. shareholders approved the takeover by Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. increased its holding in Widget Inc. to 51%.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, None),
    ("Widget Inc. is being sold to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Acme Corp. is the frontrunner to buy Widget Inc., sources said.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, None, "anonymous"),
    ("Gadget Ltd. agreed to divest Widget Inc. to Acme Corp.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "announced", None),
    ("Widget Corp's board backed a buyout by Gadget Ltd. Widget Corp said on Monday the deal would close soon. A "
     "$20 billion buyout proposal from Acme Partners in 2021 was dropped after the private equity firm failed to "
     "win board support.",
     "acquisition", {"acquirer": "Acme Partners", "target": "Widget"}, "abandoned", None),
    ("Widget Power Corp. today reported first-half results, and Widget Power raised its dividend.\nHighlights\n"
     "- Completed the acquisition of a portfolio of wind farms in Galicia from developer Acme GmbH for EUR 500 "
     "million\n", "acquisition", {"acquirer": "Widget Power", "target": "Acme"}, "completed", None),
    ("Widget Corp said on Thursday its board had voted to support a tender offer from a consortium led by "
     "private equity firm Acme Partners.", "acquisition", {"acquirer": "Acme Partners", "target": "Widget"},
     "announced", None),
    # investment
    ("Acme Corp. owns a stake in battery maker Widget Inc., in which Acme invested $300 million last year.",
     "investment", {"investor": "Acme", "target": "Widget"}, None, None),
    ("Widget Inc. agreed to be acquired by Acme Corp. for $3 billion. Gadget Ltd. said it would put up to $200 "
     "million into the deal.", "investment", {"investor": "Gadget", "target": "Widget"}, None, None),
    ("The Pentagon agreed to buy $400 million of preferred stock in Widget Inc.",
     "investment", {"investor": "Pentagon", "target": "Widget"}, None, None),
    ("The Biden administration is considering taking a stake in Widget Inc., people familiar with the matter said.",
     "investment", {"investor": "Biden administration", "target": "Widget"}, None, "anonymous"),
    ("Widget Inc. raised $80 million in a round led by Acme Ventures, with participation from Gadget Capital.",
     "investment", {"investor": "Gadget Capital", "target": "Widget"}, "made", None),
    ("Widget Inc. raised $80 million in a round led by Acme Ventures. Existing investors Gadget Capital and "
     "Sprocket Partners also took part in the round.", "investment",
     {"investor": "Sprocket Partners", "target": "Widget"}, "made", None),
    ("SoftBank invested $1 billion in Widget Inc.",
     "investment", {"investor": "SoftBank", "target": "Widget"}, "made", None),
    ("Acme Corp. led a $200 million funding round in Widget Inc.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Acme Corp. pledged $5 billion for new factories in Texas.",
     "investment", {"investor": "Acme"}, "planned", None),
    ("Acme Corp. is spending billions of dollars on new chip plants.",
     "investment", {"investor": "Acme"}, None, None),
    ("Widget Capital has offered to make an investment of up to $2 billion in Acme Corp., Reuters reported.",
     "investment", {"investor": "Widget Capital", "target": "Acme"}, "planned", "publication"),
    ("Acme Corp. scrapped plans to invest $1 billion in a factory in Mexico.",
     "investment", {"investor": "Acme"}, "withdrawn", None),
    ("Acme Corp. announced a $4 billion investment in new data centers in Spain.",
     "investment", {"investor": "Acme"}, "planned", None),
    ("Widget Inc. secured $50 million in funding from Acme Corp.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Acme Corp. participated in Widget Inc.'s $100 million funding round.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Widget Inc. said it had raised $20 million from investors including Acme Corp.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Acme Corp. said it plans capital expenditure of about $20 billion this year.",
     "investment", {"investor": "Acme"}, "planned", None),
    ("Acme Corp. will put $2 billion into Widget Inc., the two companies said.",
     "investment", {"investor": "Acme", "target": "Widget"}, "planned", None),
    ("Under its new plan, Acme Corp. will raise spending on drilling to about $8 billion a year while cutting "
     "planned investment in wind power by $3 billion.", "investment", {"investor": "Acme"}, "planned", None),
    ("Under its new plan, Acme Corp. will raise spending on drilling to about $8 billion a year while cutting "
     "planned investment in wind power by $3 billion.", "investment", {"investor": "Acme"}, "withdrawn", None),
    ("Acme Corp. and Widget Inc. signed an agreement to form a battery joint venture. The joint venture will "
     "invest more than $2 billion in the new plant.", "investment", {"investor": "Acme"}, "planned", None),
    ("Acme Corp. is pumping $3 billion into Widget Inc.",
     "investment", {"investor": "Acme", "target": "Widget"}, None, None),
    ("Acme Corp. will put up $1 billion for the new fab.", "investment", {"investor": "Acme"}, "planned", None),
    ("Widget Inc. received $1 billion in funding from Acme Corp.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("The Commerce Department agreed preliminary terms to provide up to $450 million in grants to Widget Inc.",
     "investment", {"investor": "Commerce Department", "target": "Widget"}, "planned", None),
    ("Acme Corp. bought $500 million of Widget Inc. shares.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Acme Corp. said it would use the fresh capital to hire engineers and to invest in its own production "
     "capacity.", "investment", {"investor": "Acme"}, "planned", None),
    ("Acme Corp. will invest $3 billion in Widget Inc. Last month Gadget Ltd. put in $500 million.",
     "investment", {"investor": "Gadget", "target": "Widget"}, "made", None),
    ("Acme Corp. will invest $3 billion in Widget Inc. In July, Gadget Ltd. agreed to take a 5% stake for $1 "
     "billion.", "investment", {"investor": "Gadget", "target": "Widget"}, None, None),
    ("Acme Corp. today reported first-half results.\nHighlights\n- Net investments of EUR 900 million, most of it in grids\n",
     "investment", {"investor": "Acme"}, "made", None),
    # approval
    ("Acme Corp. and Widget Inc. signed an agreement to combine their media units. The merger would need "
     "approval from the Competition Commission of India.", "approval",
     {"applicant": "Acme", "authority": "Competition Commission of India"}, "pending", None),
    ("The Federal Trade Commission cleared Acme Corp.'s purchase of Widget Inc.",
     "approval", {"applicant": "Acme", "authority": "Federal Trade Commission"}, "granted", None),
    ("Acme Corp. has applied for a licence from the Financial Conduct Authority.",
     "approval", {"applicant": "Acme", "authority": "Financial Conduct Authority"}, "pending", None),
    ("The European Commission blocked Acme Corp.'s takeover of Widget Inc.",
     "approval", {"applicant": "Acme", "authority": "European Commission"}, "denied", None),
    ("The National Development and Reform Commission gave its nod to Acme Corp.'s new plant.",
     "approval", {"applicant": "Acme", "authority": "National Development and Reform Commission"}, "granted", None),
    ("Acme Corp. submitted an application to the European Medicines Agency.",
     "approval", {"applicant": "Acme", "authority": "European Medicines Agency"}, "pending", None),
    ("Acme Corp. has filed for approval with the Securities and Exchange Commission.",
     "approval", {"applicant": "Acme", "authority": "Securities and Exchange Commission"}, "pending", None),
    ("Acme Corp. said the Food and Drug Administration approved its Alzheimer's treatment on Thursday.",
     "approval", {"applicant": "Acme", "authority": "Food and Drug Administration"}, "granted", "organization"),
    ("The Food and Drug Administration declined to approve Acme Corp.'s obesity drug.",
     "approval", {"applicant": "Acme", "authority": "Food and Drug Administration"}, "denied", None),
    ("The European Commission signed off on Acme Corp.'s purchase of Widget Inc.",
     "approval", {"applicant": "Acme", "authority": "European Commission"}, "granted", None),
    ("Acme Corp. agreed to buy Widget Inc. for $2 billion. The deal is subject to approval by the Federal Trade "
     "Commission.", "approval", {"applicant": "Acme", "authority": "Federal Trade Commission"}, "pending", None),
    ("Acme Corp. agreed to buy Widget Inc. The deal is under review by the Competition and Markets Authority.",
     "approval", {"applicant": "Acme", "authority": "Competition and Markets Authority"}, "pending", None),
    ("Acme Corp. said it expects to receive approval from the Federal Trade Commission by the end of the year.",
     "approval", {"applicant": "Acme", "authority": "Federal Trade Commission"}, "pending", None),
    ("Acme Corp. obtained clearance from the Federal Trade Commission for the deal.",
     "approval", {"applicant": "Acme", "authority": "Federal Trade Commission"}, "granted", None),
    ("The Food and Drug Administration has accepted Acme Corp.'s application for review.",
     "approval", {"applicant": "Acme", "authority": "Food and Drug Administration"}, "pending", None),
    ("Acme Corp.'s purchase of Widget Inc. was cleared by the European Commission in July and by the "
     "Competition and Markets Authority in August.",
     "approval", {"applicant": "Acme", "authority": "Competition and Markets Authority"}, "granted", None),
    ("The Competition and Markets Authority approved a revised version of Acme Corp.'s takeover of Widget Inc. "
     "that it had blocked in April.",
     "approval", {"applicant": "Acme", "authority": "Competition and Markets Authority"}, "denied", None),
    ("Widget Inc.'s Nexolin won full FDA approval a year ago.",
     "approval", {"applicant": "Widget", "authority": "FDA"}, "granted", None),
    ("On Friday the European Medicines Agency's committee recommended against granting marketing authorization to "
     "Nexolin, the drug developed by Widget Inc., citing safety risks.",
     "approval", {"applicant": "Widget", "authority": "European Medicines Agency"}, "denied", None),
    ("Regulators in Brussels approved Acme Corp.'s takeover of Widget Inc. on Tuesday.",
     "approval", {"applicant": "Acme", "authority": "Brussels"}, "granted", None),
    ("Acme Corp. agreed to buy Widget Inc. The purchase still requires regulatory approvals.",
     "approval", {"applicant": "Acme"}, "pending", None),
    ("The European Medicines Agency recommended approval of Acme Corp.'s Alzheimer's drug.",
     "approval", {"applicant": "Acme", "authority": "European Medicines Agency"}, "pending", None),
    ("Acme Corp. has applied for a banking licence in Singapore.", "approval", {"applicant": "Acme", "authority": "Singapore"},
     "pending", None),
    ("The Competition and Markets Authority has launched an in-depth review of Acme Corp.'s deal for Widget Inc.",
     "approval", {"applicant": "Acme", "authority": "Competition and Markets Authority"}, "pending", None),
    ("The FDA approved Acme Corp.'s gene therapy for sickle cell disease on Friday. The FDA is still reviewing the "
     "therapy for a second blood disorder.", "approval", {"applicant": "Acme", "authority": "FDA"}, "pending", None),
    ("Acme Corp. and Widget Inc. signed a term sheet in May. Any merger would need approval from the Competition "
     "Commission of India. Gadget Ltd. agreed last year to buy Sprocket Ltd. for $2 billion.",
     "approval", {"applicant": "Acme", "authority": "Competition Commission of India"}, "pending", None),
    ("Acme Corp. reported first-half results.\n\nHighlights\n• Submitted an application to the Ministry for the "
     "Ecological Transition for a permit for its pumped-storage project; a decision is expected next year\n",
     "approval", {"applicant": "Acme", "authority": "Ministry for the Ecological Transition"}, "pending", None),
    # policy
    ("The Federal Reserve raised interest rates by a quarter point.",
     "policy", {"authority": "Federal Reserve"}, None, None),
    ("Beijing has tightened rules on data exports.", "policy", {"authority": "Beijing"}, None, None),
    ("Parliament in May passed a bill raising tax credits for battery makers.",
     "policy", {"authority": "Parliament"}, None, None),
    ("Japan's government plans a giant semiconductor cluster in Kyushu.", "policy", {"authority": "Japan"}, None, None),
    ("A law passed by Congress in April requires Acme Corp. to sell its video app.",
     "policy", {"authority": "Congress"}, None, None),
    ("The European Commission on Wednesday designated Acme Corp. and Widget Inc. as gatekeepers.",
     "policy", {"authority": "European Commission"}, None, None),
    ("Acme Corp. warned that new US export restrictions would hit its sales in China.",
     "policy", {"authority": "US"}, None, None),
    ("Takeovers in Japan have been encouraged by guidelines the trade ministry issued last August.",
     "policy", {"authority": "Japan"}, None, None),
    ("Acme Corp. will benefit from a data framework, which the European Commission is expected to adopt soon.",
     "policy", {"authority": "European Commission"}, None, None),
    ("The Federal Communications Commission voted to reverse net neutrality rules.",
     "policy", {"authority": "Federal Communications Commission"}, None, None),
    ("South Korea's parliament approved a bill to subsidize battery makers.",
     "policy", {"authority": "South Korea"}, None, None),
    ("The Treasury Department added Acme Corp. to its sanctions list.",
     "policy", {"authority": "Treasury Department"}, None, "document"),
    ("India's central bank raised its key repo rate by 25 basis points on Wednesday.",
     "policy", {"authority": "India"}, None, None),
    ("The Netherlands supplies chip tools. The Dutch government said it would restrict exports of them.",
     "policy", {"authority": "Netherlands"}, None, None),
    ("China's export ban on gallium took effect in August.", "policy", {"authority": "China"}, None, None),
    ("The Federal Reserve left interest rates unchanged on Wednesday.",
     "policy", {"authority": "Federal Reserve"}, None, None),
    ("Freedonia was the last major economy with negative rates, after the European Central Bank abandoned them in "
     "2022.", "policy", {"authority": "European Central Bank"}, None, None),
    ("From March, the new EU regulation obliges large cloud providers to let customers move their data freely.",
     "policy", {"authority": "EU"}, None, None),
    ("Acme Corp. booked a charge for the windfall tax on the profits of large banks, which the Ruritanian "
     "government extended into 2025.", "policy", {"authority": "Ruritanian government"}, None, None),
    ("The Reserve Bank of India ordered Acme Payments Bank to cease onboarding new customers.",
     "policy", {"authority": "Reserve Bank of India"}, None, None),
    # launch
    ("Acme Corp.'s new Roadster is due in showrooms later this year.",
     "launch", {"company": "Acme"}, "planned", None),
    ("Widget Inc. said it had delayed Gizmo Quest, its role-playing game, to February from November.",
     "launch", {"company": "Widget", "product": "Gizmo Quest"}, "delayed", None),
    ("Acme Corp. unveiled its first electric SUV on Thursday.", "launch", {"company": "Acme"}, "launched", None),
    ("Acme Corp. plans to release a cheaper model next year.", "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. delayed the launch of its electric truck to 2025.",
     "launch", {"company": "Acme"}, "delayed", None),
    ("Acme Corp. said its new sedan is scheduled to hit showrooms in 2026.",
     "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. expects to deliver the first of its electric trucks before the end of the year.",
     "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. on Monday unveiled Acme Vision, its most capable model so far.",
     "launch", {"company": "Acme"}, "launched", None),
    ("Acme Corp.'s new phone will be available in stores from Friday.",
     "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. made its new AI model available to developers on Tuesday.",
     "launch", {"company": "Acme"}, "launched", None),
    ("Acme Corp. has abandoned plans to build an electric car.", "launch", {"company": "Acme"}, "cancelled", None),
    ("Acme Corp. unveiled the Sam Volt, a compact electric scooter.", "launch", {"company": "Acme"}, "launched", None),
    ("Widget Inc. said demand was weak. Widget Inc. cut prices. Acme Motors' Zeta e-Tour, priced from about 20,000 "
     "euros, went on sale in March.", "launch", {"company": "Acme Motors"}, "launched", None),
    ("Widget Inc. said demand was weak. Widget Inc. cut prices. Acme Corp. began taking orders for its Nova X tablet "
     "on Monday. The Nova X will go on sale on June 7.", "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. owns the Silver Ridge copper mine, which the company aims to bring into production in 2027.",
     "launch", {"company": "Acme"}, "planned", None),
    ("Acme Corp. said its first half went well. The 300 MW offshore wind farm began commercial operation in June.",
     "launch", {"company": "Acme"}, "launched", None),
    ("Joule, the AI assistant Acme Corp. introduced in March, will be embedded across its software.",
     "launch", {"company": "Acme"}, "launched", None),
    ("Widget Inc. cut its outlook after sales of Turbo Kart World, released on Aug. 2, came in below plan.",
     "launch", {"company": "Widget"}, "launched", None),
    ("Widget Inc. delayed Sorcerer's Crown Chronicles to May. Sorcerer's Crown Chronicles was due in November.",
     "launch", {"company": "Widget", "product": "Sorcerer's Crown Chronicles"}, "delayed", None),
    ("Gadget Ltd. said its Star Racer game would arrive on March 3.", "launch", {"company": "Gadget"}, "planned", None),
    ("Gadget Ltd. will announce a successor to the Orbit 3 tablet in the spring.",
     "launch", {"company": "Gadget"}, "planned", None),
    ("The Orbit 3, Acme Corp.'s first foldable phone, goes on sale in March.", "launch", {"company": "Acme"}, None,
     None),
    ("Acme Corp.'s long-awaited Orbit 3 tablet finally launched on Friday.", "launch", {"company": "Acme"}, "launched",
     None),
    ("The Food and Drug Administration is still reviewing Widget Inc.'s application for the drug.",
     "approval", {"applicant": "Widget", "authority": "Food and Drug Administration"}, "pending", None),
    # financial_result
    ("Acme Corp. reported net income of $1.2 billion for the third quarter, beating analysts' estimates of "
     "$1.1 billion.", "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp.'s revenue fell 5% to $10.3 billion in the quarter ended Sept. 30.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp.'s sales of electric vehicles rose 40% to about 2 million last year.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp., which reported a net loss of 85 million Swedish crowns for 2023, plans to cut jobs.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp. estimated on Tuesday that its first-quarter operating profit fell 40% to 1.2 trillion won.",
     "financial_result", {"company": "Acme"}, None, "organization"),
    ("Acme Corp. raised its quarterly dividend by 8%.", "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp. signed large deals worth $3 billion in the quarter.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Sales at Acme Corp.'s cloud unit climbed 30% to $5 billion in the second quarter.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp. earned $2.10 per share, compared with the $1.95 expected by analysts polled by FactSet.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Adjusted EBITDA at Acme Corp. rose 9% to $1.1 billion.", "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp.'s operating profit for the quarter is estimated at 10.4 trillion won, the company said in a "
     "preliminary statement.", "financial_result", {"company": "Acme"}, None, None),
    ("Acme Motors' EV deliveries jumped 25% year-on-year to 30,000 in May.",
     "financial_result", {"company": "Acme Motors"}, None, None),
    ("Acme Corp. generated free cash flow of $2 billion in the quarter.",
     "financial_result", {"company": "Acme"}, None, None),
    ("Acme Corp. added 8.8 million subscribers in the third quarter, beating estimates of 6 million.",
     "financial_result", {"company": "Acme"}, None, None),
    # forecast
    ("Jane Roe, an analyst at Widget Research, expects Acme Corp. to report a third-quarter profit of $2 billion.",
     "forecast", {"source": "Jane Roe", "subject": "Acme"}, None, "person"),
    ("Moody's downgraded Acme Corp. to junk.", "forecast", {"source": "Moody's", "subject": "Acme"}, None, None),
    ("The regulator fined Acme Corp. \"It is a signal,\" said John Smith, a professor of law at Foo University. He "
     "said the new rules could prove costlier for Acme than the fine.",
     "forecast", {"source": "John Smith", "subject": "Acme"}, None, "person"),
    ("Nickel prices slid again. \"Stocks are high, and we think the market stays in surplus through 2026,\" said "
     "Jane Roe, head of metals at the consultancy Foo Metals.", "forecast", {"source": "Jane Roe"}, None, "person"),
    ("Widget Inc. raised $500 million from Acme Corp. and others, said Jane Roe, an analyst at Foo Research. \"For "
     "Acme this is a modest bet, but some investors may ask why it needs a stake at all,\" she said.",
     "forecast", {"source": "Jane Roe", "subject": "Acme"}, None, "person"),
    ("Acme Corp. named a new chief. \"The brands are strong,\" said Jane Roe, an analyst at Foo Research. \"We "
     "expect margins to recover only slowly next year.\"", "forecast", {"source": "Foo Research"}, None, None),
    ("Acme Corp. posted a record profit. But an executive warned on a conference call that the second half would be "
     "tougher as competition intensifies.", "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. scrapped its bid for Widget Inc. But the Austin, Texas-based company forecast 2025 revenue of $2.1 "
     "billion to $2.3 billion.", "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. reported weak orders. Analysts at Widget Securities said in a note that the shortfall was a "
     "warning sign and lowered their price target on Acme to 50 euros from 65 euros.",
     "forecast", {"source": "Widget Securities", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. shares fell. \"The outlook is poor,\" said Jane Roe, head of research at Widget Partners. She cut "
     "her recommendation on the stock to hold from buy.",
     "forecast", {"source": "Jane Roe", "subject": "Acme"}, None, "person"),
    ("Acme Corp. agreed to buy Widget Inc. for $3 billion.\n- Expected to add to adjusted earnings per share in "
     "the first year after closing\n", "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. agreed to buy Widget Inc. The deal is expected to deliver $200 million of annual cost synergies.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Goldman Sachs expects Acme Corp.'s margins to improve next year.",
     "forecast", {"source": "Goldman Sachs", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. raised its full-year revenue forecast to $42 billion.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. aims to become one of the world's three largest chipmakers by 2030.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. said its production would fall by 10% next year.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Widget Inc. said it was on track to meet its full-year sales target.",
     "forecast", {"source": "Widget", "subject": "Widget"}, None, None),
    ("Acme Corp. posted higher first-half sales. The board now expects full-year operating profit of about "
     "$500 million.", "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Fitch Ratings downgraded Acme Corp. to junk, following Moody's, which lowered its rating on Acme last "
     "year.", "forecast", {"source": "Moody's", "subject": "Acme"}, None, None),
    ("Analysts at Widget Capital expect rising costs to start weighing on Acme Corp.'s margins next year.",
     "forecast", {"source": "Widget Capital", "subject": "Acme"}, None, None),
    ("Acme Corp. sees full-year revenue of $10 billion to $10.5 billion.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. issued a profit warning on Monday.", "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. is aiming for revenue of $10 billion by 2027.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Revenue is expected to rise 10% in the third quarter, Acme Corp. said.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, "organization"),
    ("Acme Corp.'s chief executive said new tariffs, if imposed, would hurt demand for its cars.",
     "forecast", {"source": "Acme"}, None, None),
    ("Fitch Ratings cut Acme Corp. to BB+ on Monday.", "forecast", {"source": "Fitch Ratings", "subject": "Acme"}, None,
     None),
    ("Moody's placed Acme Corp.'s ratings on review for downgrade.",
     "forecast", {"source": "Moody's", "subject": "Acme"}, None, None),
    ("Citi initiated coverage of Acme Corp. with a \"buy\" rating.",
     "forecast", {"source": "Citi", "subject": "Acme"}, None, None),
    ("Acme Corp. warned of weaker demand in Europe.", "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("\"We expect revenue to grow about 10% next year,\" Acme Corp. Chief Executive John Doe said.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("The Federal Reserve is expected to cut interest rates in June, economists say.",
     "forecast", {"subject": "Federal Reserve"}, None, "organization"),
    ("Economists polled by Reuters expect the Federal Reserve to hold rates steady.",
     "forecast", {"subject": "Federal Reserve"}, None, "organization"),
    ("Acme Corp.'s forecast of $5 billion in fourth-quarter revenue was below analysts' estimates.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. provided guidance of $2 billion to $2.2 billion in revenue for the third quarter.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. lowered its revenue growth outlook for the year in October.",
     "forecast", {"source": "Acme", "subject": "Acme", "metric": "guidance"}, None, None),
    ("Analysts at Widget Research project that battery makers could generate combined sales of $4 billion by 2028.",
     "forecast", {"source": "Widget Research"}, None, "organization"),
    ("\"Buying Widget could turn Acme into a far stronger rival to Gadget,\" said Jane Roe, an analyst at Sprocket "
     "Research.", "forecast", {"subject": "Acme"}, None, "person"),
    ("\"The central bank has turned,\" said Jane Roe, an economist at Widget Securities. She said the Federal "
     "Reserve could raise rates again as early as July.",
     "forecast", {"source": "Jane Roe", "subject": "Federal Reserve"}, None, "person"),
    ("Analysts at Widget Securities said John Doe could bring the same discipline to Acme Corp. Doe is chief "
     "executive of Gadget Ltd.", "forecast", {"source": "Widget Securities", "subject": "Acme"}, None, None),
    ("Acme Corp. agreed to buy Widget Inc. for $2 billion. The acquisition is expected to be accretive to Acme's "
     "adjusted earnings per share in the first full year.", "forecast", {"source": "Acme", "subject": "Acme"}, None,
     None),
    ("The Federal Reserve held rates steady, and Chair Jane Roe told reporters that interest rates would stay high "
     "for some time.", "forecast", {"subject": "Federal Reserve"}, None, "person"),
    ("Analysts at Widget Research forecast that the market will grow 12% a year through 2030.",
     "forecast", {"source": "Widget Research"}, None, None),
    ("Acme Corp. warned that tariffs could cut its profit by $500 million this year.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Acme Corp. today reported results for the full year 2023.\n\nFull-year highlights:\n"
     "- Cloud revenue up 20% to EUR 13.7 billion\n", "financial_result", {"company": "Acme"}, None, None),
    ("\"The ruling changes little,\" said Ines Marlow, an analyst at Larchmont Research. She expects the "
     "regulator to open further cases against large platforms within months.",
     "forecast", {"source": "Ines Marlow"}, None, "person"),
    ("\"Approval was never in doubt,\" said Colin Brady, a bank analyst at Wexley Partners. He expects the "
     "approval to encourage other regional lenders to revive merger plans this year.",
     "forecast", {"source": "Colin Brady"}, None, "person"),
    ("Analysts at Hanul Securities said the Widget order could help Acme Corp.'s foundry unit reach break-even "
     "by 2027.", "forecast", {"source": "Hanul Securities", "subject": "Acme"}, None, None),
    ("Analysts at Stonebridge Capital think the tie-up could squeeze Widget Inc., which competes with both "
     "companies.", "forecast", {"source": "Stonebridge Capital", "subject": "Widget"}, None, None),
    ("Dealmaking in the shale patch has slowed this year because volatile prices left buyers and sellers far "
     "apart, yet bankers expect consolidation among operators to pick up.", "market_trend", {}, None, None),
    ("Bankers expect consolidation among shale operators to pick up.", "forecast", {}, None, None),
    ("In February, Acme Corp. had estimated that the Reserve Bank of India's curbs would cut its annual operating "
     "profit by 3 billion to 5 billion rupees.",
     "forecast", {"source": "Acme", "subject": "Acme"}, None, None),
    ("Citi analysts estimate the deal will add 5% to Acme Corp.'s earnings.", "forecast",
     {"source": "Citi", "subject": "Acme"}, None, "organization"),
    ("Acme Corp. kept its annual sales forecast unchanged.", "forecast", {"source": "Acme", "subject": "Acme"},
     None, None),
    ("Acme Corp. left its full-year outlook unchanged.", "forecast", {"source": "Acme", "subject": "Acme"},
     None, None),
    # market_trend
    ("Acme Corp. shares fell 3% on Monday, caught up in a broad sell-off in bank stocks driven by fears of a "
     "recession.", "market_trend", {}, None, None),
    ("Acme Corp. shares have fallen 30% this year as rivals rode a boom in spending on cloud software.",
     "market_trend", {}, None, None),
    ("\"Other market segments are taking longer to recover,\" Acme Corp. Chief Executive John Smith said.",
     "market_trend", {}, None, None),
    ("Global tablet shipments returned to growth in 2023 after three years of declines.", "market_trend", {}, None,
     None),
    ("Roughly a third of global nickel supply is losing money at current prices, according to Widget Research.",
     "market_trend", {}, None, None),
    ("Indian companies accounted for close to a quarter of the generic drugs approved in 2023.", "market_trend", {},
     None, None),
    ("Acme Corp. shares fell. It comes at a difficult time for Asia's steel makers, which are struggling with weak "
     "demand from builders.", "market_trend", {}, None, None),
    ("Battery-electric models accounted for 14.4% of the market in August.", "market_trend", {}, None, None),
    ("Prices for new electric cars have plateaued after a year of discounting.",
     "market_trend", {}, None, None),
    ("Demand for smartphones has slumped this year.", "market_trend", {}, None, None),
    ("Acme Corp.'s quarterly profit fell 40% as a glut of steel kept prices depressed.", "market_trend", {}, None,
     None),
    ("Acme Corp. has cut prices twice this year, and rivals have followed, squeezing margins across the industry.",
     "market_trend", {}, None, None),
    ("Widget Inc. launched its first scooter amid a bruising price war that has squeezed margins.",
     "market_trend", {}, None, None),
    ("Deal-making in the chip sector has picked up this year.", "market_trend", {}, None, None),
    ("Chinese battery makers have slashed prices this year.", "market_trend", {}, None, None),
    ("Competition in the scooter market has intensified.", "market_trend", {}, None, None),
    ("Copper rose to a record high on Monday.", "market_trend", {}, None, None),
    ("The scooter market has been in a slump for more than a year.", "market_trend", {}, None, None),
    ("The yen has weakened to its lowest level against the dollar since 1990.", "market_trend", {}, None, None),
    ("The benchmark Nikkei 225 index fell 2% on Monday.", "market_trend", {}, None, None),
    ("Car sales in Ruritania jumped 11% last month, the Ruritania Passenger Car Association said.",
     "market_trend", {}, None, None),
    ("Acme Corp.'s sales in Europe fell 8% as competition in the region intensified.", "market_trend", {}, None,
     None),
    ("Prices for DRAM and NAND chips have firmed in recent weeks as Acme Corp. cut production.",
     "market_trend", {}, None, None),
    ("Yields on 30-year bonds, which touched 6% last week, have raised borrowing costs for companies.",
     "market_trend", {}, None, None),
    ("U.S. pharmacies have been squeezed by shrinking reimbursement rates.", "market_trend", {}, None, None),
    ("Airlines around the world are already short of aircraft.", "market_trend", {}, None, None),
    ("Across the restaurant industry, cash-strapped diners are cutting back on pricey treats.",
     "market_trend", {}, None, None),
    ("Acme Corp. beat estimates, unlike the rest of the chip industry, where makers of semiconductors for phones are "
     "grappling with a sluggish recovery.", "market_trend", {}, None, None),
    ("Prices for lithium have crashed 80% since their peak.", "market_trend", {}, None, None),
    ("Demand for cloud software remained robust through the year.", "market_trend", {}, None, None),
    ("BRUSSELS, Sept 19 - Registrations of plug-in hybrids in Germany fell 12% in August from a year earlier, data "
     "from the German Motor Association showed on Friday.", "market_trend", {}, None, None),
    ("Widget Inc. sells sofas. Across the industry, furniture retailers have found it hard to grow volumes as "
     "households cut back.",
     "market_trend", {}, None, None),
    ("Studios have been trimming content budgets as the streaming industry turns its focus from growth to cash flow.",
     "market_trend", {}, None, None),
    ("About 5,000 semiconductor industry jobs were cut last year, according to industry tallies.",
     "market_trend", {}, None, None),
    ("Asian steelmakers have been trading at a deep discount to their American peers.",
     "market_trend", {}, None, None),
    ("The round comes as investors, long cautious about space, pour money into satellite start-ups.",
     "market_trend", {}, None, None),
    ("Many earlier cell therapies have sold well below early forecasts.", "market_trend", {}, None, None),
    ("Store closures across the retail sector have accelerated this year.", "market_trend", {}, None, None),
    ("The number of IPOs in Hong Kong has slumped to a 20-year low.", "market_trend", {}, None, None),
    ("The country's largest union federation reported last week that big companies had agreed to raise wages by "
     "5.1% this year.", "market_trend", {}, None, None),
    ("Since the subsidies were passed, carmakers and battery suppliers have announced a wave of new plants across "
     "the South.", "market_trend", {}, None, None),
    ("Demand for networking gear is shifting quickly toward cloud-managed systems.",
     "market_trend", {}, None, None),
    # response
    ("A General Catalyst spokesperson declined to comment.",
     "response", {"party": "General Catalyst"}, "declined_to_comment", None),
    ("An Acme spokesperson declined to comment.", "response", {"party": "Acme"}, "declined_to_comment", None),
    ("Widget Inc. did not immediately respond to a request for comment.",
     "response", {"party": "Widget"}, "no_response", None),
    ("Acme Corp. could not immediately be reached for comment.",
     "response", {"party": "Acme"}, "no_response", None),
    ("Requests for comment to Acme Corp. went unanswered.", "response", {"party": "Acme"}, "no_response", None),
    ("Acme Corp. told Reuters it was \"not in talks\" with anyone.", "response", {"party": "Acme"}, "denied", None),
    ("Acme Corp. spokesperson Jane Smith declined to comment.",
     "response", {"party": "Acme"}, "declined_to_comment", None),
    ("Acme Corp. denied the report, calling it baseless.", "response", {"party": "Acme"}, "denied", None),
    ("Acme Corp. said the report was inaccurate.", "response", {"party": "Acme"}, "denied", None),
    ("Widget Inc. is in talks to buy Acme Corp., Bloomberg News reported. Acme Corp. said in a statement that it "
     "was considering various options but that nothing had been decided.",
     "response", {"party": "Acme"}, None, None),
    ("Acme Corp. and Widget Inc. are in talks about a merger, people familiar with the matter said. Both "
     "companies confirmed the discussions on Monday.", "response", {"party": "Widget"}, "confirmed", None),
    # personnel
    ("Widget Inc. replaced him with company veteran Jane Roe.",
     "personnel", {"person": "Jane Roe", "company": "Widget"}, "appointed", None),
    ("Acme Corp. said John Doe, who became chief executive in June, would run the unit.",
     "personnel", {"person": "John Doe", "company": "Acme"}, "appointed", None),
    ("Jane Roe took charge of Acme Corp.'s cloud business.",
     "personnel", {"person": "Jane Roe", "company": "Acme"}, "appointed", None),
    ("Chairman John Roe will not seek re-election at Acme Corp.'s annual meeting in June.",
     "personnel", {"person": "John Roe", "company": "Acme"}, "departed", None),
    ("Acme Corp. co-founder John Roe will step back to become executive chairman, the company said.",
     "personnel", {"person": "John Roe", "company": "Acme"}, "appointed", None),
    ("Acme Corp. named Jane Smith as chief executive, effective Jan. 1.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "appointed", None),
    ("John Doe stepped down as chief financial officer of Acme Corp.",
     "personnel", {"person": "John Doe", "company": "Acme"}, "departed", None),
    ("Jane Smith will step down from Acme Corp. at the end of June.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "departed", None),
    ("Acme Corp. tapped Jane Smith to run its cloud business.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "appointed", None),
    ("Acme Corp. announced the departure of its finance chief John Doe.",
     "personnel", {"person": "John Doe", "company": "Acme"}, "departed", None),
    ("Jane Smith joins Acme Corp. as CFO from Widget Inc.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "appointed", None),
    ("Jane Smith has been appointed to the board of Acme Corp.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "appointed", None),
    ("Jane Smith becomes Acme Corp.'s first female CEO.",
     "personnel", {"person": "Jane Smith", "company": "Acme"}, "appointed", None),
    ("Acme Corp. reported a loss. The trading losses cost chief risk officer Jane Roe her job.",
     "personnel", {"person": "Jane Roe", "company": "Acme"}, "departed", None),
    ("Acme Corp. faces a new probe. It is a headache for Chairman John Roe, who took over in April with a mandate to "
     "fix the bank after the collapse of Widget Capital.", "personnel", {"person": "John Roe", "company": "Acme"},
     "appointed", None),
    ("Mary Jones quits Pizzaro Inc. to join Brewster Corp.", "personnel", {"person": "Mary Jones", "company": "Pizzaro"},
     "departed", None),
    ("Acme Corp. said John Doe is leaving the company after 20 years.", "personnel",
     {"person": "John Doe", "company": "Acme"}, "departed", None),
    ("John Doe is out as chief executive of Acme Corp.", "personnel", {"person": "John Doe", "company": "Acme"},
     "departed", None),
    ("Widget Inc. CEO Jane Roe will lead the combined Acme networking business.", "personnel",
     {"person": "Jane Roe", "company": "Acme"}, "appointed", None),
    ("Widget Inc. agreed to invest in Acme Corp. Widget Inc. will hold 4%. CEO Jane Roe, appointed in March, has been "
     "cutting jobs to stabilize Acme.", "personnel", {"person": "Jane Roe", "company": "Acme"}, "appointed", None),
    ("Chief Executive John Roe, a former Widget Inc. executive who took the helm in March, said Acme Corp. would go "
     "private.", "personnel", {"person": "John Roe", "company": "Acme"}, "appointed", None),
    # legal
    ("Acme Corp. pleaded guilty to wire fraud charges, the Justice Department said.",
     "legal", {"claimant": "Justice Department", "defendant": "Acme"}, "settled", None),
    ("The Federal Trade Commission issued a consent order against Acme Corp. in March.",
     "legal", {"claimant": "Federal Trade Commission", "defendant": "Acme"}, "settled", None),
    ("Widget Inc. sued Acme Corp. for patent infringement.",
     "legal", {"claimant": "Widget", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. was fined $50 million by the Securities and Exchange Commission.",
     "legal", {"claimant": "Securities and Exchange Commission", "defendant": "Acme"}, "fined", None),
    ("Acme Corp. agreed to pay $100 million to settle a class action.",
     "legal", {"defendant": "Acme"}, "settled", None),
    ("The European Commission opened an investigation to examine whether Acme Corp.'s cloud unit breaks "
     "competition rules.", "legal", {"claimant": "European Commission", "defendant": "Acme"}, "filed", None),
    ("Britain's Competition and Markets Authority launched an investigation into Acme Corp.'s cloud business.",
     "legal", {"claimant": "Competition and Markets Authority", "defendant": "Acme"}, "filed", None),
    ("Congress passed a law banning Acme Corp.'s app. Acme Corp. said it would challenge the law in court.",
     "legal", {"claimant": "Acme", "defendant": "Congress"}, None, None),
    ("A federal judge on Tuesday rejected the Federal Trade Commission's request to block Acme Corp.'s purchase "
     "of Widget Inc.", "legal", {"claimant": "Federal Trade Commission", "defendant": "Acme"}, "ruled", None),
    ("A bankruptcy judge threw out an attempt by Acme Corp. to shield itself from lawsuits.",
     "legal", {"defendant": "Acme"}, "ruled", None),
    ("Justice Mary Lee granted a winding-up petition filed in March by Widget Inc. against Acme Corp.",
     "legal", {"claimant": "Widget", "defendant": "Acme"}, "ruled", None),
    ("A Delaware court on Monday ordered the liquidation of Acme Corp.", "legal", {"defendant": "Acme"}, "ruled", None),
    ("The fine exceeds the 500 million euros imposed on Acme Corp. by France's privacy watchdog in 2021.",
     "legal", {"claimant": "France", "defendant": "Acme"}, "fined", None),
    ("The Justice Department charged Acme Corp. with fraud. Its chief executive John Doe agreed to pay a $10 million "
     "fine.", "legal", {"claimant": "Justice Department", "defendant": "John Doe"}, "fined", None),
    ("Acme Corp. lost a patent case against Widget Inc. last month.",
     "legal", {"claimant": "Acme", "defendant": "Widget"}, "ruled", None),
    ("The outcome differs from Acme Corp.'s case against Widget Inc., in which a judge ruled in Widget's favour.",
     "legal", {"claimant": "Acme", "defendant": "Widget"}, "ruled", None),
    ("The SEC is investigating Acme Corp.; in June it sued Acme Corp. over its accounting.",
     "legal", {"claimant": "SEC", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. is under investigation by the Justice Department.",
     "legal", {"claimant": "Justice Department", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. faces a lawsuit from Widget Inc. over patents.",
     "legal", {"claimant": "Widget", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. was hit with a $5 million penalty by the Financial Conduct Authority.",
     "legal", {"claimant": "Financial Conduct Authority", "defendant": "Acme"}, "fined", None),
    ("The Federal Trade Commission sued to block Acme Corp.'s acquisition of Widget Inc.",
     "legal", {"claimant": "Federal Trade Commission", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. agreed to a $90 million settlement with the Securities and Exchange Commission.",
     "legal", {"claimant": "Securities and Exchange Commission", "defendant": "Acme"}, "settled", None),
    ("A jury awarded Widget Inc. $300 million in its lawsuit against Acme Corp.",
     "legal", {"claimant": "Widget", "defendant": "Acme"}, "ruled", None),
    ("The Justice Department is examining whether Acme Corp. violated sanctions.",
     "legal", {"claimant": "Justice Department", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. won an appeal against a 2 billion euro fine imposed by the European Commission.",
     "legal", {"claimant": "Acme", "defendant": "European Commission"}, "ruled", None),
    ("Acme Corp. said it was cooperating with a Securities and Exchange Commission investigation.",
     "legal", {"claimant": "Securities and Exchange Commission", "defendant": "Acme"}, "filed", None),
    ("Sales in China are slowing for all of them. Chinese regulators on Friday fined Acme Corp. 1.8 billion yuan.",
     "legal", {"claimant": "China", "defendant": "Acme"}, "fined", None),
    ("The state of Texas filed a lawsuit against Acme Corp. alleging deceptive marketing.",
     "legal", {"claimant": "Texas", "defendant": "Acme"}, "filed", None),
    ("Acme Corp. faces a legal challenge from Widget Inc. over the patents.",
     "legal", {"claimant": "Widget", "defendant": "Acme"}, "filed", None),
    ("The EU's top court ruled on Thursday that Acme Corp. must pay 13 billion euros in back taxes to Ireland.",
     "legal", {"claimant": "Ireland", "defendant": "Acme"}, "ruled", None),
    ("A federal appeals court upheld a $2 billion verdict against Acme Corp.", "legal", {"defendant": "Acme"},
     "ruled", None),
    ("A judge dismissed the lawsuit against Acme Corp.", "legal", {"defendant": "Acme"}, "ruled", None),
    ("Acme Corp. settled its patent litigation with Widget Inc.; under the settlement, Widget may launch a generic "
     "version in 2030.", "legal", {"claimant": "Widget", "defendant": "Acme"}, "settled", None),
    ("Acme Corp. grounded its jets after one lost a door panel. The Justice Department opened a criminal "
     "investigation into the accident.", "legal", {"claimant": "Justice Department", "defendant": "Acme"}, "filed",
     None),
    ("Acme Corp. said it had received a subpoena from the Justice Department.",
     "legal", {"claimant": "Justice Department", "defendant": "Acme"}, "filed", None),
    ("The European Commission hit Acme Corp. with a 1 billion euro fine.",
     "legal", {"claimant": "European Commission", "defendant": "Acme"}, "fined", None),
    ("The Federal Trade Commission fined Acme Corp. $50 million on Monday. Luxembourg's regulator fined Widget Inc. "
     "last year. Acme Corp. said it would appeal the decision.",
     "legal", {"claimant": "Acme", "defendant": "Federal Trade Commission"}, None, None),
    ("The Financial Conduct Authority said it had concluded enforcement proceedings against Acme Corp.",
     "legal", {"claimant": "Financial Conduct Authority", "defendant": "Acme"}, "ruled", None),
    # deals and events written blind (round 2): terminated merger agreements, bids by price, licences paid
    # upfront, backers in long lists, a backer's share of a round, public grants, "in which X invested"
    ("Acme Corp. and Widget Inc. said on Friday they had agreed to terminate their $3 billion merger agreement.",
     "acquisition", {"acquirer": "Acme", "target": "Widget"}, "abandoned", None),
    ("Gadget Partners offered $4 billion for Widget Inc.'s chip division last month.",
     "acquisition", {"acquirer": "Gadget Partners", "target": "Widget"}, "announced", None),
    ("Acme Corp. agreed to pay Widget Bio $60 million upfront for rights to an experimental antibody.",
     "agreement", {"party": "Acme", "counterparty": "Widget Bio"}, "signed", None),
    ("Acme Corp. paid $40 million upfront for Widget Bio's lead obesity candidate last year.",
     "agreement", {"party": "Acme", "counterparty": "Widget Bio"}, "signed", None),
    ("Widget Inc. raised $100 million in a round led by Acme Capital. Existing investors Sequoia Capital, Index "
     "Ventures, Accel Partners, General Atlantic, Tiger Global and Lightspeed Venture Partners also took part in "
     "the round.", "investment", {"investor": "Lightspeed Venture Partners", "target": "Widget"}, "made", None),
    ("Widget Inc. said on Monday it raised $500 million in a funding round led by Acme Capital. Gadget Inc. is "
     "contributing $100 million of the total.", "investment", {"investor": "Gadget", "target": "Widget"}, None, None),
    ("The Energy Department finalized a grant of up to $2 billion for Acme Corp. to help fund plants in Texas.",
     "investment", {"investor": "Energy Department", "target": "Acme"}, "made", None),
    ("Widget Inc. was valued at $2 billion in a 2022 funding round in which Acme Capital invested $50 million.",
     "investment", {"investor": "Acme Capital", "target": "Widget"}, "made", None),
    ("Acme Corp. kept its alliance with Widget Inc., in which it invested $1 billion two years ago.",
     "investment", {"investor": "Acme", "target": "Widget"}, "made", None),
    ("Acme Corp. agreed to buy Widget Inc. for $10 billion. As part of the deal, Acme also committed to "
     "subscribe to a capital increase of $1 billion.", "investment", {"investor": "Acme", "target": "Widget"},
     None, None),
    # events written blind (round 2): a drug approved by the regulators of a country named by its adjective,
    # a group of executives named together, an interim committee led
    ("Widget Bio's zanolimab beat a rival drug in a trial in China last year. Chinese regulators approved "
     "zanolimab in March.", "approval", {"applicant": "Widget Bio", "authority": "China"}, "granted", None),
    ("Acme Corp.'s board named a trio of executives - Jane Roe, Peter Smith and Ann Lee - to run the company "
     "jointly.", "personnel", {"person": "Peter Smith", "company": "Acme"}, "appointed", None),
    ("Acme Corp. said its chairman John Roe will lead an interim executive committee until a new CEO is found.",
     "personnel", {"person": "John Roe", "company": "Acme"}, "appointed", None),
    # talks to lead "the funding" are with the company that raised it
    ("Widget Inc. has raised $600 million in a funding round led by Acme Corp., the two companies said. Reuters "
     "had reported last month that Acme was in talks to lead the funding.",
     "talks", {"party": "Acme", "counterparty": "Widget"}, None, None),
    # a suit readied against a deal is against its buyer
    ("Acme Corp. agreed to buy Widget Inc. for $2 billion in March. The Justice Department had been preparing a "
     "possible antitrust lawsuit to block the deal, Bloomberg News reported.",
     "legal", {"claimant": "Justice Department", "defendant": "Acme"}, None, None),
]  # fmt: skip


def _named(result):
    names = {e.id: e.name for e in result.entities}
    return [
        (
            f.type,
            {k: names.get(v, v) for k, v in f.args.items() if isinstance(v, str)},
            f.status,
            f.source.kind,
        )
        for f in result.facts
    ]


@pytest.mark.parametrize(
    ("sentence", "type_", "roles", "status", "source_kind"), ROWS, ids=[r[0][:40] for r in ROWS]
)
def test_sentence_yields_fact(nlp_pipeline, sentence, type_, roles, status, source_kind):
    result = extract(Document(sentence, published="2024-05-15"), nlp=nlp_pipeline)
    facts = [f for f in _named(result) if f[0] == type_]
    assert facts, f"no {type_} fact in {_named(result)}"
    hit = [f for f in facts if all(f[1].get(k) == v for k, v in roles.items())]
    assert hit, f"{type_} roles {roles} not in {facts}"
    if status is not None:
        assert any(f[2] == status for f in hit), hit
    if source_kind is not None:
        assert any(f[3] == source_kind for f in hit), hit


def test_hedged_report_is_possible(nlp_pipeline):
    text = (
        "Acme Corp. could buy Widget Inc., but there is no certainty a deal will be reached, the people said."
    )
    result = extract(Document(text), nlp=nlp_pipeline)
    acquisitions = [f for f in result.facts if f.type == "acquisition"]
    assert acquisitions and acquisitions[0].certainty == "possible"


def test_denied_talks_are_marked_denied(nlp_pipeline):
    text = "Widget Inc. denied it was in talks with Acme Corp."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert any(f.type == "response" and f.status == "denied" for f in result.facts)


def test_one_fact_per_pair_in_a_list(nlp_pipeline):
    text = "Acme Corp. has held talks with Widget Inc., Gadget Ltd. and Sprocket Co., people familiar said."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert len([f for f in result.facts if f.type == "talks"]) == 3


def test_the_deal_between_buyer_and_target_is_the_takeover(nlp_pipeline):
    text = (
        "Acme Corp. agreed to buy Widget Inc. for $2 billion. Acme and Widget announced the deal on Monday."
    )
    result = extract(Document(text), nlp=nlp_pipeline)
    assert [f.type for f in result.facts if f.type in ("acquisition", "agreement")] == ["acquisition"]


def test_talks_that_failed_years_ago_are_another_round(nlp_pipeline):
    text = (
        "Acme Corp. confirmed it had approached Widget Inc. about a takeover. Acme had also sounded out "
        "Widget in 2020, but those discussions went nowhere."
    )
    result = extract(Document(text, published="2024-05-14"), nlp=nlp_pipeline)
    assert sorted(f.status for f in result.facts if f.type == "talks") == ["broke_down", "ongoing"]


def test_an_agreed_deal_is_dated_by_its_expected_closing(nlp_pipeline):
    text = "Acme Corp. agreed to buy Widget Inc. for $2 billion. Acme expects to close the deal on Wednesday."
    result = extract(Document(text, published="2024-05-14"), nlp=nlp_pipeline)
    deal = [f for f in result.facts if f.type == "acquisition"]
    assert deal and deal[0].time is not None and deal[0].time.begin == "2024-05-15"


def test_a_unit_sold_beside_a_larger_deal_has_its_own_price(nlp_pipeline):
    text = "Acme Corp. bought Widget Inc. for $8 billion after agreeing to sell Widget's cable unit to Gadget Ltd."
    result = extract(Document(text), nlp=nlp_pipeline)
    sale = [f for f in result.facts if f.type == "acquisition" and f.args.get("value") is None]
    assert len(sale) == 1


def test_facts_in_read_more_lines_are_ignored(nlp_pipeline):
    text = (
        "Acme Corp. declined to comment.\nRead more: Widget Inc. agrees to buy Gadget Ltd. for $5 billion\n"
    )
    result = extract(Document(text), nlp=nlp_pipeline)
    assert [f.type for f in result.facts] == ["response"]


def test_each_figure_of_an_outlook_is_a_forecast(nlp_pipeline):
    text = "Acme Corp. forecast revenue of $3.1 billion and earnings of 85 cents a share for the current quarter."
    result = extract(Document(text, published="2024-05-14"), nlp=nlp_pipeline)
    figures = sorted(
        (f.args.get("metric"), f.args["value"].amount) for f in result.facts if f.type == "forecast"
    )
    assert figures == [("eps", 0.85), ("revenue", 3_100_000_000)]


def test_a_bullet_of_guidance_is_no_result(nlp_pipeline):
    text = (
        "Widget Inc. reported record orders.\n- Expects full-year revenue of $1.2 billion to $1.3 billion\n"
    )
    result = extract(Document(text, published="2024-05-14"), nlp=nlp_pipeline)
    assert [f.type for f in result.facts if f.args.get("metric") == "revenue"] == ["forecast"]


def test_initials_and_codes_name_the_company_named_in_full(nlp_pipeline):
    text = (
        "General Motors signed an agreement with Samsung SDI to build a battery plant. GM will invest $2 billion "
        "in the plant, and the German government will invest 500 million euros in the project."
    )
    result = extract(Document(text), nlp=nlp_pipeline)
    names = {e.id: e.name for e in result.entities}
    pairs = {(f.type, names.get(f.args.get("party") or f.args.get("investor"))) for f in result.facts}
    agreement = next(f for f in result.facts if f.type == "agreement")
    assert names[agreement.args["counterparty"]] == "Samsung SDI"
    assert {("investment", "General Motors"), ("investment", "German government")} <= pairs


def test_an_outlook_is_for_a_period_not_yet_over(nlp_pipeline):
    text = "Acme Corp. reported a loss. The company expects revenue to fall again in the April-June quarter."
    result = extract(Document(text, published="2024-05-29"), nlp=nlp_pipeline)
    outlook = next(f for f in result.facts if f.type == "forecast")
    assert (outlook.time.begin, outlook.time.finish) == ("2024-04-01", "2024-06-30")


def test_production_started_launches_what_is_produced(nlp_pipeline):
    text = "Acme Corp. has started volume production of the eight-layer memory chips, the company said."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert [f.args["product"] for f in result.facts if f.type == "launch"] == ["eight-layer memory chips"]


def test_a_weekday_a_launch_is_planned_for_is_the_coming_one(nlp_pipeline):
    text = "Acme Corp. reported results. Acme's Z9 phone will go on sale on Friday, the company said."
    result = extract(Document(text, published="2024-09-10"), nlp=nlp_pipeline)
    launch = next(f for f in result.facts if f.type == "launch")
    assert launch.time.begin == "2024-09-13"


def test_an_expected_report_is_no_result_and_keeps_its_quarter(nlp_pipeline):
    text = "Jane Roe of Widget Research expects Acme Corp. to report a third-quarter profit of $2 billion."
    result = extract(Document(text, published="2021-10-20"), nlp=nlp_pipeline)
    assert [f.type for f in result.facts] == ["forecast"]
    assert result.facts[0].time.begin == "2021-07-01"


def test_guidance_bullets_under_an_expects_line_are_forecasts(nlp_pipeline):
    text = (
        "Acme Corp. reported third-quarter results on Monday.\nOutlook\nFor the fourth quarter, Acme expects:\n"
        "- Revenue of between $760 million and $770 million.\n- Adjusted operating income of about $410 million.\n"
    )
    result = extract(Document(text, published="2024-11-04"), nlp=nlp_pipeline)
    figures = sorted((f.type, f.args.get("metric")) for f in result.facts if f.args.get("value"))
    # the ranged line is guidance, as a range of sales guidance is in running text; a point figure keeps its metric
    assert figures == [("forecast", "guidance"), ("forecast", "operating_income")]


def test_each_guidance_line_is_the_issuers_outlook(nlp_pipeline):
    text = (
        "Acme Corp. reported its results for 2024. Parts & Repairs posted record sales.\n"
        "Outlook\nFor 2025, the Company expects:\n"
        "- Regional jet deliveries of 60 to 70 aircraft\n- Business jet deliveries of 90 to 100 aircraft\n"
        "- Adjusted operating margin between 6% and 7%\n"
    )
    result = extract(Document(text, published="2025-02-20"), nlp=nlp_pipeline)
    names = {e.id: e.name for e in result.entities}
    outlooks = [f for f in result.facts if f.type == "forecast"]
    assert len(outlooks) == 3
    assert {(names[f.args["source"]], f.args["metric"]) for f in outlooks} == {("Acme", "guidance")}


def test_every_answer_in_a_sentence_is_read(nlp_pipeline):
    text = "Acme Corp. did not respond to a request for comment, while a Widget Inc. spokesperson declined to comment."
    result = extract(Document(text), nlp=nlp_pipeline)
    names = {e.id: e.name for e in result.entities}
    answers = sorted((names[f.args["party"]], f.status) for f in result.facts if f.type == "response")
    assert answers == [("Acme", "no_response"), ("Widget", "declined_to_comment")]


def test_a_report_its_party_denies_afterwards_is_denied(nlp_pipeline):
    text = (
        "The Wall Street Journal reported on Monday that Acme Corp. was in talks to acquire Widget Inc., citing "
        "people familiar with the matter. Acme said in a statement on Tuesday that it had not been in talks with "
        "Widget and described the report as speculation."
    )
    result = extract(Document(text), nlp=nlp_pipeline)
    reported = [f for f in result.facts if f.type == "talks" and f.source.kind == "publication"]
    assert reported and reported[0].certainty == "denied"
    assert any(f.type == "response" and f.status == "denied" for f in result.facts)


def test_a_board_backing_a_buyout_invests_nothing(nlp_pipeline):
    text = "Widget Inc. backs $3 billion buyout by Acme-led group\nAcme Corp. agreed to acquire Widget Inc."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert not [f for f in result.facts if f.type == "investment"]


def test_the_two_companies_are_the_two_the_article_names_most(nlp_pipeline):
    text = (
        "Acme Corp. and Widget Inc. signed an agreement to merge their units. Acme declined to comment, and "
        "Widget did not respond. Gadget Daily could not verify the reports. The two companies have been in "
        "talks since last year."
    )
    result = extract(Document(text, published="2024-02-09"), nlp=nlp_pipeline)
    names = {e.id: e.name for e in result.entities}
    talks = [f for f in result.facts if f.type == "talks"]
    assert talks and {names[talks[0].args["party"]], names[talks[0].args["counterparty"]]} == {
        "Acme",
        "Widget",
    }


def test_a_minority_stake_bought_is_an_investment_not_a_takeover(nlp_pipeline):
    text = "Widget Inc. makes drones. Acme Corp. bought a minority stake in the company last year."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert [f.type for f in result.facts if f.type in ("acquisition", "investment")] == ["investment"]


def test_a_rule_that_breaks_on_a_sentence_costs_only_that_sentence(nlp_pipeline, monkeypatch, caplog):
    from newsgraph.extract.talks import TalksExtractor

    def broken(self, doc, sent):
        raise ValueError("a rule's bug")

    monkeypatch.setattr(TalksExtractor, "match", broken)
    text = "Acme Corp. is in talks with Widget Inc. Widget Inc. declined to comment."
    result = extract(Document(text), nlp=nlp_pipeline)
    assert [f.type for f in result.facts] == ["response"]
    assert "newsgraph_talks skipped the sentence" in caplog.text


def test_one_companys_share_of_the_market_is_no_market_trend(nlp_pipeline):
    result = extract(Document("Acme Corp. accounted for 14.4% of the market in August."), nlp=nlp_pipeline)
    assert not [f for f in result.facts if f.type == "market_trend"]


def test_the_sum_a_clause_describes_is_the_sum_pledged(nlp_pipeline):
    text = (
        "The Ohio site is part of more than $20 billion that Widget Inc. has pledged to spend in the state by "
        "2030, backed by up to $2 billion in state grants."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    assert [f.args["amount"].amount for f in result.facts if f.type == "investment"] == [20_000_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "Widget Inc. has set aside about $900 million to repay customers hit by the outage.",
        "Acme Corp.'s biggest deal was its purchase of Widget Inc. for $9 billion, which it spent years digesting.",
        "Acme Bank arranged more than $2 billion in loans to Widget Inc., ostensibly to finance a fleet of ships.",
        "Acme Corp.'s chief executive said he prefers buying back Acme Corp.'s own stock to big acquisitions.",
        "Acme Corp. will provide $2 billion in services to Widget Inc.",
        "Acme Corp. set aside $300 million for legal claims.",
        "Acme Corp. will reduce spending on travel by $100 million.",
    ],
)
def test_provisions_time_and_loans_arranged_are_no_investment(nlp_pipeline, text):
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    assert not [f for f in result.facts if f.type == "investment"]


def test_its_purchase_is_the_purchase_of_the_clauses_subject(nlp_pipeline):
    text = (
        "Snack makers are consolidating. Gadget Foods completed its $5 billion purchase of cookie maker Widget "
        "Brands in May, and Sprocket Soup closed its acquisition of Cog Foods in June."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    deals = [(f.args["acquirer"], f.args["target"], f.args.get("value") and f.args["value"].amount)
             for f in result.facts if f.type == "acquisition"]  # fmt: skip
    names = {e.id: e.name for e in result.entities}
    assert [(names[a], names[t], v) for a, t, v in deals] == [
        ("Gadget Foods", "Widget Brands", 5_000_000_000),
        ("Sprocket Soup", "Cog Foods", None),
    ]


def test_taking_in_deposits_is_no_approval(nlp_pipeline):
    text = "The Reserve Bank of India in March ordered Acme Payments Bank to stop accepting new deposits."
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    assert not [f for f in result.facts if f.type == "approval"], _named(result)


# --- entities and coreference ---------------------------------------------------------------


def _entity_names(result):
    return {e.id: e.name for e in result.entities}


def test_a_name_opened_by_its_initials_is_one_company(nlp_pipeline):
    text = (
        "ROME - GDPM Gucci Dolce Paolo Moretti said third-quarter sales rose 7% to 4.1 billion euros. "
        "Shares fell 2%, with GDPM down 3% in Milan."
    )
    result = extract(Document(text, published="2024-10-15"), nlp=nlp_pipeline)
    assert not [e for e in result.entities if e.type == "PERSON"]
    company = next(e for e in result.entities if e.name == "GDPM Gucci Dolce Paolo Moretti")
    assert "GDPM" in company.aliases
    results = [f for f in result.facts if f.type == "financial_result"]
    assert results and all(f.args["company"] == company.id for f in results)


def test_initials_and_a_lowercase_word_name_a_company(nlp_pipeline):
    text = (
        "QX ventra said on Monday it had started mass production of its new image sensor. QX ventra plans "
        "to ship the sensor to carmakers in May."
    )
    result = extract(Document(text, published="2024-03-04"), nlp=nlp_pipeline)
    names = _entity_names(result)
    launches = [f for f in result.facts if f.type == "launch"]
    assert launches and {names[f.args["company"]] for f in launches} == {"QX ventra"}


def test_a_parent_with_units_is_no_short_form_of_its_unit(nlp_pipeline):
    text = (
        "Kenwa's gaming division began taking orders for its new console on Friday. Kenwa declined to "
        "comment on sales. Mika Oda became chief executive of Kenwa Interactive Entertainment's studio "
        "business in June."
    )
    result = extract(Document(text, published="2024-09-27"), nlp=nlp_pipeline)
    names = _entity_names(result)
    assert {"Kenwa", "Kenwa Interactive Entertainment"} <= set(names.values())
    responses = [f for f in result.facts if f.type == "response"]
    assert responses and names[responses[0].args["party"]] == "Kenwa"


def test_a_nationality_in_a_description_picks_the_company_of_that_country(nlp_pipeline):
    text = (
        "Brackwell Motors strikes battery deal with France's Lumora. Brackwell Motors has agreed a multi-year "
        "supply deal with Lumora. As part of the deal, Brackwell will invest 20 million euros in the French "
        "company."
    )
    result = extract(Document(text, published="2024-02-27"), nlp=nlp_pipeline)
    names = _entity_names(result)
    investments = [f for f in result.facts if f.type == "investment"]
    assert investments and names.get(investments[0].args.get("target")) == "Lumora"


def test_a_description_in_the_words_of_a_name_is_that_company(nlp_pipeline):
    text = (
        "Tovana Pay Ltd. has struggled since regulators ordered its affiliate, Corvel Digital Bank, to stop "
        "taking deposits. Tovana Pay said on Monday it would appeal. Ann Reyes stepped down as chairman of "
        "the digital bank in March."
    )
    result = extract(Document(text, published="2024-05-29"), nlp=nlp_pipeline)
    names = _entity_names(result)
    personnel = [f for f in result.facts if f.type == "personnel"]
    assert personnel and names[personnel[0].args["company"]] == "Corvel Digital Bank"


def test_a_name_that_completes_its_purchase_is_a_company(nlp_pipeline):
    text = "J.K. Halvorsen completed its $2 billion purchase of snack maker Brinley Foods in May."
    result = extract(Document(text, published="2024-08-05"), nlp=nlp_pipeline)
    names = _entity_names(result)
    deals = [f for f in result.facts if f.type == "acquisition"]
    assert deals and names[deals[0].args["acquirer"]] == "J.K. Halvorsen"


def test_the_place_a_firm_is_based_in_is_no_company(nlp_pipeline):
    text = (
        'Shares of Tovana Pay Ltd. fell 4%. "Demand is weak," said Tom Reed, an analyst at Lyon-based '
        "Gravelle Partners."
    )
    result = extract(Document(text, published="2024-05-29"), nlp=nlp_pipeline)
    assert "Lyon" not in {e.name for e in result.entities}
    assert "Gravelle Partners" in {e.name for e in result.entities}


def test_a_description_as_subject_continues_the_subject_before(nlp_pipeline):
    text = (
        "India's Vantel Solar signed supply deals with Orin Energy and Pax Grid, Vantel said on Monday. Vantel "
        "shares rose 3%. In Spain, Caldera Power unveiled a rooftop panel at a fair in Madrid on Tuesday. The "
        "company expects revenue to double next year."
    )
    result = extract(Document(text, published="2024-06-12"), nlp=nlp_pipeline)
    names = _entity_names(result)
    forecasts = [f for f in result.facts if f.type == "forecast"]
    assert forecasts and names[forecasts[0].args["source"]] == "Caldera Power"


def test_a_clause_subject_is_not_the_description_it_acts_on(nlp_pipeline):
    text = (
        "Norrland Bank AG admitted failings in its controls last year. Sweden's financial watchdog KFSA said "
        "on Tuesday it had opened proceedings against the bank."
    )
    doc = nlp_pipeline.make_doc(text)
    doc._.published = None
    for _, proc in nlp_pipeline.pipeline:
        doc = proc(doc)
    entities = doc._.entities
    bank = next(m for m in doc._.mentions if m.text == "the bank")
    assert entities[bank.key].name == "Norrland Bank"
    watchdog = next(m for m in doc._.mentions if m.text == "KFSA")
    assert entities[watchdog.key].type == "GOV"


def test_an_ai_lab_is_named_with_and_without_its_tail(nlp_pipeline):
    text = (
        "Tessel Corp. signs cloud deal with Paris-based Vireo AI. Tessel will invest 10 million euros in "
        "Vireo. Vireo, founded in 2022 by former researchers from Tessel, on Monday also unveiled a chatbot "
        "called Nova."
    )
    result = extract(Document(text, published="2024-02-26"), nlp=nlp_pipeline)
    lab = [e for e in result.entities if e.name.startswith("Vireo")]
    assert len(lab) == 1 and "Vireo" in {lab[0].name, *lab[0].aliases}


def test_a_description_continues_the_company_of_the_person_before(nlp_pipeline):
    text = (
        "Halvard Energy said on Friday it would not bid for Norsea Oil. Halvard said in April that its chairman "
        "would step down. Norsea Chief Executive Erik Lund has repeatedly said he prefers buying back Norsea's "
        "own stock to big deals. The company's last big deal was its purchase of Fjord Gas, completed in 2019 "
        "for about $8 billion."
    )
    result = extract(Document(text, published="2024-06-20"), nlp=nlp_pipeline)
    names = _entity_names(result)
    pairs = {
        (names[f.args["acquirer"]], names[f.args["target"]]) for f in result.facts if f.type == "acquisition"
    }
    assert ("Norsea Oil", "Fjord Gas") in pairs
    assert ("Halvard Energy", "Fjord Gas") not in pairs


def test_a_brand_with_a_chief_is_the_unit_the_chief_runs(nlp_pipeline):
    text = (
        "Halvex Games opened orders for its new handheld on Monday. Nikko's PlayStation unit also cut prices. "
        "The move came after the retirement of longtime PlayStation chief Dana Holt in June."
    )
    result = extract(Document(text, published="2024-09-02"), nlp=nlp_pipeline)
    names = _entity_names(result)
    personnel = [f for f in result.facts if f.type == "personnel"]
    assert personnel and names[personnel[0].args["company"]] == "PlayStation"


def test_the_firm_after_an_analyst_names_the_analyst_house(nlp_pipeline):
    text = (
        'Vexa Motors said on Monday its deliveries fell 10% in the quarter. Vexa shares fell 3%. "Demand is '
        'soft," said Mia Holm, an analyst at Brightline Research. The firm expects EU car registrations to '
        "decline by about 4% this year."
    )
    result = extract(Document(text, published="2024-07-08"), nlp=nlp_pipeline)
    names = _entity_names(result)
    forecasts = [f for f in result.facts if f.type == "forecast"]
    assert forecasts and names[forecasts[0].args["source"]] == "Brightline Research"


def _mentions(nlp, text: str) -> dict[str, str]:
    """Each mention's text and the name of the entity it was resolved to."""
    doc = nlp.make_doc(text)
    doc._.published = None
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {m.text: doc._.entities[m.key].name for m in doc._.mentions}


def test_the_parent_company_is_not_the_unit_just_named(nlp_pipeline):
    text = (
        "Norvik Bank AG has agreed to pay $300 million to settle charges over loans to Zambia. Under the deal, "
        "the bank's British subsidiary, Norvik Securities Ltd, will plead guilty to fraud, while the parent "
        "company will enter a deferred prosecution agreement."
    )
    assert _mentions(nlp_pipeline, text)["the parent company"] == "Norvik Bank"


def test_the_country_is_a_country_not_its_regulator(nlp_pipeline):
    text = (
        "Zambia's Financial Markets Authority fined Norvik Bank AG $5 million on Tuesday, saying the southern "
        "African country had lost millions."
    )
    assert _mentions(nlp_pipeline, text)["the southern African country"] == "Zambia"


def test_a_nationality_skips_the_company_tied_to_another_country(nlp_pipeline):
    text = (
        "China's Qilin Motors overtook Vanta as the biggest seller of electric cars last quarter. The U.S. "
        "company delivered 480,000 cars in the quarter."
    )
    result = extract(Document(text, published="2024-01-03"), nlp=nlp_pipeline)
    names = _entity_names(result)
    results = [f for f in result.facts if f.type == "financial_result"]
    assert results and names[results[0].args["company"]] == "Vanta"


def test_a_country_in_brackets_is_no_name_of_the_company(nlp_pipeline):
    text = (
        "Qilin Electronics said it would sell its stake in Qilin Manufacturing (India) to Vanta Corp. The plant "
        "in southern India employs 9,000 people."
    )
    result = extract(Document(text, published="2024-01-03"), nlp=nlp_pipeline)
    unit = next(e for e in result.entities if e.name == "Qilin Manufacturing")
    assert "India" not in unit.aliases


def test_the_government_is_the_national_one_not_a_department(nlp_pipeline):
    text = (
        "The Trump administration is weighing a stake in Vexa Mining. The Energy Department has been in talks "
        "with the miner for weeks. The Energy Department said a stake would let the government buy shares at a "
        "nominal price."
    )
    assert _mentions(nlp_pipeline, text)["the government"] == "Trump administration"


def test_a_country_naming_the_kind_of_a_thing_is_not_its_owner(nlp_pipeline):
    text = "Vexa Motors forecast higher revenue but warned that new US export curbs would hit its sales in China."
    assert _mentions(nlp_pipeline, text)["its"] == "Vexa Motors"


def test_its_after_a_description_with_a_country_is_the_company(nlp_pipeline):
    text = (
        "Vanta Corp.'s suppliers have been expanding in India as the U.S. company diversifies its supply chain "
        "away from China."
    )
    assert _mentions(nlp_pipeline, text)["its"] == "Vanta"


def test_a_plural_after_a_code_is_no_brand(nlp_pipeline):
    text = "ASML said EUV machines are in short supply. EUV machines cost about 200 million euros each, ASML said."
    result = extract(Document(text, published="2024-03-04"), nlp=nlp_pipeline)
    assert "EUV machines" not in {e.name for e in result.entities}


def test_a_city_and_state_based_description_is_the_company(nlp_pipeline):
    text = (
        "Vexa Software said on Tuesday it had dropped its bid for Quill Labs. "
        "The Austin, Texas-based company forecast annual revenue of $4 billion."
    )
    mentions = _mentions(nlp_pipeline, text)
    assert "Austin" not in mentions
    assert mentions["The Austin, Texas-based company"] == "Vexa Software"


def test_a_short_name_is_the_parent_not_its_named_studio(nlp_pipeline):
    text = (
        "Orbis Media said its board would meet on Friday. Orbis owns the Orbis Pictures film studio. "
        "Orbis said it was weighing offers."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    names = {e.name for e in result.entities}
    assert "Orbis Pictures" in names
    assert _mentions(nlp_pipeline, text)["Orbis"] != "Orbis Pictures"


def test_a_dotted_legal_form_is_the_same_company(nlp_pipeline):
    text = (
        "Castrel S.A. today announced its results for the year. "
        '"It was a strong year," said Jane Roe, chief executive of Castrel. Castrel delivered 40 aircraft.'
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    assert len([e for e in result.entities if e.name.startswith("Castrel")]) == 1


def test_an_undefined_capital_company_in_a_release_is_the_issuer(nlp_pipeline):
    text = (
        "LISBON, Portugal, March 3, 2025 -- Castrel S.A. today announced its results for 2024. "
        "Castrel shipped 40 aircraft in the year. Castrel said orders rose. Support & Training posted record "
        "revenue.\n\nFor 2025, the Company expects revenue of $2 billion."
    )
    mentions = _mentions(nlp_pipeline, text)
    assert mentions["the Company"] == "Castrel"
    assert mentions["its"] == "Castrel"


def test_a_pronoun_after_a_paragraph_opening_is_its_subject(nlp_pipeline):
    text = (
        "Quill Auto and Vexa Motors together sell most of the country's electric cars. Quill Auto shipped "
        "a record number of cars last year, and a Quill Auto executive said Quill Auto would open two "
        "plants.\n\n"
        "Vexa Motors also faces pressure abroad. A German court ruled in May that it had copied a rival's "
        "battery design."
    )
    mentions = _mentions(nlp_pipeline, text)
    assert mentions["it"] == "Vexa Motors"


def test_a_name_with_an_officer_apposition_is_a_person(nlp_pipeline):
    # The small model takes "Sterling Cross" for a company; the apposition says otherwise.
    text = (
        "In a filing, the Lisbon-based company said Brandt had asked the board to end his term early. "
        "Sterling Cross, the company's chief of corporate affairs, will serve as interim CEO until the board "
        "approves Moreau."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Sterling Cross") == "PERSON", types


def test_states_a_grant_funds_plants_in_are_no_targets(nlp_pipeline):
    text = (
        "The Energy Department agreed to provide $900 million to Vexa Semiconductor to help fund plants in "
        "Kansas, New Mexico, Ohio and Oregon."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    names = {e.id: e.name for e in result.entities}
    targets = {names.get(f.args.get("target")) for f in result.facts if f.type == "investment"}
    assert not targets & {"Kansas", "New Mexico", "Ohio", "Oregon"}, targets


def test_a_leader_named_for_an_administration_is_a_person(nlp_pipeline):
    text = (
        "The Halvorsen administration is weighing a stake in Vexa Mining. Shares of Vexa Mining rose 8% on the "
        "report, though the miner has said it needs no help since the subsidy bill Halvorsen signed in May."
    )
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Halvorsen") in (None, "PERSON"), types


def test_an_ampersand_legal_form_is_the_same_company(nlp_pipeline):
    text = "Halden & Co. said on Wednesday it would license a pill from Quill Bio. Halden will pay $50 million upfront."
    result = extract(Document(text, published="2024-05-15"), nlp=nlp_pipeline)
    assert len([e for e in result.entities if e.name.startswith("Halden")]) == 1, result.entities
