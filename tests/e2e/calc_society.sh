#!/bin/sh
# tests/e2e/calc_society.sh (issue 14 item 1): `utenfor calc --json`'s
# `society` per measure and for the portfolio is MODEL.md's "The society
# view", recomputed here from the contract alone (Python, not the engine):
# items of every kind and bearer, one in G, a negative one, growth, flat
# discounting, lag, decay, deadweight, a start age of its own, a disabled
# measure left out of the portfolio, tax_cost 25 % (not the default).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

cat >"$tmp/doc.json" <<'JSON'
{"format": "utenfor-workbook", "version": 2,
 "workbook": {"name": "Samfunn", "municipality": "X", "base_year": 2027, "horizon": 6,
              "discount": {"mode": "flat", "rate": 0.04}, "g_amount": 100000,
              "real_growth": 0.02, "society": {"tax_cost": 0.25}},
 "sectors": [{"id": "bv", "name": "Barnevern", "bearer": "kommune", "kostra": ""}],
 "groups": [{"id": "g", "name": "G", "description": "", "entry_age": 16, "items": [
   {"name": "a", "kind": "service", "bearer": "kommune", "sector": "bv", "amount": 10000, "unit": "nok", "from_age": 16, "to_age": 18},
   {"name": "b", "kind": "service", "bearer": "stat", "amount": 0.1, "unit": "g", "from_age": 17, "to_age": 20},
   {"name": "c", "kind": "transfer", "bearer": "stat", "amount": 20000, "unit": "nok", "from_age": 18, "to_age": 66},
   {"name": "d", "kind": "tax", "bearer": "fylkeskommune", "amount": 5000, "unit": "nok", "from_age": 18, "to_age": 66},
   {"name": "e", "kind": "production", "amount": 0.5, "unit": "g", "from_age": 19, "to_age": 66},
   {"name": "f", "kind": "welfare", "amount": -3000, "unit": "nok", "from_age": 16, "to_age": 17}]}],
 "measures": [
   {"name": "M1", "group": "g", "participants": 10, "start_year": 2027, "duration": 2,
    "cost_per_participant": 8000, "payer": {"kommune": 0.5, "bv": 0.5}, "success_rate": 0.4,
    "deadweight": 0.25, "lag": 1, "decay": 0.1, "enabled": true},
   {"name": "M2", "group": "g", "participants": 5, "start_year": 2028, "start_age": 17,
    "duration": 1, "cost_per_participant": 1000, "payer": {"stat": 1}, "success_rate": 0.5,
    "effect_years": 3, "enabled": true},
   {"name": "M3", "group": "g", "participants": 5, "start_year": 2028, "duration": 1,
    "cost_per_participant": 1000, "payer": {"stat": 1}, "success_rate": 0.5, "enabled": false}]}
JSON

"$UTENFOR" calc --json "$tmp/doc.json" >"$tmp/out.json" 2>"$tmp/err" ||
	{ fail "calc --json: $(cat "$tmp/err")"; exit 1; }

python3 - "$tmp/doc.json" "$tmp/out.json" <<'PY' || failures=$((failures + 1))
import json, sys
doc, out = (json.load(open(p)) for p in sys.argv[1:3])
w = doc["workbook"]
H, r, g, tc, G = w["horizon"], w["discount"]["rate"], w["real_growth"], w["society"]["tax_cost"], w["g_amount"]
items = doc["groups"][0]["items"]

def society(m):
    s = m["start_year"] - w["base_year"]
    age0 = m.get("start_age", 16)
    pv_cost = pv_saving = 0.0
    kinds = {"service": 0.0, "production": 0.0, "welfare": 0.0}
    for t in range(H):
        df = (1 + r) ** -t
        if s <= t < s + m["duration"]:
            pv_cost += df * m["participants"] * m["cost_per_participant"]
        k = t - (s + m.get("lag", 0))
        e = m.get("effect_years")
        if k < 0 or (e is not None and k >= e):
            continue
        succ = m["participants"] * m["success_rate"] * (1 - m.get("deadweight", 0)) * (1 - m.get("decay", 0)) ** k
        age = age0 + (t - s)
        for it in items:
            if it["from_age"] <= age <= it["to_age"]:
                v = df * succ * (1 + g) ** t * it["amount"] * (G if it["unit"] == "g" else 1)
                if it["kind"] in ("service", "transfer", "tax"):
                    pv_saving += v
                if it["kind"] in kinds:
                    kinds[it["kind"]] += v
    npv = pv_saving - pv_cost
    return {"pv_services": kinds["service"], "pv_production": kinds["production"],
            "pv_welfare": kinds["welfare"],
            "npv_society": kinds["service"] + kinds["production"] + kinds["welfare"] - pv_cost + tc * npv}

bad = 0
def check(got, want, who):
    global bad
    for key, v in want.items():
        if abs(got[key] - v) > 1e-9 * max(1.0, abs(v)):
            print("FAIL: %s %s: calc says %r, the contract %r" % (who, key, got[key], v))
            bad += 1
port = {"pv_services": 0.0, "pv_production": 0.0, "pv_welfare": 0.0, "npv_society": 0.0}
for m, res in zip(doc["measures"], out["measures"]):
    want = society(m)
    check(res["society"], want, m["name"])
    if m["enabled"]:
        for key in port:
            port[key] += want[key]
check(out["portfolio"]["society"], port, "portfolio")
if min(abs(v) for v in port.values()) == 0:
    print("FAIL: a term of the case is 0 and proves nothing")
    bad += 1
sys.exit(1 if bad else 0)
PY
[ "$failures" -eq 0 ] || exit 1
echo "PASS: calc --json society is the contract's"
