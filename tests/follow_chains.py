"""Invented chains of minutes for the follow-through tests, each action marked
with whether later minutes show it done (the gold for precision and recall of
"closed"). Every kind of evidence appears, and near misses that must not
close an action: the same topic but not done, a different map, "will be
circulated", "had not been circulated", "still awaited", another minute.

Chain A is issue 16's three meetings of one panel: six actions, four closed
by a matters-arising line (with a minute reference), a report-back item and
confirmations; two open, one with "still awaited" shown, one with only a
"will be circulated". Chains C-E are in follow_chains_more.py; CHAINS holds all five.
"""

from __future__ import annotations

from chain_model import Chain
from follow_chains_more import CHAIN_C, CHAIN_D, CHAIN_E
from test_link_support import Minutes

WYVERN, PANEL = "Wyvern District Council", "Community Safety Scrutiny Panel"
A_CCTV = (
    "The Community Safety Manager undertook to circulate a plan showing "
    "where the redeployable CCTV cameras were deployed"
)
A_PUB = "the Licensing Manager would report back on the Pubwatch scheme to the next meeting"
A_ASB = "a Members' briefing session on the new anti-social behaviour powers be arranged"
A_FLY = "The Chairman agreed to write to the Environment Agency about the fly-tipping at Mill Lane"
A_LIGHT = "Officers agreed to provide figures on street lighting faults in the town centre to Members"
A_YOUTH = "The Community Safety Officer agreed to circulate the youth diversion funding bid to Members"

CHAIN_A = Chain(
    "issue 16 panel",
    [
        Minutes(
            WYVERN,
            PANEL,
            "2024-03-19",
            [
                (
                    "Minutes of the previous meeting",
                    "The minutes of the meeting held on 16 January 2024 were approved.",
                ),
                (
                    "CCTV in the town centre",
                    f"Members asked where the redeployable cameras had been placed. {A_CCTV}.",
                ),
                (
                    "Licensing and the night-time economy",
                    f"Members discussed Pubwatch membership. It was agreed that {A_PUB}.",
                ),
                (
                    "Anti-social behaviour powers",
                    f"The Panel received a presentation on the new powers. It was agreed that {A_ASB}.",
                ),
                ("Fly-tipping", f"Members raised repeated fly-tipping at Mill Lane. {A_FLY}."),
                ("Street lighting", f"{A_LIGHT}."),
                ("Youth diversion", f"Members welcomed the youth diversion work in Eastgate. {A_YOUTH}."),
            ],
            actions=[(1, A_CCTV), (2, A_PUB), (3, A_ASB), (4, A_FLY), (5, A_LIGHT), (6, A_YOUTH)],
            numbers={0: "15", 1: "16", 2: "17", 3: "18", 4: "19", 5: "20", 6: "21"},
        ),
        Minutes(
            WYVERN,
            PANEL,
            "2024-06-11",
            [
                (
                    "Minutes of the previous meeting",
                    "The minutes of the meeting held on 19 March 2024 were approved.",
                ),
                (
                    "Matters arising",
                    (
                        "Minute 16: the CCTV deployment map had been circulated to Members on 2 April 2024.\n"
                        "Minute 19: the Chairman confirmed that he had written to the "
                        "Environment Agency regarding"
                        " the fly-tipping at Mill Lane.\n"
                        "Minute 20: figures on street lighting faults were still awaited."
                    ),
                ),
                (
                    "Pubwatch scheme",
                    (
                        "The Licensing Manager reported back on the Pubwatch scheme as requested "
                        "at the previous"
                        " meeting. Twelve premises now took part. RESOLVED that the report be noted."
                    ),
                ),
            ],
            numbers={0: "1", 1: "2", 2: "3"},
        ),
        Minutes(
            WYVERN,
            PANEL,
            "2024-09-17",
            [
                (
                    "Minutes of the previous meeting",
                    "The minutes of the meeting held on 11 June 2024 were approved.",
                ),
                (
                    "Matters arising",
                    "The Members' briefing on the new ASB powers had taken place on 30 July 2024.",
                ),
                (
                    "Youth diversion",
                    (
                        "Members discussed youth diversion in Eastgate. The youth diversion "
                        "funding bid will be"
                        " circulated once it has been submitted."
                    ),
                ),
            ],
            numbers={0: "1", 1: "2", 2: "3"},
        ),
    ],
    gold={A_CCTV: True, A_PUB: True, A_ASB: True, A_FLY: True, A_LIGHT: False, A_YOUTH: False},
    owners={
        A_CCTV: "The Community Safety Manager",
        A_PUB: "the Licensing Manager",
        A_FLY: "The Chairman",
        A_LIGHT: "Officers",
        A_YOUTH: "The Community Safety Officer",
    },
)

NORTHFIELD, ENV = "Northfield Borough Council", "Environment and Leisure Committee"
B_PLAY = "The Parks Manager would circulate the programme of play area inspections to Members"
B_MAP = "Officers to provide a map of the proposed residents' parking zones"
B_ALLOT = "The Head of Leisure undertook to report back on the allotment waiting list"
B_TREE = "A workshop for Members on the tree planting strategy would be arranged"
B_POOL = "The Chairman would write to the operator of the leisure centre about the pool closures"
B_BINS = "Officers to circulate the revised litter bin emptying schedule"
B_GROUNDS = "Officers to bring the grounds maintenance contract award back to the Committee for decision"
B_LOOS = "Officers would provide the cleaning costs of the public conveniences"

CHAIN_B = Chain(
    "committee with a decision notice",
    [
        Minutes(
            NORTHFIELD,
            ENV,
            "2023-01-10",
            [
                ("Play areas", f"{B_PLAY}."),
                ("Car parking", f"Members asked where the new zones would run. {B_MAP}."),
                ("Allotments", f"Members were concerned about the length of the waiting list. {B_ALLOT}."),
                ("Tree planting", f"The Committee welcomed the draft strategy. {B_TREE}."),
                ("Leisure centre", f"Members reported complaints from swimmers. {B_POOL}."),
                ("Litter", f"{B_BINS}."),
                ("Grounds maintenance", f"Three tenders had been received. {B_GROUNDS}."),
                ("Public conveniences", f"{B_LOOS}."),
            ],
            actions=[
                (0, B_PLAY),
                (1, B_MAP),
                (2, B_ALLOT),
                (3, B_TREE),
                (4, B_POOL),
                (5, B_BINS),
                (6, B_GROUNDS),
                (7, B_LOOS),
            ],
        ),
        Minutes(
            NORTHFIELD,
            ENV,
            "2023-03-14",
            [
                (
                    "Matters arising",
                    (
                        "The programme of play area inspections had been sent to all Members. The map of the"
                        " proposed cycle routes had been circulated. The Chairman had not yet written to the"
                        " leisure centre operator about the pool closures."
                    ),
                ),
                (
                    "Allotment waiting list",
                    (
                        "The Committee considered the report requested at the last meeting. There were 84"
                        " people on the list."
                    ),
                ),
                ("Litter", "The revised litter bin emptying schedule will be circulated in April."),
                (
                    "Public conveniences",
                    "Members discussed the cleaning costs of the public conveniences at length.",
                ),
            ],
        ),
        Minutes(
            NORTHFIELD,
            ENV,
            "2023-05-16",
            [
                (
                    "Decision notice",
                    "Decision notice: Environment and Leisure Committee meeting on 16 May 2023.",
                ),
                (
                    "Grounds maintenance contract",
                    (
                        "Decision taken: the Committee awarded the grounds maintenance contract to"
                        " GreenCo Ltd for five years."
                    ),
                ),
            ],
        ),
        Minutes(
            NORTHFIELD,
            ENV,
            "2023-05-16",
            [
                (
                    "Urban forest",
                    "The Members' session on the tree planting strategy had been held on 2 May 2023.",
                ),
                (
                    "Car parking",
                    "Members discussed the proposed residents' parking zones and asked for more detail.",
                ),
            ],
        ),
        Minutes(
            NORTHFIELD,
            ENV,
            "2023-07-11",
            [
                (
                    "Litter",
                    (
                        "The litter bin emptying schedule had not been circulated because the "
                        "contract was being"
                        " retendered."
                    ),
                ),
            ],
        ),
    ],
    gold={
        B_PLAY: True,
        B_MAP: False,
        B_ALLOT: True,
        B_TREE: True,
        B_POOL: False,
        B_BINS: False,
        B_GROUNDS: True,
        B_LOOS: False,
    },
    owners={
        B_PLAY: "The Parks Manager",
        B_MAP: "Officers",
        B_ALLOT: "The Head of Leisure",
        B_POOL: "The Chairman",
        B_BINS: "Officers",
        B_GROUNDS: "Officers",
        B_LOOS: "Officers",
    },
)

CHAINS = (CHAIN_A, CHAIN_B, CHAIN_C, CHAIN_D, CHAIN_E)
