"""The Document model on postings written the way real ones are."""
from __future__ import annotations

from jdlint.document import Document


def parse(text: str) -> Document:
    return Document.parse(text, "t.md")


def test_title_from_front_matter_with_position():
    doc = parse("---\nlocation: Berlin\ntitle: 'Data Engineer'\n---\n# Other heading\n")
    assert doc.title.text == "Data Engineer"
    assert (doc.title.line, doc.title.column) == (3, 9)
    assert doc.title.source == "front_matter"


def test_title_from_first_h1_then_first_line():
    doc = parse("Intro line\n\n#   Senior Data Engineer   \n")
    assert (doc.title.text, doc.title.line, doc.title.column) == ("Senior Data Engineer", 3, 5)
    doc = parse("\n\n  **Data Analyst**\n\nbody\n")
    assert (doc.title.text, doc.title.line, doc.title.source) == ("Data Analyst", 3, "line")


def test_setext_h1_title():
    doc = parse("Data Scientist\n==============\n\nbody\n")
    assert (doc.title.text, doc.title.line) == ("Data Scientist", 1)


def test_invalid_front_matter_is_recorded_and_body_still_parsed():
    doc = parse("---\ntitle: a: b\n---\n# ML Engineer\n\n## Requirements\n\n- Python\n")
    assert doc.front_matter is None
    assert doc.front_matter_errors and doc.front_matter_errors[0].line == 2
    assert doc.title.text == "ML Engineer"
    assert [i.text for i in doc.items] == ["Python"]


def test_bold_only_lines_are_sections_with_kinds():
    text = ("# Role\n\n**About The Role**\nWe build things.\n\n**Role Responsibilities**\n\n- Build\n\n"
            "**We are looking for someone who has**\n\n- SQL\n\n**Travel requirement:**\nNone\n\n**Nice to have:**\n\n- Go\n")
    doc = parse(text)
    kinds = [(s.title, s.kind, s.bold) for s in doc.sections]
    assert kinds == [("Role", "other", False), ("About The Role", "role", True),
                     ("Role Responsibilities", "responsibilities", True),
                     ("We are looking for someone who has", "requirements", True),
                     ("Travel requirement", "other", True), ("Nice to have", "preferred", True)]
    assert [(i.text, i.section.kind, i.preferred) for i in doc.items] == [
        ("Build", "responsibilities", False), ("SQL", "requirements", False), ("Go", "preferred", True)]


def test_bold_inside_a_sentence_is_not_a_heading():
    doc = parse("# T\n\n**Note:** this is prose.\n\nWe use **bold** words.\n")
    assert [s.title for s in doc.sections] == ["T"]


def test_a_bold_line_stating_pay_is_not_a_heading():
    # A bold pay line under the title is a fact, not a section: read as one, every paragraph
    # after it (the whole job) was part of the pay section. A label's own full stop is not part
    # of its kind ("**What I am looking for.**" is a requirements heading).
    text = ("# Support Lead\n\n**Pay: NZ$78,000 to NZ$86,000 plus KiwiSaver**\n\n---\n\n"
            "You will run the help desk.\n\n**What I am looking for.**\n\n- Two years on a service desk\n\n"
            "**$31.50/hour, weekends extra**\n\nShifts rotate.\n")
    doc = parse(text)
    assert [(s.title, s.kind) for s in doc.sections] == [("Support Lead", "other"), ("What I am looking for", "requirements")]
    assert [(i.text, i.section.kind) for i in doc.items] == [("Two years on a service desk", "requirements")]


def test_short_italic_lines_label_the_list_under_them():
    # "*Nice to have*" on its own line labels a list as a bold line does; an italic sentence or
    # a longer italic paragraph stays prose.
    text = ("# Analyst\n\n## What we're looking for\n\n*Must have*\n\n- SQL\n\n_Nice to have_\n\n- dbt\n\n"
            "*Applications close on 5 May.*\n\n*We read every application we get, and reply to all of them*\n")
    doc = parse(text)
    assert [(s.title, s.kind, s.bold) for s in doc.sections] == [
        ("Analyst", "other", False), ("What we're looking for", "requirements", False),
        ("Must have", "requirements", True), ("Nice to have", "preferred", True)]
    assert [(i.text, i.preferred) for i in doc.items] == [("SQL", False), ("dbt", True)]



def test_italic_labels_sit_under_a_bold_heading():
    # "**Main responsibilities**" then "*IT and systems*": the italic label's list is duties.
    text = ("**Officer**\n\n**Main responsibilities**\n\n*Data and reporting*\n\n- Build the funder reports\n\n"
            "*IT and systems*\n\n- Set up laptops\n\n**Person specification**\n\n*Essential*\n\n- Excel\n")
    doc = parse(text)
    got = {s.title: (s.kind, s.parent.title) for s in doc.sections}
    assert got["IT and systems"] == ("responsibilities", "Main responsibilities")
    assert got["Essential"] == ("requirements", "Person specification")

def test_subsections_inherit_kind_and_job_family_levels():
    text = ("# Data Science\n\n## Requirements\n\n### Technical\n\n- SQL\n\n## Levels\n\n"
            "### Data Scientist (Intermediate)\n\n#### Data Scientist (Intermediate) Requirements\n\n- Python\n")
    doc = parse(text)
    got = {s.title: s.kind for s in doc.sections}
    assert got["Technical"] == "requirements"
    assert got["Data Scientist (Intermediate)"] == "other"
    assert got["Data Scientist (Intermediate) Requirements"] == "requirements"
    assert doc.sections[2].parent is doc.sections[1]


def test_items_have_exact_spans_for_hard_wrapped_and_nested_lists():
    text = ("# T\n\n## Requirements\n\n1. Strong SQL, including window\n   functions and tuning\n"
            "2. Python\n   - pandas\n   - numpy\n3. Git\n")
    doc = parse(text)
    top = [(i.line, i.end_line, i.column, i.text) for i in doc.items if i.parent is None]
    assert top == [(5, 6, 4, "Strong SQL, including window functions and tuning"),
                   (7, 7, 4, "Python"), (10, 10, 4, "Git")]
    nested = [(i.line, i.text, i.parent.text) for i in doc.items if i.parent is not None]
    assert nested == [(8, "pandas", "Python"), (9, "numpy", "Python")]


def test_inline_preferred_markers_and_leadins():
    text = ("# T\n\n## Requirements\n\n- SQL\n- dbt (preferred)\n- Looker is a plus\n- Bonus points: Go\n"
            "- Spark would be a plus\n\nBonus points if you have:\n\n- Kafka\n")
    doc = parse(text)
    assert [(i.text.split()[0], i.preferred) for i in doc.items] == [
        ("SQL", False), ("dbt", True), ("Looker", True), ("Bonus", True), ("Spark", True), ("Kafka", True)]


def test_prose_masks_code_comments_urls_and_keeps_columns():
    text = ("# T\n\nUse `Spark` and see https://example.com/go?x=1 or [docs](https://x.io/Go) "
            "<!-- jdlint-disable wish-list --> now\n\n```\nGo code\n```\n<!--\nmulti\n-->\n")
    doc = parse(text)
    line = doc.lines[2]
    assert len(line.prose) == len(line.text)
    assert "Spark" not in line.prose and "example.com" not in line.prose and "x.io" not in line.prose
    assert "jdlint-disable" not in line.prose
    assert line.prose.index("now") == line.text.index("now")
    assert "[docs]" in line.prose
    assert doc.lines[5].block == "code" and not doc.lines[5].prose.strip()
    assert not doc.lines[9].prose.strip()


def test_crlf_bom_and_lone_cr_give_the_same_positions():
    lf = "---\ntitle: ML Engineer\n---\n\n## Requirements\n\n- Python\n- SQL\n"
    docs = [parse(lf), parse("\ufeff" + lf.replace("\n", "\r\n")), parse(lf.replace("\n", "\r"))]
    shapes = [([(s.title, s.line) for s in d.sections], [(i.line, i.column, i.text) for i in d.items],
               (d.title.text, d.title.line, d.title.column)) for d in docs]
    assert shapes[0] == shapes[1] == shapes[2]


def test_every_line_has_a_section_and_block_kind():
    doc = parse("preamble\n\n# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>x</div>\n")
    assert all(ln.section is not None for ln in doc.lines)
    assert [ln.block for ln in doc.lines] == ["paragraph", "blank", "heading", "blank", "table", "table",
                                               "table", "blank", "html"]


def test_blocks_map_offsets_back_to_lines():
    doc = parse("# T\n\nWithin the first\n  90 days you ship.\n")
    block = next(b for b in doc.blocks if b.kind == "paragraph")
    off = block.text.index("90")
    assert block.position(off) == (4, 3)


def test_front_matter_that_is_not_a_mapping_or_uses_aliases():
    doc = parse("---\n- a\n- b\n---\n# T\n")
    assert doc.front_matter is None and "mapping" in doc.front_matter_errors[0].message
    doc = parse("---\na: &x [1, 2]\nb: *x\n---\n# T\n")
    assert "aliases" in doc.front_matter_errors[0].message and doc.front_matter_errors[0].line == 3


def test_empty_and_front_matter_only_files():
    assert parse("").title is None
    doc = parse("---\ntitle: Data Engineer\n---\n")
    assert doc.title.text == "Data Engineer" and not doc.has_content()


def test_an_indented_setext_heading_ends_on_its_own_line():
    # Hypothesis found a setext heading inside a list item ("  - Requirements" underlined by
    # "    - ") whose end column counted its indent twice, past the end of the line.
    for text, line in [("# T\n\n  - \n  - Requirements\n    - \n\n- a\n", 4), ("Intro\n\n   Requirements\n   ---\n\n- a\n", 3)]:
        doc = parse(text)
        sec = next(s for s in doc.sections if s.title.endswith("Requirements"))
        assert sec.line == line
        assert sec.end_column == len(text.split("\n")[line - 1].rstrip()) + 1
