#!/usr/bin/env python3
"""End-to-end test of the packaged VS Code extension in a real VS Code.

Installs the .vsix into code-server (VS Code 1.100.3 in the browser), opens a
workspace with a draft that has defects and a real adopted resolution (a .txt),
and checks through the page what a user sees, with Chromium driven by
Playwright:

  server     the unres output channel says it started the bundled server
  problems   the Problems panel lists the draft's diagnostics with their codes
  hover      a hover on a cited resolution shows its date
  numbering  Enter at the end of operative paragraph 11 starts paragraph 12
  completion `Req` after `\\t12.\\t` offers "Requests"
  quickfix   the NUM001 quick fix renumbers the paragraphs
  txt        "unres: Treat This File as a UN Resolution" on a .txt checks it

Prints one `PASS name: detail` or `FAIL name: detail` line per check and saves
a screenshot per step in the artifacts folder. No PATH entry or ~/.cargo/bin
holds unres while it runs, so only the bundled server can start.

Usage: vscode_e2e.py --vsix FILE --code-server DIR/code-server --repo ROOT --artifacts DIR
(editors/vscode/e2e/code-server-setup.sh DIR installs code-server, Chromium and
Playwright; tests/vscode_e2e.rs runs all of it from `cargo test`.)
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/lib/chromium/chromium"
RESULTS = []


def report(ok, name, detail):
    line = f"{'PASS' if ok else 'FAIL'} {name}: {detail}"
    RESULTS.append(line)
    print(line, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def text_of(page, selector):
    """The visible text of the first element matching `selector`, spaces normalised."""
    locator = page.locator(selector).first
    if locator.count() == 0:
        return ""
    return " ".join(locator.inner_text().replace("\u00a0", " ").split())


# VS Code renders inlay hints (the server's `OP12` labels) as injected text inside the
# line, in spans with a generated `dyn-rule-*` class; they are not part of the file.
LINE_TEXT = """e => {
    const line = e.cloneNode(true);
    line.querySelectorAll("[class*='dyn-rule']").forEach(hint => hint.remove());
    return line.textContent;
}"""
HINTS = """e => Array.from(e.querySelectorAll("[class*='dyn-rule']"), hint => hint.textContent)"""


def visible_lines(page, script):
    """`script` evaluated on each visible line of the active editor, top to bottom."""
    lines = page.locator(".editor-instance .view-lines .view-line")
    rows = []
    for i in range(lines.count()):
        line = lines.nth(i)
        top = line.evaluate("e => parseFloat(e.style.top) || 0")
        rows.append((top, line.evaluate(script)))
    return [value for _, value in sorted(rows, key=lambda row: row[0])]


def editor_text(page):
    """The text of the visible lines of the active editor, one string per line."""
    return [text.replace("\u00a0", " ") for text in visible_lines(page, LINE_TEXT)]


def inlay_hints(page):
    """The inlay hints shown on the visible lines, one list per line."""
    return [[hint.strip() for hint in hints] for hints in visible_lines(page, HINTS)]


def run_command(page, title):
    page.keyboard.press("F1")
    page.wait_for_selector(".quick-input-widget input", state="visible")
    page.keyboard.type(title)
    page.wait_for_selector(f".quick-input-list .monaco-list-row[aria-label*='{title}']", timeout=15000)
    page.keyboard.press("Enter")


def open_file(page, name):
    page.keyboard.press("Escape")
    page.keyboard.press("Control+P")
    page.wait_for_selector(".quick-input-widget input", state="visible")
    page.keyboard.type(name)
    page.wait_for_selector(f".quick-input-list .monaco-list-row[aria-label*='{name}']", timeout=15000)
    page.keyboard.press("Enter")
    page.wait_for_selector(f".tab.active[aria-label*='{name}']", timeout=15000)
    page.wait_for_selector(".editor-instance .view-lines .view-line", timeout=15000)


def go_to(page, line, column):
    page.keyboard.press("Control+G")
    page.wait_for_selector(".quick-input-widget input", state="visible")
    page.keyboard.type(f"{line}:{column}")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)


def poll(seconds, probe):
    """Calls `probe` until it returns something true or time runs out."""
    deadline = time.time() + seconds
    value = probe()
    while not value and time.time() < deadline:
        time.sleep(0.5)
        value = probe()
    return value


def problems_text(page):
    return text_of(page, ".markers-panel")


def check(name, step, page, artifacts):
    """Runs one step; a step that raises is a FAIL with its message."""
    try:
        ok, detail = step()
    except Exception as error:  # noqa: BLE001 - every error of a step is its failure
        ok, detail = False, f"{type(error).__name__}: {str(error).splitlines()[0]}"
    page.screenshot(path=os.path.join(artifacts, f"{len(RESULTS) + 1:02d}-{name}.png"))
    report(ok, name, detail)
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vsix", required=True)
    parser.add_argument("--code-server", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)

    scratch = tempfile.mkdtemp(prefix="unres-vscode-e2e-")
    home = os.path.join(scratch, "home")
    data = os.path.join(scratch, "data")
    extensions = os.path.join(scratch, "extensions")
    workspace = os.path.join(scratch, "workspace")
    for folder in (home, os.path.join(data, "User"), extensions, workspace):
        os.makedirs(folder)
    e2e = os.path.join(args.repo, "editors", "vscode", "e2e")
    shutil.copy(os.path.join(e2e, "fixtures", "draft.unres"), workspace)
    shutil.copy(os.path.join(args.repo, "data", "examples", "A_RES_68_230.txt"), workspace)
    with open(os.path.join(data, "User", "settings.json"), "w", encoding="utf-8") as handle:
        json.dump(
            {
                "security.workspace.trust.enabled": False,
                "workbench.startupEditor": "none",
                "workbench.tips.enabled": False,
                "workbench.enableExperiments": False,
                "extensions.autoUpdate": False,
                "extensions.autoCheckUpdates": False,
                "extensions.ignoreRecommendations": True,
                "telemetry.telemetryLevel": "off",
                "update.mode": "none",
                "editor.minimap.enabled": False,
                "editor.wordWrap": "off",
                "editor.hover.delay": 100,
            },
            handle,
        )
    # Neither PATH nor ~/.cargo/bin holds unres: only the bundled server can start.
    path = os.pathsep.join(
        d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not os.path.exists(os.path.join(d, "unres"))
    )
    env = dict(os.environ, HOME=home, PATH=path, XDG_CONFIG_HOME=os.path.join(home, ".config"))
    env.pop("VSCODE_IPC_HOOK_CLI", None)

    install = subprocess.run(
        [args.code_server, "--install-extension", args.vsix, "--extensions-dir", extensions, "--user-data-dir", data],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report(install.returncode == 0, "install", (install.stdout + install.stderr).strip().splitlines()[-1:] or "")
    if install.returncode != 0:
        return 1

    port = free_port()
    log = open(os.path.join(args.artifacts, "code-server.log"), "w", encoding="utf-8")
    server = subprocess.Popen(
        [
            args.code_server,
            "--bind-addr", f"127.0.0.1:{port}",
            "--auth", "none",
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            "--user-data-dir", data,
            "--extensions-dir", extensions,
            workspace,
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        if not wait_for_http(f"http://127.0.0.1:{port}/healthz", 90):
            report(False, "code-server", "did not answer on its port within 90 s")
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/?folder={workspace}")
            page.wait_for_selector(".monaco-workbench", timeout=60000)
            page.wait_for_selector(".explorer-folders-view, .explorer-viewlet", timeout=60000)
            steps(page, args.artifacts)
            browser.close()
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)
    failed = [r for r in RESULTS if r.startswith("FAIL")]
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def steps(page, artifacts):
    open_file(page, "draft.unres")

    def problems():
        page.keyboard.press("Control+Shift+M")
        text = poll(60, lambda: (t := problems_text(page)) and "NUM001" in t and "NUM006" in t and t)
        return bool(text), (text or problems_text(page) or "no Problems panel")[:300]

    check("problems", problems, page, artifacts)

    def server():
        run_command(page, "unres: Show Language Server Log")
        text = poll(20, lambda: (t := text_of(page, ".output-view, .panel .monaco-editor")) and "Starting" in t and t)
        started = "Starting the server bundled with the extension" in (text or "")
        return started, (text or "no output channel")[:300]

    check("server", server, page, artifacts)

    def hover():
        page.locator(".editor-instance .view-lines").first.click()
        go_to(page, 2, 30)
        page.keyboard.press("Control+K")
        page.keyboard.press("Control+I")
        # The link's tooltip shows at once; the server's hover joins it.
        text = poll(30, lambda: (t := text_of(page, ".monaco-hover:not(.hidden)")) and "Adopted" in t and t)
        text = text or text_of(page, ".monaco-hover:not(.hidden)")
        return "21 December 2009" in text and "Nairobi" in text, (text or "no hover")[:400]

    check("hover", hover, page, artifacts)

    def labels():
        hints = poll(20, lambda: (h := [x for line in inlay_hints(page) for x in line]) and "OP1" in h and h)
        hints = hints or [x for line in inlay_hints(page) for x in line]
        return "OP1" in hints and "PP1" in hints, f"inlay hints: {hints[:12]}"

    check("labels", labels, page, artifacts)

    def numbering():
        page.keyboard.press("Escape")
        go_to(page, 16, 200)
        page.keyboard.press("End")
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        lines = editor_text(page)
        ok = any(line.strip() == "12." for line in lines)
        return ok, f"line after 11.: {[l for l in lines if l.strip().startswith(('11.', '12.'))]}"

    check("numbering", numbering, page, artifacts)

    def completion():
        page.keyboard.type("Req")
        page.keyboard.press("Control+Space")
        text = poll(20, lambda: (t := text_of(page, ".suggest-widget.visible")) and "Requests" in t and t)
        if not text:
            return False, text_of(page, ".suggest-widget") or "no suggestion list"
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        lines = [l for l in editor_text(page) if "12." in l]
        return any("Requests" in l for l in lines), f"offered: {text[:160]}; line: {lines}"

    check("completion", completion, page, artifacts)

    def quickfix():
        go_to(page, 9, 2)
        page.keyboard.press("Control+.")
        menu = poll(20, lambda: (t := text_of(page, ".action-widget")) and "Renumber" in t and t)
        if not menu:
            return False, text_of(page, ".action-widget") or "no quick fix menu"
        page.keyboard.press("Enter")
        page.keyboard.press("Control+Shift+M")
        fixed = poll(20, lambda: (t := problems_text(page)) and "NUM006" in t and "NUM001" not in t)
        renumbered = [l.strip() for l in editor_text(page) if l.strip()[:3] in ("3. ", "11.")]
        ok = bool(fixed) and renumbered[:1] == ["3.  Encourages Member States to share experience;"]
        return ok, f"menu: {menu[:80]}; now: {renumbered}; problems: {problems_text(page)[:160]}"

    check("quickfix", quickfix, page, artifacts)

    def txt():
        open_file(page, "A_RES_68_230.txt")
        before = text_of(page, ".statusbar-item[id*='editor.status.mode'], #status\\.editor\\.mode")
        run_command(page, "unres: Treat This File as a UN Resolution")
        mode = poll(20, lambda: (t := text_of(page, "#status\\.editor\\.mode")) and "resolution" in t.lower() and t)
        page.keyboard.press("Control+Shift+M")
        listed = poll(60, lambda: "A_RES_68_230.txt" in problems_text(page))
        return bool(mode) and bool(listed), f"language {before!r} -> {mode!r}; problems: {problems_text(page)[:200]}"

    check("txt", txt, page, artifacts)


if __name__ == "__main__":
    sys.exit(main())
