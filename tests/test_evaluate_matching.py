"""The scorer itself: one-to-one matching and the arithmetic of P/R/F1."""

from pipeline.reports.evaluate import Score, match, norm


def exact(a, b):
    return 100.0 if a == b else 0.0


def test_each_prediction_matches_at_most_one_gold_entry():
    score, missed, extra = match(["x", "x"], ["x"], exact, 100)
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
    assert missed == [1] and extra == []


def test_repeated_mentions_count_separately():
    score, _, _ = match([3000, 3000, 3000], [3000, 3000], exact, 100)
    assert (score.tp, score.fn) == (2, 1)


def test_best_pairs_win():
    sims = {("a", "p1"): 90, ("a", "p2"): 99, ("b", "p1"): 95}
    score, missed, extra = match(["a", "b"], ["p1", "p2"], lambda g, p: sims.get((g, p), 0), 80)
    assert score.tp == 2 and not missed and not extra


def test_precision_recall_f1():
    s = Score(tp=8, fp=2, fn=8)
    assert s.precision == 0.8 and s.recall == 0.5
    assert abs(s.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-9


def test_empty_sides_score_perfectly_not_by_division_error():
    assert Score().precision == 1.0 and Score().recall == 1.0


def test_norm_ignores_case_quotes_and_spacing():
    assert norm("  The  Report’s  noted. ") == norm("the report's noted")


def test_text_match_needs_most_of_the_gold_and_little_else():
    from pipeline.reports.evaluate import text_similarity

    gold = "the Clerk would write to the Highways Authority about the verges"
    assert text_similarity(gold, "Clerk would write to the Highways Authority about the verges") > 0
    # half of the commitment dropped: under 70% of the gold words
    assert text_similarity(gold, "the Clerk would write") == 0
    # runs on into the next item: under 40% of its own words are gold words
    long = gold + " " + " ".join(f"word{i}" for i in range(20))
    assert text_similarity(gold, long) == 0


def test_scheme_names_match_by_wratio_as_the_guide_says():
    from pipeline.reports.evaluate import NAME_CUTOFF, name_similarity

    assert name_similarity("Hotspot Patrols", "Hotspot Patrols initiative") >= NAME_CUTOFF
    assert name_similarity("Nominated Neighbour Scheme", "Nominate a Neighbour Scheme") >= NAME_CUTOFF
    assert name_similarity("Safer Streets Fund", "Safer Roads Fund") < NAME_CUTOFF
    assert name_similarity("Respect Programme", "Operation Sceptre") < NAME_CUTOFF


def test_body_types_are_read_from_the_gold_names():
    from pipeline.reports.evaluate import body_type

    assert body_type("Grindon Parish Council", "Parish Council") == "parish/town/community council"
    assert body_type("West of England Combined Authority", None) == "combined authority"
    assert body_type("Kent County Council", "Cabinet") == "principal council"
