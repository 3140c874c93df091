"""Invented chains of minutes for the follow-through tests, each action marked
with whether later minutes show it done (the gold for precision and recall of
"closed"). Every kind of evidence appears, and near misses that must not
close an action: the same topic but not done, a different map, "will be
circulated", "had not been circulated", "still awaited", another minute.

Chain A is issue 16's three meetings of one panel: six actions, four closed
by a matters-arising line (with a minute reference), a report-back item and
confirmations; two open, one with "still awaited" shown, one with only a
"will be circulated".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from test_link_support import Minutes


@dataclass
class Chain:
    name: str
    meetings: list[Minutes]
    gold: dict[str, bool] = field(default_factory=dict)  # action text -> closed by later minutes
    owners: dict[str, str] = field(default_factory=dict)
    parent_bodies: tuple[str, ...] = ()


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

HADLEY, PARISH = "Little Hadley Parish Council", "Parish Council"
C_POTHOLE = "The Clerk to write to Highways about the pothole on Church Street"
C_BENCH = "Cllr Brown to obtain three quotes for a new bench on the green"
C_NPLAN = "The Clerk would circulate the draft Neighbourhood Plan to councillors"
C_SPEED = "The Chairman would arrange a meeting with the police about speeding on the High Street"
C_DEFIB = "The Clerk to send the defibrillator training dates to councillors"
C_DOGS = "Councillors would look into the provision of dog bins near the playing field"
C_LIGHT = "The Clerk to report the broken streetlight on Mill Road to the county council"

CHAIN_C = Chain(
    "parish council",
    [
        Minutes(
            HADLEY,
            PARISH,
            "2022-04-05",
            [
                ("Highways", f"A resident reported a deep pothole. {C_POTHOLE}. {C_LIGHT}."),
                ("The green", f"The old bench had rotted. {C_BENCH}."),
                ("Neighbourhood Plan", f"The steering group had finished its draft. {C_NPLAN}."),
                ("Speeding", f"Residents were concerned about speeding. {C_SPEED}."),
                ("Defibrillator", f"The defibrillator had been installed at the village hall. {C_DEFIB}."),
                ("Playing field", f"Dog fouling on the playing field was raised. {C_DOGS}."),
            ],
            actions=[
                (0, C_POTHOLE),
                (0, C_LIGHT),
                (1, C_BENCH),
                (2, C_NPLAN),
                (3, C_SPEED),
                (4, C_DEFIB),
                (5, C_DOGS),
            ],
        ),
        Minutes(
            HADLEY,
            PARISH,
            "2022-05-03",
            [
                (
                    "Clerk's report",
                    (
                        "The Clerk confirmed that she had written to Highways regarding the "
                        "Church Street pothole."
                        " The broken streetlight on Mill Road had been reported to the county council and"
                        " repaired. Defibrillator training dates had been emailed to all councillors."
                    ),
                ),
                ("The green", "Cllr Brown reported that quotes for the bench were still awaited."),
                (
                    "Neighbourhood Plan",
                    "The draft Neighbourhood Plan had not been circulated as the consultant was unwell.",
                ),
            ],
        ),
        Minutes(
            HADLEY,
            PARISH,
            "2022-06-07",
            [
                (
                    "The green",
                    "Three quotes for the new bench on the green had been received and were considered.",
                ),
                (
                    "Speeding",
                    "The meeting with the police about speeding on the High Street took place on 20 May.",
                ),
            ],
        ),
    ],
    gold={
        C_POTHOLE: True,
        C_BENCH: True,
        C_NPLAN: False,
        C_SPEED: True,
        C_DEFIB: True,
        C_DOGS: False,
        C_LIGHT: True,
    },
    owners={
        C_POTHOLE: "The Clerk",
        C_BENCH: "Cllr Brown",
        C_NPLAN: "The Clerk",
        C_SPEED: "The Chairman",
        C_DEFIB: "The Clerk",
        C_DOGS: "Councillors",
        C_LIGHT: "The Clerk",
    },
)

EASTMOOR, HEALTH, OSC = (
    "Eastmoor District Council",
    "Health Scrutiny Panel",
    "Overview and Scrutiny Committee",
)
D_GP = (
    "The Panel Chair would write to the Clinical Commissioning Group about "
    "waiting times at the Riverside surgery"
)
D_DATA = "Officers to provide data on NHS dentist registrations by ward"
D_MAP = "Officers to provide a map of dental practices accepting NHS patients"
D_BRIEF = "A briefing on the new mental health crisis line would be arranged for Members"
D_PLAN = "The Director of Public Health to send the suicide prevention plan to Members"

CHAIN_D = Chain(
    "panel and the committee it reports to",
    [
        Minutes(
            EASTMOOR,
            HEALTH,
            "2021-06-01",
            [
                ("GP access", f"Members reported long waits for appointments. {D_GP}."),
                ("Dental services", f"{D_DATA}. {D_MAP}."),
                ("Mental health", f"The Panel welcomed the new crisis line. {D_BRIEF}. {D_PLAN}."),
            ],
            actions=[(0, D_GP), (1, D_DATA), (1, D_MAP), (2, D_BRIEF), (2, D_PLAN)],
            numbers={0: "4", 1: "5", 2: "6"},
        ),
        Minutes(
            EASTMOOR,
            OSC,
            "2021-07-13",
            [
                (
                    "Minutes of the Health Scrutiny Panel",
                    (
                        "The Committee noted that the Panel Chair had written to the"
                        " Clinical Commissioning Group about Riverside surgery waiting times."
                    ),
                ),
            ],
        ),
        Minutes(
            EASTMOOR,
            HEALTH,
            "2021-09-07",
            [
                (
                    "Matters arising",
                    (
                        "Min 5/21: data on NHS dentist registrations by ward had been provided to Members.\n"
                        "Min 5/21: the map of dental practices accepting NHS patients remained outstanding.\n"
                        "Min 6/21: the briefing on the mental health crisis line would be held in October."
                    ),
                ),
                ("Mental health", "The suicide prevention plan had been circulated to Members on 14 July."),
            ],
            numbers={0: "2", 1: "3"},
        ),
    ],
    gold={D_GP: True, D_DATA: True, D_MAP: False, D_BRIEF: False, D_PLAN: True},
    owners={
        D_GP: "The Panel Chair",
        D_DATA: "Officers",
        D_MAP: "Officers",
        D_PLAN: "The Director of Public Health",
    },
)

PORTMERE, HARBOUR = "Portmere City Council", "Harbour Board"
E_TARIFF = "The Harbour Master to email the revised mooring tariff to Board members"
E_VISIT = "Officers would arrange a site visit to the slipway for Members"
E_LEGAL = "The Clerk to obtain legal advice on the lease of the fish market"
E_INCOME = "The Finance Officer to circulate the quarterly income figures for the marina"
E_DREDGE = "Officers to prepare a report on dredging costs for the next meeting"
E_RNLI = "The Chair would contact the RNLI about the lifeboat station open day"
E_PONTOON = "Officers to provide a plan of the proposed pontoon extension"
E_LOG = "The Harbour Master to share the incident log for the summer season"

# Written after chains A-D passed, as a blind check: it failed on E_TARIFF ("had
# received"), E_VISIT ("visited"), E_INCOME ("were tabled") and E_LOG (the winter
# log is not the summer log) before those forms were added.
CHAIN_E = Chain(
    "harbour board, written blind",
    [
        Minutes(
            PORTMERE,
            HARBOUR,
            "2025-01-14",
            [
                ("Moorings", f"{E_TARIFF}."),
                ("Slipway", f"{E_VISIT}."),
                ("Fish market", f"{E_LEGAL}."),
                ("Marina finances", f"{E_INCOME}."),
                ("Dredging", f"{E_DREDGE}."),
                ("Lifeboat station", f"{E_RNLI}."),
                ("Pontoon", f"{E_PONTOON}."),
                ("Safety", f"{E_LOG}."),
            ],
            actions=[
                (i, a)
                for i, a in enumerate(
                    [E_TARIFF, E_VISIT, E_LEGAL, E_INCOME, E_DREDGE, E_RNLI, E_PONTOON, E_LOG]
                )
            ],
            numbers={i: str(30 + i) for i in range(8)},
        ),
        Minutes(
            PORTMERE,
            HARBOUR,
            "2025-03-11",
            [
                (
                    "Matters arising",
                    (
                        "Minute 30: Board members had received the revised mooring charges by email.\n"
                        "Minute 32: legal advice on the fish market lease was still being sought.\n"
                        "Minute 35: the Chair reported that the RNLI had been contacted and the open day was"
                        " confirmed for 14 June."
                    ),
                ),
                (
                    "Dredging costs",
                    "The Board considered the report on dredging costs requested at its January meeting.",
                ),
                ("Slipway", "Members visited the slipway on 20 February 2025."),
                (
                    "Pontoon",
                    (
                        "A plan of the existing pontoons had been circulated; the plan of the "
                        "proposed extension would"
                        " follow."
                    ),
                ),
                ("Marina finances", "The quarterly income figures for the marina were tabled and noted."),
                ("Safety", "The incident log for the winter season had been shared with Members."),
            ],
            numbers={0: "2", 1: "3", 2: "4", 3: "5", 4: "6", 5: "7"},
        ),
    ],
    gold={
        E_TARIFF: True,
        E_VISIT: True,
        E_LEGAL: False,
        E_INCOME: True,
        E_DREDGE: True,
        E_RNLI: True,
        E_PONTOON: False,
        E_LOG: False,
    },
    owners={
        E_TARIFF: "The Harbour Master",
        E_VISIT: "Officers",
        E_LEGAL: "The Clerk",
        E_INCOME: "The Finance Officer",
        E_DREDGE: "Officers",
        E_RNLI: "The Chair",
        E_PONTOON: "Officers",
        E_LOG: "The Harbour Master",
    },
)

CHAINS = (CHAIN_A, CHAIN_B, CHAIN_C, CHAIN_D, CHAIN_E)
