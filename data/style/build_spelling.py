#!/usr/bin/env python3
"""Build data/style/spelling.tsv: the words STY001-STY003 flag, with their UN form.

Usage: python3 data/style/build_spelling.py [SHARED_DATA_DIR]   (default ../shared/data)

STY001 (-ize): the stems are those the 3,579 adopted texts of shared/data/corpus and
shared/data/extended themselves spell with -ize/-ization (every stem seen there, minus
words whose -ise form is not a spelling variant: seize, size, prize, Belize, maize ...),
so the list is the UN's own vocabulary; each stem yields its -ise forms. Words that keep
-yse and root -ise (analyse, advise ...) yield their wrong -yze/-ize forms.
STY002/STY003: the Concise Oxford first forms named by the drafting spec (§8) and the
common American forms of the same families.

The script prints, for every wrong form, how often it occurs in the texts (whole files,
footnotes and annexes included); the `corpus` column keeps that count. It reads the
texts only to count: nothing of them is copied.
"""
import collections
import os
import re
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")

IZE_SUFFIXES = ["ize", "izes", "ized", "izing", "ization", "izations", "izational", "izer", "izers"]
# Stems seen with -ize in the texts whose -ise form is no spelling variant, or typos.
NOT_VARIANTS = {"se", "s", "pr", "bel", "ma", "downs", "ion", "valor", "biennial", "biennal",
                "triennial", "triennal", "level", "custom", "computer", "platform", "rights",
                "mytholog", "infantil", "annual", "vapor", "securit", "memorial", "capsi", "cap"}
# -yse words and words whose -ise is part of the root: their -ize spelling is wrong.
YSE = {"analys": "analyz", "paralys": "paralyz", "catalys": "catalyz", "dialys": "dialyz"}
YSE_SUFFIXES = ["e", "es", "ed", "ing", "er", "ers"]
ROOT_ISE = ["advise", "comprise", "surprise", "exercise", "enterprise", "compromise", "supervise",
            "revise", "televise", "improvise", "devise", "franchise", "merchandise", "premise",
            "advertise", "chastise", "despise", "disguise", "excise"]
ROOT_ISE_SUFFIXES = ["", "s", "d"]

# STY002: Concise Oxford first forms (spec §8).
STY002 = [
    ("program", "programme"), ("programs", "programmes"),
    ("judgment", "judgement"), ("judgments", "judgements"),
]
# STY003: British forms in -our, -re, -ce, -ll- and the other spec families.
STY003 = [
    ("labor", "labour"), ("labors", "labours"), ("labored", "laboured"), ("laboring", "labouring"),
    ("laborer", "labourer"), ("laborers", "labourers"),
    ("favor", "favour"), ("favors", "favours"), ("favored", "favoured"), ("favoring", "favouring"),
    ("favorable", "favourable"), ("favorably", "favourably"), ("unfavorable", "unfavourable"),
    ("behavior", "behaviour"), ("behaviors", "behaviours"), ("behavioral", "behavioural"),
    ("neighbor", "neighbour"), ("neighbors", "neighbours"), ("neighboring", "neighbouring"),
    ("neighborhood", "neighbourhood"), ("neighborhoods", "neighbourhoods"),
    ("neighborliness", "neighbourliness"),
    ("honor", "honour"), ("honors", "honours"), ("honored", "honoured"), ("honoring", "honouring"),
    ("honorable", "honourable"),
    ("color", "colour"), ("colors", "colours"), ("endeavor", "endeavour"), ("endeavors", "endeavours"),
    ("endeavored", "endeavoured"), ("harbor", "harbour"), ("harboring", "harbouring"),
    ("rumor", "rumour"), ("rumors", "rumours"), ("vigor", "vigour"), ("rigor", "rigour"),
    ("armor", "armour"), ("armored", "armoured"), ("tumor", "tumour"), ("tumors", "tumours"),
    ("center", "centre"), ("centers", "centres"), ("centered", "centred"), ("centering", "centring"),
    ("theater", "theatre"), ("theaters", "theatres"), ("fiber", "fibre"), ("fibers", "fibres"),
    ("liter", "litre"), ("liters", "litres"), ("kilometer", "kilometre"), ("kilometers", "kilometres"),
    ("centimeter", "centimetre"), ("centimeters", "centimetres"), ("millimeter", "millimetre"),
    ("millimeters", "millimetres"), ("caliber", "calibre"),
    ("defense", "defence"), ("defenses", "defences"), ("offense", "offence"), ("offenses", "offences"),
    ("pretense", "pretence"),
    ("practiced", "practised"), ("practicing", "practising"),
    ("traveling", "travelling"), ("traveled", "travelled"), ("traveler", "traveller"),
    ("travelers", "travellers"), ("labeling", "labelling"), ("labeled", "labelled"),
    ("modeling", "modelling"), ("modeled", "modelled"), ("counseling", "counselling"),
    ("counselor", "counsellor"), ("counselors", "counsellors"), ("signaling", "signalling"),
    ("channeling", "channelling"), ("channeled", "channelled"), ("canceled", "cancelled"),
    ("canceling", "cancelling"), ("fueled", "fuelled"), ("fueling", "fuelling"),
    ("totaling", "totalling"), ("totaled", "totalled"),
    ("aging", "ageing"), ("enrollment", "enrolment"), ("enrollments", "enrolments"),
    ("fulfill", "fulfil"), ("fulfills", "fulfils"), ("fulfillment", "fulfilment"),
    ("installment", "instalment"), ("installments", "instalments"), ("skillful", "skilful"),
    ("willful", "wilful"), ("willfully", "wilfully"), ("jewelry", "jewellery"),
    ("catalog", "catalogue"), ("catalogs", "catalogues"), ("maneuver", "manoeuvre"),
    ("maneuvers", "manoeuvres"), ("skeptical", "sceptical"), ("gray", "grey"),
    ("diarrhea", "diarrhoea"), ("diarrheal", "diarrhoeal"), ("anemia", "anaemia"),
    ("pediatric", "paediatric"), ("leukemia", "leukaemia"),
]


def texts():
    for folder in ("corpus", "extended"):
        path = os.path.join(SHARED, folder)
        for name in sorted(os.listdir(path)):
            if name.endswith(".txt"):
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    yield f.read()


def main():
    words = collections.Counter()
    for text in texts():
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    stems = collections.Counter()
    for word, n in words.items():
        for suffix in IZE_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                stems[word[: -len(suffix)]] += n
    stems.update({"global": 1, "mobil": 1, "recogn": 1, "emphas": 1, "organ": 1, "priorit": 1})
    rows = []
    for stem in sorted(stems):
        if stem in NOT_VARIANTS:
            continue
        for suffix in IZE_SUFFIXES:
            rows.append((stem + suffix.replace("iz", "is"), stem + suffix, "STY001", "-ize (stem spelled with -ize in the texts)"))
    for root, wrong_root in YSE.items():
        for suffix in YSE_SUFFIXES:
            rows.append((wrong_root + suffix, root + suffix, "STY001", "-yse"))
    for word in ROOT_ISE:
        for suffix in ROOT_ISE_SUFFIXES:
            wrong = word[:-3] + "ize" + suffix
            rows.append((wrong, word + suffix, "STY001", "root -ise"))
    rows += [(w, r, "STY002", "COD first form") for w, r in STY002]
    rows += [(w, r, "STY003", "British form") for w, r in STY003]
    seen = set()
    out = ["wrong\tright\trule\tcorpus\tnote"]
    for wrong, right, rule, note in rows:
        if wrong in seen:
            continue
        seen.add(wrong)
        out.append(f"{wrong}\t{right}\t{rule}\t{words.get(wrong, 0)}\t{note}")
    target = os.path.join(os.path.dirname(__file__), "spelling.tsv")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    present = [line for line in out[1:] if line.split("\t")[3] != "0"]
    print(f"{len(out) - 1} wrong forms ({len(stems)} -ize stems seen); {len(present)} occur in the texts:")
    for line in present:
        print("  " + line)


if __name__ == "__main__":
    main()
