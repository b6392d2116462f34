from l10n.align.score import score

GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((4,), ())]


def test_a_perfect_alignment_scores_one():
    result = score([(GOLD, GOLD)])
    assert (result.strict_f1, result.lax_f1) == (1.0, 1.0)


def test_strict_counts_exact_links_and_lax_counts_overlaps():
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2, 3), (3,)), ((4,), ())]
    result = score([(GOLD, test)])
    # precision: 3 of 5 exact; (1)-(1) overlaps gold, ()-(2) does not
    assert result.strict_precision == 3 / 5 and result.lax_precision == 4 / 5
    # recall: gold (1)-(1,2) is not in the test, but overlaps (1)-(1)
    assert result.strict_recall == 3 / 4 and result.lax_recall == 4 / 4
    assert abs(result.strict_f1 - 2 * 0.6 * 0.75 / 1.35) < 1e-12


def test_counts_add_up_over_documents_before_ratios():
    wrong = [((0, 1), (0, 1, 2)), ((2, 3), (3,)), ((4,), ())]
    result = score([(GOLD, GOLD), (GOLD, wrong)])
    assert result.strict_precision == (4 + 2) / (4 + 3)
    assert result.strict_recall == (4 + 2) / (4 + 4)


def test_links_with_two_empty_sides_are_ignored():
    assert score([(GOLD, GOLD + [((), ())])]).strict_precision == 1.0
