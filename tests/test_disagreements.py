"""The te3-silver triage (benchmarks.disagreements): three-way alignment and how each case is classed."""

from benchmarks.disagreements import _kind, cases, render

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-07" temporalFunction="false" functionInDocument="CREATION_TIME">2021-04-07</TIMEX3></DCT>
<TEXT>Two rockets hit the base on <TIMEX3 tid="t1" type="DATE" value="2021-04-04">Sunday</TIMEX3>. Talks resume in <TIMEX3 tid="t2" type="DATE" value="2020-05">May</TIMEX3>.</TEXT>
</TimeML>
"""


def test_each_disagreement_is_classed_by_who_agrees_with_silver():
    assert _kind("2021-05", "2021-05", "2021-05") is None
    assert _kind("2020-05", "2020-05", "2021-05") == "ours differs"
    assert _kind("2021-05", "2020-05", "2021-05") == "ours alone right"
    assert _kind("2020-05", "2021-05", "2021-05") == "silver alone"
    assert _kind("2019-05", "2020-05", "2021-05") == "all differ"


def test_a_value_heideltime_and_silver_share_is_listed_against_ours(tmp_path):
    (tmp_path / "T1.tml").write_text(DOC, encoding="utf-8")
    text = "Two rockets hit the base on Sunday. Talks resume in May."
    sunday, may = text.index("Sunday"), text.index("May")
    heideltime = {"T1": [{"start": sunday, "end": sunday + 6, "type": "DATE", "value": "2021-04-04"},
                         {"start": may, "end": may + 3, "type": "DATE", "value": "2020-05"}]}
    found, counts = cases(tmp_path, heideltime)
    assert counts["matched by both"] == 2 and counts["all agree"] == 1
    [case] = found
    assert (case.kind, case.text, case.silver, case.heideltime, case.ours) == \
        ("ours differs", "May", "2020-05", "2020-05", "2021-05")
    report = render(found, counts)
    assert "resume in [[May]]." in report and "| month_alone | 1 | 0 |" in report


def test_documents_heideltime_did_not_tag_are_skipped(tmp_path):
    (tmp_path / "T1.tml").write_text(DOC, encoding="utf-8")
    found, counts = cases(tmp_path, {})
    assert found == [] and counts["documents without HeidelTime output"] == 1
