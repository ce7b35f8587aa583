#!/usr/bin/env python3
"""Builds assets/sample-slice.json, the sample graph slice for researcher Zhezhi He.

Usage:
    python3 tools/make_sample_slice.py [FACTS_JSON] [--profile-page PROFILE_TXT] [--out PATH]

FACTS_JSON defaults to ../shared/reference/zhezhi-he-facts.json relative to the repo,
PROFILE_TXT to profile-page.txt beside the facts file, PATH to assets/sample-slice.json.

Facts only: everything in the slice comes from the facts file or the profile page text.
What the facts file marks as unverified is left out or carried with an explicit
"unverified" status. The output is deterministic (fixed generation date, sorted nodes
and edges), so regenerating it gives a byte-identical file.

Index
    1. Sources      read the facts file and the profile page
    2. Nodes        focus researcher, works, co-authors, topics, institutions
    3. Edges        authored, coauthor, about, affiliated
    4. Output       checks against the sources, then write
"""

import argparse
import html
import json
import os
import re
import sys

GENERATED = "2026-11-25"
FOCUS_NAME = "Zhezhi He"

# Official arXiv category names (https://arxiv.org/category_taxonomy).
ARXIV_CATEGORY_NAMES = {
    "cs.AI": "Artificial Intelligence",
    "cs.AR": "Hardware Architecture",
    "cs.CL": "Computation and Language",
    "cs.CR": "Cryptography and Security",
    "cs.CV": "Computer Vision and Pattern Recognition",
    "cs.DC": "Distributed, Parallel, and Cluster Computing",
    "cs.ET": "Emerging Technologies",
    "cs.LG": "Machine Learning",
    "cs.NE": "Neural and Evolutionary Computing",
    "eess.IV": "Image and Video Processing",
    "eess.SP": "Signal Processing",
    "stat.ML": "Machine Learning",
}

# Published venues the facts file does not confirm (its "unverified" list and
# venue_notes): carried as unverified instead of as a fact.
UNVERIFIED_VENUES = {
    "2203.04570",  # CP-ViT: only the code README claims CVPR 2022
    "2107.09789",  # NeurObfuscator: HOST 2021 rests on one source
    "2009.05681",  # Progressive sub-network: TNNLS version from aggregator pages only
}

# Institution names as written in the facts file -> (node id slug, label, location).
INSTITUTIONS = {
    "Southeast University, Nanjing, China": ("southeast-university", "Southeast University", "Nanjing, China"),
    "Oregon State University, Corvallis, Oregon, US": ("oregon-state-university", "Oregon State University", "Corvallis, Oregon, US"),
    "Arizona State University, Tempe, Arizona, US": ("arizona-state-university", "Arizona State University", "Tempe, Arizona, US"),
    "Arizona State University": ("arizona-state-university", "Arizona State University", "Tempe, Arizona, US"),
    "University of Central Florida": ("university-of-central-florida", "University of Central Florida", None),
    "Bytedance AI Lab": ("bytedance-ai-lab", "Bytedance AI Lab", None),
    "Shanghai Jiao Tong University": ("shanghai-jiao-tong-university", "Shanghai Jiao Tong University", "Shanghai"),
    "Shanghai Jiao Tong University (implied by the same page)": ("shanghai-jiao-tong-university", "Shanghai Jiao Tong University", "Shanghai"),
    "Shanghai AI Laboratory": ("shanghai-ai-laboratory", "Shanghai AI Laboratory", None),
}

# Positions whose "institution" is not an organisation one is affiliated with.
NOT_INSTITUTIONS = {"IEEE Transactions on Computer-Aided Design"}


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def person_id(name):
    return "person:" + slug(name)


def work_id(arxiv_id):
    return "work:arxiv:" + arxiv_id


# 1. Sources -----------------------------------------------------------------

def read_profile_page(path):
    """Returns (card fields, works) from the profile page text.

    works: list of dicts {kind, year, venue, title, abstract} in page order. Each item is
    three lines: "preprint2022arXiv", the title, the abstract."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    text = "\n".join(lines)

    card = {}
    m = re.search(r"Trust (\d+) - (\w+)Verification (L\d)(Unclaimed|Claimed) author", text)
    if not m:
        sys.exit("profile page: trust line not found")
    card["trust_score"] = int(m.group(1))
    card["trust_band"] = m.group(2)
    card["verification"] = m.group(3)
    card["claimed"] = m.group(4) == "Claimed"
    for key, label in (("works", "works"), ("followers", "followers"), ("topics", "topics"),
                       ("close_collaborators", "close collaborators")):
        m = re.search(r"^(\d+)" + label + r"$", text, re.M)
        if not m:
            sys.exit("profile page: count '%s' not found" % label)
        card[key] = int(m.group(1))
    card["affiliation_not_imported"] = "Affiliation not imported" in text
    card["open_to_collaborate"] = "Open to collaborate" in text
    non_empty = [line for line in lines if line.strip()]
    card["name"] = non_empty[1]
    card["headline"] = non_empty[2]

    works = []
    body = [line for line in lines[lines.index("Published work"):] if line.strip()]
    header = re.compile(r"^(preprint|article|book|dataset)(\d{4})(.+)$")
    i = 0
    while i < len(body):
        m = header.match(body[i])
        if m and i + 2 < len(body):
            works.append({"kind": m.group(1), "year": int(m.group(2)), "venue": m.group(3),
                          "title": body[i + 1], "abstract": body[i + 2]})
            i += 3
        else:
            i += 1
    return card, works


# 2. Nodes / 3. Edges --------------------------------------------------------

def build(facts, card, page_works):
    researcher = facts["researcher"]
    if researcher["name"] != FOCUS_NAME or card["name"] != FOCUS_NAME:
        sys.exit("sources are not about %s" % FOCUS_NAME)

    nodes = {}
    edges = []

    def add_node(node_id, node_type, label, attrs):
        if node_id in nodes:
            sys.exit("duplicate node id " + node_id)
        nodes[node_id] = {"id": node_id, "type": node_type, "label": label, "attrs": attrs}

    def add_edge(source, target, edge_type, directed, attrs, weight=None):
        e = {"source": source, "target": target, "type": edge_type}
        if weight is not None:
            e["weight"] = weight
        if directed:
            e["directed"] = True
        if attrs:
            e["attrs"] = attrs
        edges.append(e)

    focus = person_id(FOCUS_NAME)
    ids = researcher["identifiers"]
    focus_attrs = {
        "name_variants": researcher["name_variants"],
        "orcid": ids["orcid"],
        "google_scholar_user": ids["google_scholar_user"],
        "github": ids["github"],
        "homepage": ids["homepage"],
        "identifiers_note": ids["_note"],
    }
    for edu in researcher["education"]:
        if "dissertation" in edu:
            focus_attrs["dissertation"] = edu["dissertation"]
    editorial = [p for p in researcher["positions"] if p["institution"] in NOT_INSTITUTIONS]
    if editorial:
        focus_attrs["editorial_roles"] = [
            {"role": p["role"], "venue": p["institution"], "years": p["years"], "source": p["source"]}
            for p in editorial]
    add_node(focus, "person", FOCUS_NAME, focus_attrs)

    # Works: facts give metadata, the page gives kind/year/venue/abstract as shown.
    page_by_title = {w["title"]: w for w in page_works}
    if len(page_by_title) != len(page_works):
        sys.exit("profile page: duplicate titles")
    coauthor_works = {}
    topics = {}
    for w in facts["works"]:
        page = page_by_title.get(w["title"])
        if page is None:
            sys.exit("work not on the profile page: " + w["title"])
        if page["year"] != w["year"]:
            sys.exit("year differs between page and facts for " + w["arxiv_id"])
        wid = work_id(w["arxiv_id"])
        authors = w["authors"]
        if FOCUS_NAME not in authors:
            sys.exit("%s is not an author of %s" % (FOCUS_NAME, wid))
        attrs = {
            "year": page["year"],
            "kind": page["kind"],
            "venue": page["venue"],
            # The page text carries HTML character references (&#39; &#34;) in two
            # abstracts; they are decoded to the characters they stand for.
            "abstract": html.unescape(page["abstract"]),
            "url": "https://arxiv.org/abs/" + w["arxiv_id"],
            "arxiv_id": w["arxiv_id"],
            "arxiv_first_submitted": w["arxiv_first_submitted"],
            "authors": authors,
            "sources": w["sources"],
        }
        if "arxiv_categories" in w:
            attrs["arxiv_categories"] = w["arxiv_categories"]
        else:
            attrs["arxiv_categories_status"] = "unverified: no source showed the categories"
        venue = w["venue"]
        if w["arxiv_id"] in UNVERIFIED_VENUES or venue == "unverified":
            if venue != "unverified":
                attrs["published_venue"] = venue
            attrs["published_venue_status"] = "unverified"
        else:
            attrs["published_venue"] = venue
            attrs["published_venue_status"] = "verified"
            doi = w.get("venue_details", {}).get("doi")
            if doi:
                attrs["doi"] = doi
        for note in ("venue_notes", "year_note", "authors_note"):
            if note in w:
                attrs[note] = w[note]
        add_node(wid, "work", w["title"], attrs)

        for position, name in enumerate(authors):
            add_edge(person_id(name), wid, "authored", True, {"position": position})
            if name != FOCUS_NAME:
                coauthor_works.setdefault(name, []).append(wid)
        for cat in w.get("arxiv_categories", []):
            topics.setdefault(cat, []).append(wid)
            add_edge(wid, "topic:" + cat, "about", True, {})

    # Co-authors and the focus-coauthor edges, weight = shared works among the 10.
    derived = {c["name"]: c["shared_works_in_these_10"] for c in facts["coauthors_derived"]["list"]}
    if derived != {name: len(ws) for name, ws in coauthor_works.items()}:
        sys.exit("co-author counts differ from coauthors_derived in the facts file")
    sme_note = ("The ICCD 2021 version of SME lists 'Jingnai Feng' / 'J. Feng'; presumed to be "
                "the same person as Naifeng Jing (unverified).")
    for name, ws in coauthor_works.items():
        attrs = {"shared_works_with_focus": len(ws)}
        if name == "Naifeng Jing":
            attrs["name_note"] = sme_note
        add_node(person_id(name), "person", name, attrs)
        add_edge(focus, person_id(name), "coauthor", False,
                 {"shared_works": sorted(ws),
                  "derived": "computed from the author lists of the 10 works, not a sourced fact"},
                 weight=len(ws))

    topic_note = ("Derived from the arXiv categories of the works; the profile's "
                  "%d topics are not named in the source." % card["topics"])
    for cat, ws in topics.items():
        name = ARXIV_CATEGORY_NAMES.get(cat)
        if name is None:
            sys.exit("unknown arXiv category " + cat)
        add_node("topic:" + cat, "topic", "%s (%s)" % (name, cat),
                 {"arxiv_category": cat, "derived_from": "arxiv_categories", "note": topic_note,
                  "works_in_slice": len(ws)})

    # Institutions: the researcher's sourced education and positions, plus the per-paper
    # affiliations the facts file verifies (only RADAR's author block).
    affiliations = {}  # (person id, institution id) -> list of roles

    def affiliate(person, inst_name, role):
        if inst_name not in INSTITUTIONS:
            sys.exit("institution without a mapping: " + inst_name)
        inst_slug, label, location = INSTITUTIONS[inst_name]
        inst = "institution:" + inst_slug
        if inst not in nodes:
            attrs = {"name_in_sources": inst_name}
            if location:
                attrs["location"] = location
            add_node(inst, "institution", label, attrs)
        affiliations.setdefault((person, inst), []).append(role)

    for edu in researcher["education"]:
        affiliate(focus, edu["institution"], {"kind": "education", "role": edu["degree"],
                                              "years": str(edu["year"]), "source": edu["source"]})
    for pos in researcher["positions"]:
        if pos["institution"] in NOT_INSTITUTIONS:
            continue
        role = {"kind": "position", "role": pos["role"], "years": pos["years"], "source": pos["source"]}
        if "note" in pos:
            role["note"] = pos["note"]
        affiliate(focus, pos["institution"], role)

    for w in facts["works"]:
        if "affiliations_source" not in w:
            continue  # per-paper affiliations without a source are all "unverified"
        for name, affil in w["affiliations"].items():
            if affil == "unverified":
                continue
            inst_name = next((k for k in ("Arizona State University", "Shanghai Jiao Tong University")
                              if k in affil), None)
            if inst_name is None:
                sys.exit("unmapped paper affiliation: " + affil)
            affiliate(person_id(name), inst_name,
                      {"kind": "paper affiliation", "role": affil, "years": str(w["year"]),
                       "work": work_id(w["arxiv_id"]), "source": w["affiliations_source"]})

    for (person, inst), roles in affiliations.items():
        add_edge(person, inst, "affiliated", True, {"roles": roles})

    return nodes, edges


# 4. Output ------------------------------------------------------------------

def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("facts", nargs="?",
                    default=os.path.join(repo, "..", "shared", "reference", "zhezhi-he-facts.json"))
    ap.add_argument("--profile-page", default=None)
    ap.add_argument("--out", default=os.path.join(repo, "assets", "sample-slice.json"))
    args = ap.parse_args()
    page_path = args.profile_page or os.path.join(os.path.dirname(args.facts), "profile-page.txt")

    with open(args.facts, encoding="utf-8") as f:
        facts = json.load(f)
    card, page_works = read_profile_page(page_path)
    if len(page_works) != card["works"] or len(facts["works"]) != card["works"]:
        sys.exit("work count differs: card %d, page %d, facts %d"
                 % (card["works"], len(page_works), len(facts["works"])))

    if not card["affiliation_not_imported"]:
        sys.exit("the card shows an affiliation; reading it is not implemented")
    nodes, edges = build(facts, card, page_works)

    # Every edge must name existing nodes; the coauthor count must match the card.
    for e in edges:
        for end in ("source", "target"):
            if e[end] not in nodes:
                sys.exit("edge to unknown node " + e[end])

    profile = {
        "name": card["name"],
        "headline": card["headline"],
        "affiliation": None,  # checked above: the card says "Affiliation not imported"
        "trust": {"score": card["trust_score"], "band": card["trust_band"]},
        "verification": card["verification"],
        "claimed": card["claimed"],
        "open_to_collaborate": card["open_to_collaborate"],
        "counts": {"works": card["works"], "followers": card["followers"],
                   "topics": card["topics"], "close_collaborators": card["close_collaborators"]},
    }
    type_order = {"person": 0, "work": 1, "topic": 2, "institution": 3}
    focus = person_id(FOCUS_NAME)
    node_list = sorted(nodes.values(),
                       key=lambda n: (n["id"] != focus, type_order[n["type"]], n["id"]))
    edge_order = {"authored": 0, "coauthor": 1, "about": 2, "affiliated": 3}
    edge_list = sorted(edges, key=lambda e: (edge_order[e["type"]], e["source"], e["target"]))

    doc = {
        "schema": "rgv-slice",
        "version": 1,
        "focus": focus,
        "meta": {
            "generator": "tools/make_sample_slice.py",
            "generated": GENERATED,
            "sources": [os.path.basename(args.facts) + " (facts file: " +
                        facts["meta"]["method"] + ")",
                        os.path.basename(page_path) + " (the researcher's public profile page)"],
            "notes": [
                "Facts only. Venues, arXiv categories and affiliations that the facts file does "
                "not confirm are left out or carry status 'unverified'.",
                "Work kind, year, venue 'arXiv' and abstract are as shown on the profile page; "
                "HTML character references in the page text (&#39; &#34;) are decoded.",
                "authored edges: attrs.position is the 0-based index in the arXiv author order.",
                "coauthor edges: weight = number of the 10 works shared with Zhezhi He "
                "(computed; matches coauthors_derived in the facts file).",
                "Topics are the works' arXiv categories; the profile's 6 topics are not named "
                "in the source, and 4 works have no recorded categories.",
                "Institutions: Zhezhi He's sourced education and positions, and the author block "
                "of RADAR (DATE 2021), the only paper whose affiliations are verified.",
            ],
            "unverified": facts["unverified"],
        },
        "profile": profile,
        "nodes": node_list,
        "edges": edge_list,
    }
    text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    counts = {}
    for n in node_list:
        counts["node " + n["type"]] = counts.get("node " + n["type"], 0) + 1
    for e in edge_list:
        counts["edge " + e["type"]] = counts.get("edge " + e["type"], 0) + 1
    print("wrote %s: %d nodes, %d edges" % (args.out, len(node_list), len(edge_list)))
    for k in sorted(counts):
        print("  %-18s %d" % (k, counts[k]))


if __name__ == "__main__":
    main()
