"""`jdlint server` driven end to end as an editor would (pytest-lsp): initialize, didOpen,
didChange, diagnostics, codeAction, executeCommand, hover, config changes, shutdown."""
from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import CLEAN_BODY, ROOT

pytestmark = pytest.mark.asyncio

POSTING = ("# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY + "\nWe want a rockstar.\n\n"
           "## Requirements\n\n- Experience with TensorFlow\n")
CONFIG = "# the team's tools\nstack:\n  - Python\n  - Airflow\n"


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "jdlint", "server", "--stdio"],
                            server_env=dict(os.environ, PYTHONPATH=str(ROOT)))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".jdlint.yaml").write_text(CONFIG)
    return tmp_path


@pytest.fixture
def init_options() -> dict:
    return {"debounce": 50}


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path, init_options: dict):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations = params.registrations  # type: ignore[attr-defined]

    root = from_fs_path(str(workspace)) or ""
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root,
        workspace_folders=[types.WorkspaceFolder(uri=root, name="ws")], initialization_options=init_options))
    assert result.server_info is not None and result.server_info.name == "jdlint"
    yield
    await lsp_client.shutdown_session()


async def wait_for(client, predicate, timeout: float = 20.0):
    """Poll the diagnostics the client holds until ``predicate(diagnostics)`` is true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate(client.diagnostics)
        if value:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out; diagnostics: {client.diagnostics} error: {client.error}")


def codes(diags) -> list[str]:
    return sorted(str(d.code) for d in diags)


def open_doc(client, path: Path, text: str, version: int = 1) -> str:
    uri = from_fs_path(str(path)) or ""
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)))
    return uri


def change_doc(client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_diagnostics_on_open_and_change(client: LanguageClient, workspace: Path):
    uri = open_doc(client, workspace / "post.md", POSTING)
    diags = await wait_for(client, lambda d: d.get(uri))
    assert codes(diags) == ["exclusionary-language", "stacked-title", "tool-not-in-stack"]
    title = next(d for d in diags if d.code == "stacked-title")
    assert title.severity == types.DiagnosticSeverity.Warning  # stacked-title: practice, so a warning
    assert title.source == "jdlint"
    assert (title.range.start.line, title.range.start.character) == (0, 2)
    assert title.code_description is not None and title.code_description.href.endswith("#jd101-stacked-title")
    rock = next(d for d in diags if d.code == "exclusionary-language")
    assert rock.severity == types.DiagnosticSeverity.Warning

    # Versions 2..6 in quick succession: only the newest text's findings are left.
    for v in range(2, 7):
        change_doc(client, uri, POSTING.replace("rockstar", "rockstar" if v < 6 else "expert"), v)
    await wait_for(client, lambda d: "exclusionary-language" not in codes(d.get(uri, [])))
    await asyncio.sleep(0.5)  # nothing older arrives afterwards
    assert codes(client.diagnostics[uri]) == ["stacked-title", "tool-not-in-stack"]

    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_for(client, lambda d: uri in d and not d[uri])


async def test_only_markdown_the_config_includes(client: LanguageClient, workspace: Path):
    (workspace / ".jdlint.yaml").write_text(CONFIG + "exclude:\n  - drafts/\n")
    (workspace / "drafts").mkdir()
    excluded = open_doc(client, workspace / "drafts" / "post.md", POSTING)
    text_file = open_doc(client, workspace / "notes.txt", POSTING)
    included = open_doc(client, workspace / "post.md", POSTING)
    await wait_for(client, lambda d: d.get(included))
    await asyncio.sleep(0.3)
    assert not client.diagnostics.get(excluded)
    assert text_file not in client.diagnostics


async def test_code_actions_fix_suppress_and_add_to_stack(client: LanguageClient, workspace: Path):
    uri = open_doc(client, workspace / "post.md", POSTING)
    diags = await wait_for(client, lambda d: d.get(uri))

    rock = next(d for d in diags if d.code == "exclusionary-language")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rock.range,
        context=types.CodeActionContext(diagnostics=[rock])))
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.title.startswith("Replace 'rockstar' with 'expert'"))
    assert fix.is_preferred and list(fix.diagnostics) == [rock]
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "expert" and edit.range == rock.range
    assert "Suppress exclusionary-language for this line" in titles
    assert "Suppress exclusionary-language for this file" in titles
    assert any(a.kind == "source.fixAll.jdlint" for a in actions), [(a.title, a.kind) for a in actions]
    assert not any("stack" in t for t in titles)  # only for tool-not-in-stack

    line = next(a for a in actions if a.title.endswith("for this line"))
    (ledit,) = line.edit.changes[uri]
    assert ledit.new_text == " <!-- jdlint-disable-line exclusionary-language -->"
    assert ledit.range.start.line == rock.range.start.line
    whole = next(a for a in actions if a.title.endswith("for this file"))
    (fedit,) = whole.edit.changes[uri]
    assert fedit.new_text == "<!-- jdlint-disable-file exclusionary-language -->\n"
    assert fedit.range.start == types.Position(line=0, character=0)

    # Applying the suppression for the line (as the editor would) removes the finding.
    lines = POSTING.split("\n")
    lines[ledit.range.start.line] += ledit.new_text
    change_doc(client, uri, "\n".join(lines), 2)
    await wait_for(client, lambda d: "exclusionary-language" not in codes(d.get(uri, [])) and d.get(uri))

    tool = next(d for d in client.diagnostics[uri] if d.code == "tool-not-in-stack")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=tool.range,
        context=types.CodeActionContext(diagnostics=[tool])))
    add = next(a for a in actions if a.title == "Add 'TensorFlow' to the stack in .jdlint.yaml")
    # pytest-lsp reads a code action holding only a command back as a Command (the union's
    # first type), with the nested command as text: check it names ours, then run it.
    assert "jdlint.addToStack" in str(add.command) and "TensorFlow" in str(add.command)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="jdlint.addToStack", arguments=[str(workspace / ".jdlint.yaml"), "TensorFlow"]))
    assert (workspace / ".jdlint.yaml").read_text() == CONFIG + "  - TensorFlow\n"
    # The config change takes effect at once: the finding goes without a restart.
    await wait_for(client, lambda d: d.get(uri) and "tool-not-in-stack" not in codes(d[uri]))


async def test_hover_explains_the_finding(client: LanguageClient, workspace: Path):
    uri = open_doc(client, workspace / "post.md", POSTING)
    diags = await wait_for(client, lambda d: d.get(uri))
    title = next(d for d in diags if d.code == "stacked-title")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=5)))
    assert hover is not None and hover.range == title.range
    text = hover.contents.value
    assert "JD101 stacked-title" in text and "**Why.**" in text and "**Instead.**" in text
    assert "Evidence: `Data Engineer / Analytics Engineer`" in text
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=0)))
    assert nothing is None


async def test_config_error_is_one_diagnostic_and_the_server_keeps_serving(client: LanguageClient, workspace: Path):
    cfg = workspace / ".jdlint.yaml"
    cfg.write_text("stack: [Python\nrules: {}\n")
    cfg_uri = from_fs_path(str(cfg))
    uri = open_doc(client, workspace / "post.md", POSTING)
    (err,) = await wait_for(client, lambda d: d.get(cfg_uri))
    assert err.severity == types.DiagnosticSeverity.Error and "jdlint cannot use this config" in err.message
    assert not client.diagnostics.get(uri)

    # Fixed on disk, then saved in the editor: the config error goes, the findings come.
    cfg.write_text(CONFIG)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=cfg_uri)))
    await wait_for(client, lambda d: d.get(uri) and cfg_uri in d and not d[cfg_uri])

    # Changed behind the editor's back (no event at all): seen on the next lint.
    time.sleep(0.01)
    cfg.write_text(CONFIG.replace("  - Airflow\n", "  - Airflow\n  - TensorFlow\n"))
    change_doc(client, uri, POSTING + "\n", 2)
    await wait_for(client, lambda d: d.get(uri) and "tool-not-in-stack" not in codes(d[uri]))


async def test_pack_change_takes_effect_without_restart(client: LanguageClient, workspace: Path):
    pack = workspace / "pack"
    pack.mkdir()
    rule = ("id: X001\nname: no-ninja\nkind: existence\nseverity: warning\nmessage: ninja is jargon\nwhy: w\ninstead: i\n"
            "examples: {bad: [], good: []}\noptions:\n  patterns: ['\\bninja\\b']\n")
    (pack / "X001-no-ninja.yaml").write_text(rule)
    (workspace / ".jdlint.yaml").write_text(CONFIG + "packs: [pack]\n")
    uri = open_doc(client, workspace / "post.md", POSTING.replace("rockstar", "ninja"))
    diags = await wait_for(client, lambda d: d.get(uri))
    assert "no-ninja" in codes(diags)
    href = next(d for d in diags if d.code == "no-ninja").code_description.href
    assert href.startswith("file://") and href.endswith("X001-no-ninja.yaml")
    # The server asked to be told about YAML changes (configs, `extends`, packs).
    registrations = getattr(client, "registrations", [])
    assert [r.method for r in registrations] == ["workspace/didChangeWatchedFiles"]
    (pack / "X001-no-ninja.yaml").write_text(rule.replace("severity: warning", "severity: error"))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=from_fs_path(str(pack / "X001-no-ninja.yaml")) or "", type=types.FileChangeType.Changed)]))
    await wait_for(client, lambda d: any(x.code == "no-ninja" and x.severity == types.DiagnosticSeverity.Error for x in d.get(uri, [])))


@pytest.mark.slow
async def test_a_megabyte_posting_keeps_the_server_responsive(client: LanguageClient, workspace: Path):
    body = ("- Build and run the billing pipeline with Python and Airflow, and own its monitoring.\n" * 12000)
    text = "# Data Engineer\n\n" + CLEAN_BODY + "\n## Responsibilities\n\n" + body
    assert len(text) > 1_000_000
    uri = open_doc(client, workspace / "big.md", text)
    # While the big posting lints, requests are answered at once.
    worst = 0.0
    for _ in range(5):
        t0 = time.monotonic()
        await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
        worst = max(worst, time.monotonic() - t0)
        await asyncio.sleep(0.05)
    assert worst < 0.5, worst
    # Typing into it: the stale lints are dropped and the last version wins.
    for v in range(2, 8):
        change_doc(client, uri, text + "\nWe want a rockstar.\n" * (v == 7), v)
    await wait_for(client, lambda d: "exclusionary-language" in codes(d.get(uri, [])), timeout=60)


# -- the pieces, without a client ----------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("stack: [Python, Airflow]  # ours\n", "stack: [Python, Airflow, dbt] # ours\n"),
    ("stack: []\n", "stack: [dbt]\n"),
    ("stack:\n  - Python\n  - Airflow\nstage: seed\n", "stack:\n  - Python\n  - Airflow\n  - dbt\nstage: seed\n"),
    ("stack:\n    - Python\n\n# later\nstage: seed\n", "stack:\n    - Python\n    - dbt\n\n# later\nstage: seed\n"),
    ("stage: seed\n", "stage: seed\nstack:\n  - dbt\n"),
    ("", "stack:\n  - dbt\n"),
    ("stack: Python\n", "stack: [Python, dbt]\n"),
])
async def test_add_to_stack_keeps_the_config_layout(before: str, after: str):
    import yaml

    from jdlint.server import add_to_stack_text

    assert add_to_stack_text(before, "dbt") == after
    assert yaml.safe_load(after)["stack"][-1] == "dbt"


async def test_add_to_stack_quotes_what_yaml_would_misread():
    import yaml

    from jdlint.server import add_to_stack_text

    assert yaml.safe_load(add_to_stack_text("stack: [Python]\n", "C#: the language"))["stack"] == ["Python", "C#: the language"]


async def test_positions_count_utf16_units_as_lsp_says():
    from jdlint.finding import Finding, Severity
    from jdlint.server import Positions

    text = "# 😀 Data Engineer / Analyst\r\nrockstar\n"
    f = Finding("p", 1, 5, 1, 18, "JD101", "stacked-title", Severity.ERROR, "m")
    utf16 = Positions(text, types.PositionEncodingKind.Utf16)
    assert utf16.range(f) == types.Range(start=types.Position(line=0, character=5), end=types.Position(line=0, character=18))
    assert utf16.to_char(types.Position(line=0, character=5)) == (1, 5)
    utf32 = Positions(text, types.PositionEncodingKind.Utf32)
    assert utf32.range(f).start.character == 4
    assert utf16.lines == ["# 😀 Data Engineer / Analyst", "rockstar"]


async def test_suppressions_join_an_existing_directive():
    from jdlint.config import Config
    from jdlint.finding import Finding, Severity
    from jdlint.server import Linted, Positions, suppress_file_edit, suppress_line_edit

    text = "---\ntitle: x\n---\n<!-- jdlint-disable-file wish-list -- later -->\n# T\nWe want a rockstar. <!-- jdlint-disable-line gendered-wording -->\n"
    linted = Linted(1, text, [], Config(), front_matter_end=3, positions=Positions(text, "utf-16"))
    f = Finding("p", 6, 11, 6, 19, "JD205", "exclusionary-language", Severity.WARNING, "m")
    line = suppress_line_edit(f, linted)
    assert line is not None and line.new_text == " exclusionary-language"
    assert line.range.start == types.Position(line=5, character=len("We want a rockstar. <!-- jdlint-disable-line gendered-wording"))
    whole = suppress_file_edit(f, linted)
    assert whole.new_text == " exclusionary-language"
    assert whole.range.start == types.Position(line=3, character=len("<!-- jdlint-disable-file wish-list"))
    in_front_matter = Finding("p", 2, 1, 2, 5, "JD001", "front-matter", Severity.ERROR, "m")
    assert suppress_line_edit(in_front_matter, linted) is None
