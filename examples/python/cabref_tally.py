#!/usr/bin/env python3
"""cabref_tally.py - an independent external implementation of the cabref ballot tally.

Written from spec/tally.md and spec/tally-formats.md only (standard library only). It speaks
the external-implementation protocol of spec/tally-formats.md section 5: one JSON request per
line on standard input, one JSON response per line on standard output, flushed after each.

    request:  {"schema": "tally.schema.json", "type": "TallyTest", "tcId": 7, "input": {...}}
    response: {"tcId": 7, "result": "failed", "reason": ["issuer-threshold"], "quorum": 6, ...}

Unknown test types are answered with {"tcId": N, "result": "unsupported"}.
The function tally(ballot) can also be used in-process (see run_vectors.py).
"""

import json
import re
import sys

DAY = 86400

# Rule-set names in chronological order (TALLY-VERSION).
RULE_SETS = ["pre-ballot-4", "ballot-4", "ballot-5",
             "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
             "1.8", "1.9", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"]
RANK = {name: i for i, name in enumerate(RULE_SETS)}

# In force from (UTC), used by "auto" (spec/tally.md, TALLY-VERSION table and the list of
# effective dates). 1.0 is given as approximate (2012-11-30); 00:00 UTC is assumed.
IN_FORCE = [
    ("ballot-4", "2007-12-15T22:00:00Z"), ("ballot-5", "2008-01-18T22:00:00Z"),
    ("1.0", "2012-11-30T00:00:00Z"), ("1.1", "2014-03-25T00:00:00Z"),
    ("1.2", "2014-10-16T00:00:00Z"), ("1.3", "2015-07-10T00:00:00Z"),
    ("1.4", "2016-04-04T00:00:00Z"), ("1.5", "2017-01-31T00:00:00Z"),
    ("1.6", "2017-05-30T00:00:00Z"), ("1.7", "2017-07-06T00:00:00Z"),
    ("1.8", "2017-12-21T00:00:00Z"), ("1.9", "2018-07-03T00:00:00Z"),
    ("2.0", "2018-09-28T00:00:00Z"), ("2.1", "2018-10-01T00:00:00Z"),
    ("2.2", "2019-05-21T00:00:00Z"), ("2.3", "2020-05-26T00:00:00Z"),
    ("2.4", "2022-08-03T00:00:00Z"), ("2.5", "2023-07-20T00:00:00Z"),
]

REASON_ORDER = ["no-quorum", "voting-period-length", "discussion-too-short",
                "discussion-too-long", "voting-before-discussion-end", "quiet-period",
                "auto-failed", "issuer-threshold", "consumer-threshold", "issuer-no-yes",
                "consumer-no-yes", "exclusion-notice", "withdrawn"]
INVALID_REASONS = set(REASON_ORDER[:6])
FAILED_REASONS = set(REASON_ORDER[6:11])

CATEGORIES = {"issuer", "consumer", "associate", "probationary", "interested-party",
              "affiliate", "non-member"}
VOTES = {"yes", "no", "abstain", "unclear"}
KINDS = {"other", "maintenance-guideline", "new-guideline"}
BOUNDARIES = {"exclusive", "inclusive"}
CONSUMER_RULES = {"strict-majority", "literal", "half-or-more"}
MAX_COUNT = 2 ** 31


class InputError(Exception):
    """An input error; its argument is the machine-readable code."""


# ---------------------------------------------------------------- instants (formats section 1)

_INSTANT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_from_civil(y, m, d):
    """Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def parse_instant(text):
    """RFC 3339 UTC instant with whole seconds and 'Z' -> seconds since the epoch."""
    if not isinstance(text, str):
        raise InputError("bad-time")
    m = _INSTANT.fullmatch(text)
    if not m:
        raise InputError("bad-time")
    y, mo, d, h, mi, s = (int(g) for g in m.groups())
    if not 1 <= y <= 9999 or not 1 <= mo <= 12:
        raise InputError("bad-time")
    mdays = [31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    if not 1 <= d <= mdays or h > 23 or mi > 59 or s > 59:
        raise InputError("bad-time")
    return _days_from_civil(y, mo, d) * DAY + h * 3600 + mi * 60 + s


def format_instant(t):
    days, rem = divmod(t, DAY)
    y, mo, d = _civil_from_days(days)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, rem // 3600, rem // 60 % 60, rem % 60)


# ---------------------------------------------------------------- input checking (section 2)

def _obj(value, allowed, required=()):
    if not isinstance(value, dict):
        raise InputError("bad-input")
    for k in value:
        if k not in allowed:
            raise InputError("bad-input")
    for k in required:
        if k not in value:
            raise InputError("bad-input")
    return value


def _str(value):
    if not isinstance(value, str):
        raise InputError("bad-input")
    return value


def _enum(value, allowed):
    if not isinstance(value, str) or value not in allowed:
        raise InputError("bad-input")
    return value


def _count(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise InputError("bad-input")
    return value


def _member_key(name):
    if not isinstance(name, str) or not name:
        raise InputError("bad-input")
    if len(name.encode("utf-8", "surrogatepass")) > 200:
        raise InputError("bad-input")
    for ch in name:
        o = ord(ch)
        if o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F:
            raise InputError("bad-input")
    # ASCII case-insensitive, surrounding blanks ignored (TALLY-VOTE-ONE).
    key = name.strip(" \t")
    key = "".join(c.lower() if "A" <= c <= "Z" else c for c in key)
    if not key:
        raise InputError("bad-input")
    return key


def _resolve_auto(start):
    name = "pre-ballot-4"
    for version, since in IN_FORCE:
        if start >= parse_instant(since):
            name = version
    return name


# ---------------------------------------------------------------- the tally

def tally(ballot):
    """Tally one ballot object (formats section 2). Returns a response dict without tcId."""
    try:
        return _tally(ballot)
    except InputError as e:
        return {"result": "error", "reason": [e.args[0]]}


def _tally(b):
    _obj(b, {"ballot", "bylaws", "kind", "list", "discussion", "voting", "boundary",
             "consumerRule", "quorum", "attendance", "review", "votes", "round", "withdrawn",
             "memberStatus"},
         ("bylaws", "voting", "votes"))
    if "ballot" in b:
        _str(b["ballot"])
    bylaws = _str(b["bylaws"])
    kind = _enum(b.get("kind", "other"), KINDS)
    ballot_list = _str(b.get("list", "public"))
    boundary = _enum(b.get("boundary", "exclusive"), BOUNDARIES)
    consumer_rule = b.get("consumerRule")
    if consumer_rule is not None:
        _enum(consumer_rule, CONSUMER_RULES)

    voting = _obj(b["voting"], {"start", "end"}, ("start", "end"))
    v_start = parse_instant(voting["start"])
    v_end = parse_instant(voting["end"])

    disc = None
    if "discussion" in b:
        d = _obj(b["discussion"], {"start", "end", "lastVersion"}, ("start",))
        d_start = parse_instant(d["start"])
        disc = {"start": d_start,
                "end": parse_instant(d["end"]) if "end" in d else None,
                "last": parse_instant(d["lastVersion"]) if "lastVersion" in d else d_start}

    quorum_given = _count(b["quorum"]) if "quorum" in b else None
    attendance = None
    if "attendance" in b:
        att = b["attendance"]
        if not isinstance(att, list) or len(att) != 3:
            raise InputError("bad-input")
        attendance = [_count(a) for a in att]

    review = None
    if "review" in b:
        r = _obj(b["review"], {"start", "exclusionNotices"})
        notices = r.get("exclusionNotices", [])
        if not isinstance(notices, list):
            raise InputError("bad-input")
        review = {"start": parse_instant(r["start"]) if "start" in r else None,
                  "notices": [parse_instant(n) for n in notices]}

    # TALLY-SECOND-VOTE, TALLY-WITHDRAWN, TALLY-VOTE-STATUS inputs.
    second = _enum(b.get("round", "initial"), {"initial", "second"}) == "second"
    withdrawn = parse_instant(b["withdrawn"]) if "withdrawn" in b else None
    status = b.get("memberStatus", [])
    if not isinstance(status, list):
        raise InputError("bad-input")
    changes = []
    for c in status:
        _obj(c, {"member", "time", "status"}, ("member", "time", "status"))
        changes.append((_member_key(c["member"]), parse_instant(c["time"]),
                        _enum(c["status"], {"joins", "suspended", "leaves"})))

    votes = b["votes"]
    if not isinstance(votes, list):
        raise InputError("bad-input")
    messages = []
    for v in votes:
        _obj(v, {"member", "category", "time", "vote", "list", "representative"},
             ("member", "category", "time", "vote"))
        key = _member_key(v["member"])
        cat = v["category"]
        if not isinstance(cat, str):
            raise InputError("bad-input")
        if cat not in CATEGORIES:
            raise InputError("unknown-category")
        t = parse_instant(v["time"])
        vote = _enum(v["vote"], VOTES)
        vlist = _str(v.get("list", ballot_list))
        rep = v.get("representative", True)
        if not isinstance(rep, bool):
            raise InputError("bad-input")
        messages.append((key, cat, t, vote, vlist, rep))

    # Rule set (TALLY-VERSION-1).
    if bylaws == "auto":
        rules = _resolve_auto(v_start)
    elif bylaws in RANK:
        rules = bylaws
    else:
        raise InputError("unknown-bylaws")
    rank = RANK[rules]

    if v_end <= v_start:
        raise InputError("bad-period")

    # One category per member across all its messages (TALLY-VOTE-ONE).
    category_of = {}
    for key, cat, *_ in messages:
        if category_of.setdefault(key, cat) != cat:
            raise InputError("inconsistent-category")

    # A Second Vote: only for Draft Guideline Ballots, from Bylaws 1.5, without a review.
    if second and (kind == "other" or rank < RANK["1.5"] or "review" in b):
        raise InputError("bad-input")

    # Each member's voting interval [joins, suspended or leaves) (TALLY-VOTE-STATUS); a change
    # naming a member that cast no vote changes nothing; two intervals are refused.
    interval = {}
    for key, t, st in changes:
        if key not in category_of:
            continue
        lo, hi = interval.get(key, (None, None))
        if st == "joins":
            if lo is not None:
                raise InputError("bad-input")
            lo = t
        else:
            if hi is not None:
                raise InputError("bad-input")
            hi = t
        if lo is not None and hi is not None and lo >= hi:
            raise InputError("bad-input")
        interval[key] = (lo, hi)

    # Quorum (TALLY-QUORUM-*).
    if quorum_given is not None:
        quorum = quorum_given
    elif rank >= RANK["ballot-5"]:
        if attendance is None:
            raise InputError("missing-quorum")
        quorum = sum(attendance) // 6 + 1
    else:
        quorum = 0

    # Counted votes (TALLY-VOTE-*).
    counted = {}  # member key -> (time, vote)
    for key, cat, t, vote, vlist, rep in messages:
        if vote == "unclear" or cat not in ("issuer", "consumer"):
            continue
        lo, hi = interval.get(key, (None, None))
        if (lo is not None and t < lo) or (hi is not None and t >= hi):
            continue
        if not rep and rank >= RANK["2.3"]:
            continue
        if vlist != ballot_list and rank >= RANK["1.5"]:  # Bylaws 1.5 s2.2(d), Ballot 183
            continue
        if t < v_start or t > v_end or (t == v_end and boundary == "exclusive"):
            continue
        prev = counted.get(key)
        if prev is None or t >= prev[0]:  # later in the log wins a tie
            counted[key] = (t, vote)

    tallies = {"issuer": {"yes": 0, "no": 0, "abstain": 0},
               "consumer": {"yes": 0, "no": 0, "abstain": 0}}
    for key, (_, vote) in counted.items():
        tallies[category_of[key]][vote] += 1
    participants = len(counted)

    reasons = set()
    if participants < quorum:
        reasons.add("no-quorum")
    if rank >= RANK["1.0"] and v_end - v_start != 7 * DAY:
        reasons.add("voting-period-length")
    if disc is not None and rank >= RANK["1.0"]:
        length = v_start - disc["start"]
        if length < 7 * DAY:
            reasons.add("discussion-too-short")
        if RANK["1.5"] <= rank <= RANK["1.7"]:
            if length > 14 * DAY:
                reasons.add("discussion-too-long")
            if disc["end"] is not None and v_start < disc["end"]:
                reasons.add("voting-before-discussion-end")
        if rank >= RANK["1.8"]:
            since_last = v_start - disc["last"]
            if since_last < 7 * DAY:
                reasons.add("quiet-period")
            limit = 90 if rank >= RANK["2.5"] else 21
            if since_last > limit * DAY:
                reasons.add("auto-failed")

    iy, in_ = tallies["issuer"]["yes"], tallies["issuer"]["no"]
    if not (iy + in_ >= 1 and iy >= 2 * in_):
        reasons.add("issuer-threshold")
    rule = consumer_rule or ("half-or-more" if rules == "pre-ballot-4" else "strict-majority")
    cy, cn = tallies["consumer"]["yes"], tallies["consumer"]["no"]
    if rule == "strict-majority":
        ok = 2 * cy > cy + cn
    elif rule == "literal":
        ok = 2 * cy >= cy + cn + 2
    else:
        ok = 2 * cy >= cy + cn
    if not (cy + cn >= 1 and ok):
        reasons.add("consumer-threshold")
    if rank >= RANK["1.0"]:
        if iy == 0:
            reasons.add("issuer-no-yes")
        if cy == 0:
            reasons.add("consumer-no-yes")

    if reasons & INVALID_REASONS:
        result = "invalid"
    elif reasons & FAILED_REASONS:
        result = "failed"
    else:
        result = "passed"

    out = {"result": result, "quorum": quorum, "participants": participants,
           "issuer": tallies["issuer"], "consumer": tallies["consumer"]}
    if (result == "passed" and kind != "other" and review is not None
            and review["start"] is not None):
        r_start = review["start"]
        r_end = r_start + (60 if kind == "new-guideline" else 30) * DAY
        out["reviewEnd"] = format_instant(r_end)
        if any(r_start <= n < r_end for n in review["notices"]):
            result = "rescinded"
            reasons.add("exclusion-notice")
        else:
            out["effective"] = format_instant(r_end)
    # TALLY-WITHDRAWN: before voting always; during voting (end as the boundary says) from 2.5.
    if withdrawn is not None:
        during = v_start <= withdrawn and (withdrawn < v_end or
                                           (withdrawn == v_end and boundary == "inclusive"))
        if withdrawn < v_start or (during and rank >= RANK["2.5"]):
            result = "withdrawn"
            reasons = {"withdrawn"}
            out.pop("reviewEnd", None)
            out.pop("effective", None)
    out["result"] = result
    out["reason"] = [r for r in REASON_ORDER if r in reasons]
    return out


# ---------------------------------------------------------------- protocol (section 5)

def answer(request):
    """One protocol request object -> one response object."""
    tc_id = request.get("tcId") if isinstance(request, dict) else None
    if not isinstance(request, dict) or request.get("type") != "TallyTest":
        return {"tcId": tc_id, "result": "unsupported"}
    response = {"tcId": tc_id}
    response.update(tally(request.get("input")))
    return response


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError:
            response = {"tcId": None, "result": "error", "reason": ["bad-input"]}
        else:
            response = answer(request)
        sys.stdout.write(json.dumps(response, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
