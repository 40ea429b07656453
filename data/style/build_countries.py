#!/usr/bin/env python3
"""Build data/style/countries.tsv, the name table of STY014, from two shared files:

  catalog/member_states.tsv               the 193 Member States and 2 observer States:
                                          official short names, accepted forms, former
                                          names (name@year) and non-official forms
  sources/country_name_forms_in_texts.tsv each non-official form counted in the 3,579
                                          adopted texts, with where its uses are legitimate

Usage: python3 data/style/build_countries.py [SHARED_DATA_DIR]   (default ../shared/data)

Columns written: form, official, use, since, texts, verdict.
`use` says when STY014 reports the form:
  official  an official short name or accepted form: never reported; listed so that
            the longest name wins ("Guinea" inside "Papua New Guinea")
  flag      always (in the resolution's own running text)
  council   Security Council practice ("Iran", "Syria", "United States"): reported
            outside Security Council texts only
  defined   an abbreviation the Council defines ("Central African Republic (CAR)"):
            reported unless the text defines it or is a Security Council text
  former    a former name: reported in texts adopted on or after `since` (and in
            texts without a date, i.e. drafts)
Forms the evidence file finds legitimate in running text (proper names such as
"Korea" in "Workers' Party of Korea", "Palestine" in GA formulae, formal names such as
"Republic of Croatia") are left out: the rule does not report them.
"""
import csv
import os
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")

# Dates of the changes of name the evidence file states (day precision where it
# gives one); other former names change on 1 January of their year.
CHANGE_DATES = {
    "Turkey": "2022-06-01",
    "Netherlands": "2023-11-02",
    "Czech Republic": "2016-07-01",
    "the former Yugoslav Republic of Macedonia": "2019-02-14",
    "Swaziland": "2018-04-19",
    "Cape Verde": "2013-10-24",
    "Libyan Arab Jamahiriya": "2011-09-16",
    "East Timor": "2002-05-20",
    "Federal Republic of Yugoslavia": "2003-02-04",
    "Yugoslavia": "2003-02-04",
    "Serbia and Montenegro": "2006-06-03",
}
# Former names that stay legitimate after the change: "Palestine" (the evidence
# file: "do not flag") and "Yugoslavia", which after 2003 names the former
# Socialist Federal Republic ("International Tribunal for the Former Yugoslavia"),
# not Serbia.
FORMER_KEPT = {"Palestine", "Yugoslavia"}
# Non-official forms by how the rule treats them (see the docstring).
COUNCIL = {"Iran", "Syria", "United States", "United Kingdom", "Russia", "Tanzania"}
DEFINED = {"CAR", "DRC", "DPRK"}
NOT_REPORTED = {
    # proper names, places and distinct entities (evidence: legitimate)
    "Korea", "Palestinian Authority", "Micronesia", "Antigua", "America", "England",
    "Kampuchea", "Islamic Emirate of Afghanistan", "the Ukraine", "São Tomé and Príncipe",
    # formal names: style, not an error (evidence)
    "People’s Republic of China", "Republic of the Congo",
}


def main():
    with open(os.path.join(SHARED, "sources", "country_name_forms_in_texts.tsv"), encoding="utf-8") as f:
        evidence = {row["form"]: row for row in csv.DictReader(f, delimiter="\t")}
    rows = []
    with open(os.path.join(SHARED, "catalog", "member_states.tsv"), encoding="utf-8") as f:
        states = list(csv.DictReader(f, delimiter="\t"))
    for state in states:
        official = state["name"]
        rows.append((official, official, "official", "", state["count_in_texts"], state["status"]))
        for accepted in filter(None, state["accepted_forms"].split(";")):
            rows.append((accepted, official, "official", "", "", "accepted form"))
        if "’" in official:
            rows.append((official.replace("’", "'"), official, "official", "", "", "straight apostrophe"))
        for former in filter(None, state["former_names"].split(";")):
            name, year = former.rsplit("@", 1)
            if name in FORMER_KEPT:
                continue
            since = CHANGE_DATES.get(name, f"{year}-01-01")
            row = evidence.get(name, {})
            rows.append((name, official, "former", since, row.get("occurrences", ""), row.get("legitimate", "")))
            if name.startswith("the "):
                # Some Council texts capitalize the article ("The former Yugoslav ...").
                rows.append(("The " + name[4:], official, "former", since, "", "capitalized article"))
        for form in filter(None, state["non_official_forms"].split(";")):
            if form in NOT_REPORTED:
                continue
            use = "council" if form in COUNCIL else "defined" if form in DEFINED else "flag"
            row = evidence.get(form, {})
            rows.append((form, official, use, "", row.get("occurrences", ""), row.get("legitimate", "")))
            if "’" in form:
                rows.append((form.replace("’", "'"), official, use, "", "", "straight apostrophe"))
    out = ["form\tofficial\tuse\tsince\ttexts\tverdict"]
    seen = set()
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        out.append("\t".join(row))
    with open(os.path.join(os.path.dirname(__file__), "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    uses = {}
    for line in out[1:]:
        use = line.split("\t")[2]
        uses[use] = uses.get(use, 0) + 1
    print(f"{len(out) - 1} forms for {len(states)} States: {uses}")


if __name__ == "__main__":
    main()
