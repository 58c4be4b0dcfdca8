#!/usr/bin/env python3
"""Writes vectors/tally-audit.json: results posts in the Forum's published format, about
fictional ballots and members, each with the audit verdict derived by hand from spec/tally.md
(TALLY-AUDIT-*). The posts are generated from a small template so that each test changes one
thing; the expected verdict of each is written here, beside its case, never taken from cabref.
Run: python3 tools/gen_audit_vectors.py > vectors/tally-audit.json
"""
import json


def names(prefix, n):
    return ", ".join("%s %d" % (prefix, i + 1) for i in range(n))


def post(ballot="XX-001", version="2.5", iss=(10, 0, 0), con=(3, 0, 0), iss_named=None,
         con_named=None, iss_total=None, con_total=None, iss_pct=None, con_pct=None,
         declared="Passed", claims=("MET", "MET", "MET", "MET"), quorum=6,
         disc=("2025 Mar 01, 04:00 UTC", "2025 Mar 08, 04:00 UTC"), disc_label="(7+ days)",
         vote=("2025 Mar 08, 17:00 UTC", "2025 Mar 15, 17:00 UTC"),
         review=("2025-03-20 01:00:00 UTC", "2025-04-19 01:00:00 UTC"), review_days=30,
         guideline="Final Maintenance Guideline", bylaws_heading=True, quorum_text=None):
    iss_named = iss_named or iss
    con_named = con_named or con
    out = ["## IPR Review of Ballot %s: A fictional change" % ballot, ""]
    if review:
        out += ["This Review Notice starts a Review Period of %d days for one %s." %
                (review_days, guideline), "",
                "- Start of Review Period: %s" % review[0],
                "- End of Review Period: %s" % review[1], ""]
    out += ["## Voting Results of Ballot %s: A fictional change" % ballot, "",
            "The voting period has ended and the Ballot has **%s**. The votes cast were:" %
            declared, ""]
    for label, c, named, total, pct in (("Certificate Consumers", con, con_named, con_total,
                                         con_pct),
                                        ("Certificate Issuers", iss, iss_named, iss_total,
                                         iss_pct)):
        y, n, a = c
        out += ["### %d votes by %s" % (total if total is not None else y + n + a, label), "",
                "- %d Yes votes: %s" % (y, names(label.split()[1][:-1] + " Y", named[0])),
                "- %d No votes: %s" % (n, names(label.split()[1][:-1] + " N", named[1])),
                "- %d Abstain votes: %s" % (a, names(label.split()[1][:-1] + " A", named[2])),
                ""]
        if pct is None and y + n > 0:
            pct = 100 * y // (y + n)
        if pct is not None:
            out += ["%d%% of voting %s voted in favor" % (pct, label), ""]
    if bylaws_heading:
        out += ["### Bylaws version %s Requirements" % version, ""]
    out += ["1. The thresholds:",
            " - two-thirds (2/3) or more of the Issuer votes cast in favour. "
            "**This requirement was %s**." % claims[0],
            " - at least fifty percent (50%%) plus one (1) of the Consumer votes cast in favour. "
            "**This requirement was %s**." % claims[1],
            " - At least one (1) Voting Member in each category votes in favour. "
            "**This requirement was %s**." % claims[2]]
    if quorum_text is not None:
        out += ["2. Quorum:", "  - " + quorum_text]
    elif quorum is not None:
        out += ["2. Quorum:", "  - the quorum was %d for this ballot. **This requirement was %s**."
                % (quorum, claims[3])]
    out += ["", "## Ballot %s: A fictional change" % ballot, "",
            "**Discussion Period** %s" % disc_label, "", "- Start: %s" % disc[0],
            "- End: %s" % disc[1], "", "**Voting Period** (7 days)", "",
            "- Start: %s" % vote[0], "- End: %s" % vote[1], ""]
    return "\n".join(out)


NOTES = {
    "QuorumInProse": ("EDGE_CASE", "The quorum figure is stated in a sentence of its own, with "
                      "no MET / NOT MET claim after it; it is read wherever it stands.",
                      "Bylaws 2.5 §2.3(7)", ["TALLY-AUDIT-QUORUM", "TALLY-QUORUM-PART"]),
    "QuorumUnstated": ("EDGE_CASE", "The post states no quorum figure under Bylaws that have a "
                       "quorum rule: the validity cannot be checked, the recomputed outcome is "
                       "indeterminate (the counts' outcome if the quorum was met, else invalid).",
                       "Bylaws 2.5 §2.3(7)", ["TALLY-AUDIT-QUORUM"]),
    "ConsistentPost": ("BASIC", "A post whose counts, claims, periods and outcome agree.",
                       "Bylaws 2.5 §2.3(6)-(7)", ["TALLY-AUDIT-RULES", "TALLY-AUDIT-OUTCOME"]),
    "CountMismatch": ("MALFORMED_RESULTS", "A stated count disagrees with the names listed or "
                      "with the category total.", "Bylaws 2.5 §2.3(8) (results announced)",
                      ["TALLY-AUDIT-COUNT"]),
    "PercentMismatch": ("MALFORMED_RESULTS", "The stated percentage in favour is neither "
                        "100·Y/(Y+N) rounded down nor rounded to nearest.",
                        "Bylaws 2.5 §2.3(5)-(6)", ["TALLY-AUDIT-PERCENT"]),
    "ClaimContradicted": ("MALFORMED_RESULTS", "A 'requirement was MET/NOT MET' statement "
                          "that the published counts contradict.", "Bylaws 2.5 §2.3(6)-(7)",
                          ["TALLY-AUDIT-RULES", "TALLY-THR-ISSUER", "TALLY-THR-CONSUMER",
                           "TALLY-QUORUM-PART", "TALLY-YES-EACH"]),
    "OutcomeContradicted": ("MALFORMED_RESULTS", "The declared outcome is not the one the "
                            "published counts give (and a Review Period announced for a ballot "
                            "that did not pass is contradicted with it).", "Bylaws 2.5 §2.3(6)-(7)",
                            ["TALLY-AUDIT-OUTCOME", "TALLY-OUTCOME"]),
    "PeriodLength": ("MALFORMED_RESULTS", "A stated period has the wrong length (voting exactly "
                     "7 days; review 30 or 60 days).", "Bylaws 2.5 §2.3(4); IPR Policy §4.1",
                     ["TALLY-AUDIT-PERIODS", "TALLY-PERIOD-VOTING", "TALLY-REVIEW"]),
    "PeriodLabel": ("EDGE_CASE", "A period label such as '(14+ days)' that its own dates "
                    "contradict: a warning, not an inconsistency, since no rule depends on it.",
                    "Bylaws 2.5 §2.3(3)", ["TALLY-AUDIT-PERIODS"]),
    "AbstentionsExcluded": ("EDGE_CASE", "Abstentions are outside the ratio but inside the "
                            "quorum count.", "Bylaws 2.5 §2.3(5), §2.3(7)",
                            ["TALLY-THR-ABSTAIN", "TALLY-QUORUM-PART", "TALLY-AUDIT-RULES"]),
    "NotAResultsPost": ("MALFORMED_RESULTS", "Text without category counts or a Bylaws version "
                        "heading cannot be audited.", "—", ["TALLY-AUDIT-COUNT"]),
}
LINKS = {
    "default": ["https://github.com/cabforum/forum/blob/main/Bylaws.md"],
    "PeriodLength": ["https://github.com/cabforum/forum/blob/main/Bylaws.md",
                     "https://cabforum.org/about/ipr-policy/"],
}

# (comment, flags, post kwargs, result, reason (inconsistencies), outcome, warnings)
CASES = [
    ("Consistent post: 10/0/0 issuers, 3/0/0 consumers, 13 participants, quorum 6; every rule "
     "met and declared so; 7-day discussion labelled (7+ days); 30-day review.",
     ["ConsistentPost"], {}, "consistent", [], "passed", []),
    ("Issuer yes count stated as 10 but 9 names listed: TALLY-AUDIT-COUNT.",
     ["CountMismatch"], {"iss_named": (9, 0, 0)}, "inconsistent", ["names-count-mismatch"],
     "passed", []),
    ("Issuer total stated as 11 while 10+0+0 = 10 (compare Ballot 208's published total).",
     ["CountMismatch"], {"iss_total": 11}, "inconsistent", ["total-mismatch"], "passed", []),
    ("Consumers: total stated 4, yes stated 3 with 4 names listed, 0 no, 0 abstain: the names "
     "(4) disagree with the yes count (3), and the total (4) with 3+0+0.",
     ["CountMismatch"], {"con_named": (4, 0, 0), "con_total": 4}, "inconsistent",
     ["names-count-mismatch", "total-mismatch"], "passed", []),
    ("Issuers 12 yes, 1 no: 100*12/13 = 92.3; 100% stated (compare FORUM-020 v2's list e-mail).",
     ["PercentMismatch"], {"iss": (12, 1, 0), "iss_pct": 100}, "inconsistent",
     ["percent-mismatch"], "passed", []),
    ("Issuers 2 yes, 1 no: 66.67%; 67% stated is the nearest-integer convention: accepted.",
     ["PercentMismatch"], {"iss": (2, 1, 0), "iss_pct": 67}, "consistent", [], "passed", []),
    ("Issuers 2 yes, 1 no: 66% stated is the rounded-down convention: accepted.",
     ["PercentMismatch"], {"iss": (2, 1, 0), "iss_pct": 66}, "consistent", [], "passed", []),
    ("Issuers 12 yes, 7 no (63%, as Ballot 202) declared MET and the ballot declared passed: "
     "12 < 2*7 so the two-thirds rule fails; the claim and the outcome are both contradicted.",
     ["ClaimContradicted", "OutcomeContradicted"], {"iss": (12, 7, 0)}, "inconsistent",
     ["claim-issuer-threshold", "review-without-pass", "outcome-mismatch"], "failed", []),
    ("Same counts, declared NOT MET and failed: consistent.",
     ["ClaimContradicted"], {"iss": (12, 7, 0), "claims": ("NOT MET", "MET", "MET", "MET"),
                             "declared": "Failed", "review": None}, "consistent", [], "failed",
     []),
    ("Consumers 2 yes, 2 no (exactly 50%, as Ballots 185 and 208) declared MET: 2*2 > 4 is "
     "false, so the consumer rule fails; claim and outcome contradicted.",
     ["ClaimContradicted", "OutcomeContradicted"], {"con": (2, 2, 0)}, "inconsistent",
     ["claim-consumer-threshold", "review-without-pass", "outcome-mismatch"], "failed", []),
    ("Consumers 1 yes of 1 (as FORUM-020 v2 and CSC-13) declared MET: strict majority, "
     "consistent.", ["ConsistentPost"], {"con": (1, 0, 0)}, "consistent", [], "passed", []),
    ("Consumers 2 yes, 1 no (as SMC013) declared MET: 4 > 3, consistent.",
     ["ConsistentPost"], {"con": (2, 1, 0)}, "consistent", [], "passed", []),
    ("Quorum 15 declared MET with 7+1 = 8 participants (as CSC-13's template text): 8 < 15, the "
     "result is invalid; claim and outcome contradicted.",
     ["ClaimContradicted", "OutcomeContradicted"], {"iss": (7, 0, 0), "con": (1, 0, 0),
                                                    "quorum": 15}, "inconsistent",
     ["claim-quorum", "review-without-pass", "outcome-mismatch"], "invalid", []),
    ("Quorum met exactly: 4+2 = 6 participants, quorum 6.", ["ConsistentPost"],
     {"iss": (4, 0, 0), "con": (2, 0, 0)}, "consistent", [], "passed", []),
    ("Quorum missed by one: 3+2 = 5 participants, quorum 6, declared NOT MET and failed. The "
     "outcome of a ballot without quorum is invalid, not failed: the declared word is "
     "contradicted.", ["OutcomeContradicted"],
     {"iss": (3, 0, 0), "con": (2, 0, 0), "claims": ("MET", "MET", "MET", "NOT MET"),
      "declared": "Failed", "review": None}, "inconsistent", ["outcome-mismatch"], "invalid",
     []),
    ("Declared Failed although every rule is met by the counts (compare SC22's header and "
     "text).", ["OutcomeContradicted"], {"declared": "Failed", "review": None}, "inconsistent",
     ["outcome-mismatch"], "passed", []),
    ("Issuers 7 yes, 3 no, 9 abstain (as SC-64): 7 >= 2*3 with abstentions outside the ratio; "
     "19+3 = 22 participants for quorum.", ["AbstentionsExcluded"], {"iss": (7, 3, 9)},
     "consistent", [], "passed", []),
    ("Consumers only abstain (0/0/2) but the one-yes rule is declared MET: no consumer voted "
     "yes, so the consumer threshold (no ratio) and the one-yes rule both fail.",
     ["ClaimContradicted", "OutcomeContradicted", "AbstentionsExcluded"],
     {"con": (0, 0, 2), "con_pct": None}, "inconsistent",
     ["claim-consumer-threshold", "claim-yes-each", "review-without-pass",
      "outcome-mismatch"], "failed", []),
    ("Voting period of 8 days (Mar 08 to Mar 16): Bylaws 2.5 §2.3(4) requires exactly 7; the "
     "ballot is invalid, so the declared pass is contradicted too.",
     ["PeriodLength", "OutcomeContradicted"],
     {"vote": ("2025 Mar 08, 17:00 UTC", "2025 Mar 16, 17:00 UTC")}, "inconsistent",
     ["voting-period-length", "review-without-pass", "outcome-mismatch"], "invalid", []),
    ("Review Period of 31 days stated as 30 for a Final Maintenance Guideline (IPR Policy "
     "§4.1: 30 days).", ["PeriodLength"],
     {"review": ("2025-03-20 01:00:00 UTC", "2025-04-20 01:00:00 UTC")}, "inconsistent",
     ["review-period-length", "review-days-mismatch"], "passed", []),
    ("A Final Guideline with a 60-day Review Period: consistent.", ["PeriodLength"],
     {"guideline": "Final Guideline", "review_days": 60,
      "review": ("2025-03-20 01:00:00 UTC", "2025-05-19 01:00:00 UTC")}, "consistent", [],
     "passed", []),
    ("Discussion labelled (14+ days) but its dates span 7 days (as NS-007): a warning only; "
     "Bylaws 2.5 needs at least 7 days, which holds.", ["PeriodLabel"],
     {"disc_label": "(14+ days)"}, "consistent", [], "passed", ["period-label"]),
    ("Discussion of 6 days before voting under Bylaws 2.5 (at least 7 required): the ballot is "
     "invalid, and its label (7+ days) is contradicted by its dates.",
     ["PeriodLength", "PeriodLabel", "OutcomeContradicted"],
     {"disc": ("2025 Mar 02, 17:00 UTC", "2025 Mar 08, 17:00 UTC")}, "inconsistent",
     ["discussion-period", "review-without-pass", "outcome-mismatch"], "invalid", ["period-label"]),
    ("No quorum figure stated: validity cannot be recomputed (a warning); the counts give "
     "passed if the quorum was met, invalid otherwise: indeterminate, and the declared passed is "
     "one of the two (TALLY-AUDIT-QUORUM).", ["QuorumUnstated"], {"quorum": None}, "consistent",
     [], "indeterminate", ["quorum-unstated"]),
    ("No Bylaws version heading: not an auditable results post.", ["NotAResultsPost"],
     {"bylaws_heading": False}, "error", ["bad-input"], None, None),
    ("Bylaws 2.4 post, same counts: the 2.4 rules are the same for the tally.",
     ["ConsistentPost"], {"version": "2.4"}, "consistent", [], "passed", []),
    # TALLY-AUDIT-QUORUM (issue 15): the figure in prose, without a claim.
    ("The quorum stated in prose with no MET / NOT MET after it: 3+1 = 4 participants, quorum 6: "
     "the ballot is invalid (4 < 6), so the declared passed and the Review Period are "
     "contradicted; that no claim is made is a warning.", ["QuorumInProse", "OutcomeContradicted"],
     {"iss": (3, 0, 0), "con": (1, 0, 0),
      "quorum_text": "The quorum for this ballot was 6 Voting Members."},
     "inconsistent", ["review-without-pass", "outcome-mismatch"], "invalid", ["claim-unstated"]),
    ("The same post declared Invalid, without a Review Period: consistent.", ["QuorumInProse"],
     {"iss": (3, 0, 0), "con": (1, 0, 0), "declared": "Invalid", "review": None,
      "quorum_text": "The quorum for this ballot was 6 Voting Members."},
     "consistent", [], "invalid", ["claim-unstated"]),
    ("'Quorum: 6' and 4+2 = 6 participants: met exactly.", ["QuorumInProse"],
     {"iss": (4, 0, 0), "con": (2, 0, 0), "quorum_text": "Quorum: 6"}, "consistent", [],
     "passed", ["claim-unstated"]),
    ("'a quorum of seven (7) Voting Members' with 6 participants: invalid.", ["QuorumInProse"],
     {"iss": (4, 0, 0), "con": (2, 0, 0), "declared": "Invalid", "review": None,
      "quorum_text": "This ballot needed a quorum of seven (7) Voting Members."},
     "consistent", [], "invalid", ["claim-unstated"]),
    ("No quorum stated, the Issuer rule not met (2 yes, 2 no) and the ballot declared failed: "
     "failed if the quorum was met, invalid otherwise: indeterminate, and failed is one of them.",
     ["QuorumUnstated"], {"iss": (2, 2, 0), "quorum": None, "declared": "Failed",
                          "claims": ("NOT MET", "MET", "MET", "MET"), "review": None},
     "consistent", [], "indeterminate", ["quorum-unstated"]),
    ("No quorum stated, every threshold met, declared failed: neither passed nor invalid.",
     ["QuorumUnstated", "OutcomeContradicted"], {"quorum": None, "declared": "Failed",
                                                 "review": None},
     "inconsistent", ["outcome-mismatch"], "indeterminate", ["quorum-unstated"]),
    ("A sentence about the quorum rule that gives no figure ('the quorum rule of Bylaw "
     "2.3(7)'): 2.3(7) is a clause number, not a quorum; no figure is stated.",
     ["QuorumUnstated"], {"quorum_text": "The quorum rule of Bylaw 2.3(7) applies to this "
                                         "ballot."},
     "consistent", [], "indeterminate", ["quorum-unstated"]),
    ("No quorum stated, every threshold met, declared invalid (as if the quorum was missed): "
     "possible, so consistent; the validity stays unchecked.", ["QuorumUnstated"],
     {"quorum": None, "declared": "Invalid", "review": None}, "consistent", [], "indeterminate",
     ["quorum-unstated"]),
]


def main():
    tests = []
    for i, (comment, flags, kw, result, reason, outcome, warnings) in enumerate(CASES, 1):
        t = {"tcId": i, "comment": comment, "flags": flags, "input": {"text": post(**kw)},
             "result": result, "reason": reason}
        if outcome is not None:
            t["expect"] = {"outcome": outcome, "warnings": warnings}
        tests.append(t)
    notes = {k: {"bugType": v[0], "description": v[1], "clause": v[2],
                 "links": LINKS.get(k, LINKS["default"]), "requirements": v[3]}
             for k, v in NOTES.items()}
    doc = {"algorithm": "CABF-BALLOT-RESULTS-AUDIT", "schema": "tally-audit.schema.json",
           "generatorVersion": "1", "numberOfTests": len(tests),
           "header": ["Results posts in the CA/Browser Forum's published format, about fictional "
                      "ballots and members, each changed in one respect; the verdict is derived "
                      "from spec/tally.md (TALLY-AUDIT-*).",
                      "result: consistent | inconsistent | error; reason: the inconsistency "
                      "codes (a set); expect.outcome: the outcome the published counts give; "
                      "expect.warnings: warning codes in the order the checks run."],
           "notes": notes,
           "testGroups": [{"type": "AuditTest", "comment": "cabref tally audit", "tests": tests}]}
    print(json.dumps(doc, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
