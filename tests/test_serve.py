"""`jdlint serve`'s app, through starlette's TestClient: the lint and fix endpoints, the
verdict (the report's), the folder (only markdown inside it), and the guards (Host, Origin,
body size, headers)."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient

from jdlint import lint_text
from jdlint.formatters.report import ReportFormatter
from jdlint.registry import builtin_rules
from jdlint.serve import CSP, MAX_BODY, build_app

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
STACKED = "# Data Scientist / ML Engineer / Data Engineer\n\nWe want a rockstar who is a digital native.\n"


def client(folder=None) -> TestClient:
    return TestClient(build_app(str(folder) if folder else None, PORT), base_url=BASE)


def post(c: TestClient, url: str, body, **headers):
    return c.post(url, json=body, headers={"Origin": BASE, **headers})


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "postings"
    (root / "team").mkdir(parents=True)
    (root / "example.md").write_text(STACKED, encoding="utf-8")
    (root / "team" / "other.markdown").write_text("# Data Engineer\n\nPython.\n", encoding="utf-8")
    (root / "notes.txt").write_text("not a posting", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.md").write_text("# Hidden\n", encoding="utf-8")
    (tmp_path / "secret.md").write_text("# Outside the folder\n", encoding="utf-8")
    (root / "link-out.md").symlink_to(tmp_path / "secret.md")
    (root / "dir-out").symlink_to(tmp_path, target_is_directory=True)
    return root


# -- linting ----------------------------------------------------------------------------------

def test_lint_returns_the_reports_fragment_verdict_and_findings():
    r = post(client(), "/api/lint", {"text": STACKED})
    assert r.status_code == 200, r.text
    data = r.json()
    findings = lint_text(STACKED)
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in findings]
    assert [f["id"] for f in data["findings"]] == list(range(1, len(findings) + 1))
    # the highlighted posting is the report's own rendering, ids and all
    expected, _ = ReportFormatter(builtin_rules(), "x").render_posting(1, "Your posting", STACKED, findings, 0)
    assert data["html"] == expected
    assert 'data-rule="stacked-title"' in data["html"] and "<mark" in data["html"]
    level, says = ReportFormatter(builtin_rules(), "x").posting_verdict(STACKED, findings)
    assert data["verdict"] == {"level": level, "text": says}
    assert says.startswith("Almost ready: ") and "worth fixing before publishing" in says
    assert f"<strong>{says}</strong>" in data["html"]  # the same words as in the fragment
    stacked = next(f for f in data["findings"] if f["rule"] == "stacked-title")
    assert stacked["message"] and stacked["help"] and stacked["replacement"] is None
    rockstar = next(f for f in data["findings"] if f["match"] == "rockstar")
    assert rockstar["replacement"] == "expert"
    assert data["fixable"] == 1


def test_an_empty_posting_is_fine():
    r = post(client(), "/api/lint", {"text": ""})
    assert r.status_code == 200
    assert r.json()["verdict"]["level"] in ("ok", "info", "warning", "error")


def test_a_script_in_the_posting_is_text():
    text = '# Engineer\n\n<script>document.title="owned"</script>\n\n<img src=x onerror="document.title=\'owned\'">\n'
    data = post(client(), "/api/lint", {"text": text}).json()
    assert "<script" not in data["html"] and "<img" not in data["html"]
    assert "&lt;script&gt;" in data["html"] and "&lt;img" in data["html"]


def test_fix_applies_the_linters_own_safe_fix():
    c = client()
    finding = next(f for f in post(c, "/api/lint", {"text": STACKED}).json()["findings"] if f["match"] == "rockstar")
    r = post(c, "/api/fix", {"text": STACKED, "fixes": [finding]})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["fixed"] == 1
    assert "We want an expert who" in data["text"]  # the article follows the new word
    assert not any(f["match"] == "rockstar" for f in data["lint"]["findings"])


def test_fix_ignores_a_replacement_the_page_makes_up():
    # only the linter's replacements are applied: the page names a finding, not the new text
    made_up = {"rule": "stacked-title", "line": 1, "column": 3, "end_line": 1, "end_column": 47,
               "match": "Data Scientist / ML Engineer / Data Engineer", "replacement": "<script>"}
    data = post(client(), "/api/fix", {"text": STACKED, "fixes": [made_up]}).json()
    assert data["fixed"] == 0 and data["text"] == STACKED


def test_fix_of_a_finding_the_text_no_longer_has_does_nothing():
    stale = {"rule": "exclusionary-language", "line": 3, "column": 11, "end_line": 3, "end_column": 19, "match": "rockstar"}
    text = "# Data Engineer\n\nWe want a person who is great.\n"
    data = post(client(), "/api/fix", {"text": text, "fixes": [stale]}).json()
    assert data["fixed"] == 0 and data["text"] == text


def test_fix_all():
    text = "# Data Engineer\n\nWe want a rockstar and a ninja.\n"
    data = post(client(), "/api/fix", {"text": text}).json()
    assert data["fixed"] == 2 and data["lint"]["fixable"] == 0


@pytest.mark.parametrize("body", [[1, 2], {"text": 3}, {"no": "text"}, {"text": "x", "path": 5}])
def test_bad_bodies_are_400(body):
    assert post(client(), "/api/lint", body).status_code == 400


def test_lint_wants_json():
    r = client().post("/api/lint", content=b"text=hello", headers={"Origin": BASE, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415


def test_the_folders_config_is_used(folder):
    (folder / ".jdlint.yaml").write_text("rules:\n  stacked-title: off\n", encoding="utf-8")
    rules = {f["rule"] for f in post(client(folder), "/api/lint", {"text": STACKED}).json()["findings"]}
    assert "stacked-title" not in rules and "exclusionary-language" in rules
    # ...and read again when it changes, without a restart
    (folder / ".jdlint.yaml").write_text("rules:\n  exclusionary-language: off\n", encoding="utf-8")
    os.utime(folder / ".jdlint.yaml", ns=(1, 1))
    rules = {f["rule"] for f in post(client(folder), "/api/lint", {"text": STACKED}).json()["findings"]}
    assert "stacked-title" in rules and "exclusionary-language" not in rules


def test_a_broken_config_is_a_message_not_a_crash(folder):
    (folder / ".jdlint.yaml").write_text("rules: [\n", encoding="utf-8")
    r = post(client(folder), "/api/lint", {"text": STACKED})
    assert r.status_code == 422 and "config" in r.json()["error"]


def test_without_a_folder_the_defaults_apply(tmp_path, monkeypatch):
    (tmp_path / ".jdlint.yaml").write_text("rules:\n  stacked-title: off\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a config in the current folder is not the page's business
    rules = {f["rule"] for f in post(client(), "/api/lint", {"text": STACKED}).json()["findings"]}
    assert "stacked-title" in rules


# -- the folder -------------------------------------------------------------------------------

def test_files_lists_markdown_inside_the_folder_only(folder):
    data = client(folder).get("/api/files").json()
    assert data["folder"] == "postings"
    assert data["files"] == ["example.md", "team/other.markdown"]  # no link out, no .txt, no hidden folder


def test_opening_a_file(folder):
    r = client(folder).get("/api/file", params={"path": "team/other.markdown"})
    assert r.status_code == 200 and r.json() == {"path": "team/other.markdown", "text": "# Data Engineer\n\nPython.\n"}


@pytest.mark.parametrize("path", ["../secret.md", "team/../../secret.md", "/etc/passwd.md", "", "./example.md",
                                  "team//other.markdown", "..\\secret.md", "example.md\x00.md"])
def test_paths_out_of_the_folder_are_refused(folder, path):
    r = client(folder).get("/api/file", params={"path": path})
    assert r.status_code == 403, r.text
    assert "Outside" not in r.text


@pytest.mark.parametrize("path", ["link-out.md", "dir-out/secret.md"])
def test_symlinks_out_of_the_folder_are_refused(folder, path):
    r = client(folder).get("/api/file", params={"path": path})
    assert r.status_code == 403 and "outside" in r.json()["error"]
    assert "Outside the folder" not in r.text


def test_non_markdown_is_refused(folder):
    r = client(folder).get("/api/file", params={"path": "notes.txt"})
    assert r.status_code == 403 and "markdown" in r.json()["error"]


def test_a_missing_file_is_404(folder):
    assert client(folder).get("/api/file", params={"path": "gone.md"}).status_code == 404


def test_a_fifo_is_refused_without_blocking(folder):
    os.mkfifo(folder / "pipe.md")
    assert client(folder).get("/api/file", params={"path": "pipe.md"}).status_code == 403


def test_no_folder_no_files():
    c = client()
    assert c.get("/api/files").json() == {"folder": None, "files": []}
    assert c.get("/api/file", params={"path": "example.md"}).status_code == 404


def test_lint_with_an_opened_files_path_is_confined_too(folder):
    assert post(client(folder), "/api/lint", {"text": "x", "path": "../secret.md"}).status_code == 403


# -- the guards -------------------------------------------------------------------------------

def test_the_page_and_its_headers(folder):
    r = client(folder).get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer"
    assert '<script src="/page.js"></script>' in r.text and "onclick" not in r.text.lower()
    assert "http://" not in r.text and "https://" not in r.text  # nothing from the network
    assert "postings" in r.text  # the folder's name, for the file picker
    js = client().get("/page.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" in js.text and js.text.count("innerHTML") == 1  # only the server's fragment
    assert "http" not in js.text.replace("https://", "")  # no other host
    css = client().get("/page.css")
    assert css.status_code == 200 and "mark.f" in css.text


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "attacker.test", "127.0.0.1.nip.io:8765"])
def test_other_hosts_are_refused(host):
    c = client()
    r = c.get("/", headers={"Host": host})
    assert r.status_code == 400
    assert r.headers["x-content-type-options"] == "nosniff"
    assert post(c, "/api/lint", {"text": STACKED}, Host=host).status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765"])
def test_localhost_hosts_are_served(host):
    assert client().get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1:9999", "http://localhost"])
def test_cross_origin_posts_are_refused(origin):
    r = client().post("/api/lint", json={"text": STACKED}, headers={"Origin": origin})
    assert r.status_code == 403


def test_same_origin_and_originless_posts_are_served():
    c = client()
    assert post(c, "/api/lint", {"text": "x"}, Origin="http://localhost:8765").status_code == 200
    assert c.post("/api/lint", json={"text": "x"}).status_code == 200  # curl: no Origin, no browser


def test_cross_site_api_reads_are_refused(folder):
    r = client(folder).get("/api/file", params={"path": "example.md"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert client(folder).get("/api/file", params={"path": "example.md"}, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200


def test_the_body_is_capped():
    c = client()
    big = "a" * (MAX_BODY + 10)
    assert post(c, "/api/lint", {"text": big}).status_code == 413
    # a body with no length (chunked) is counted as it comes
    def chunks():
        yield b'{"text": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'
    r = c.post("/api/lint", content=chunks(), headers={"Origin": BASE, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_unknown_routes_and_methods():
    c = client()
    assert c.get("/api/nothing").status_code == 404
    assert c.get("/api/lint").status_code == 405
    assert c.get("/nothing").headers["content-security-policy"] == CSP
