"""Invented chains C (a parish council), D (a health scrutiny committee) and
E (a harbour board, written blind after A-D passed) for the follow-through
tests; see follow_chains.py for what every chain holds."""

from __future__ import annotations

from chain_model import Chain
from test_link_support import Minutes

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
