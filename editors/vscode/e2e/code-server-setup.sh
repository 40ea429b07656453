#!/usr/bin/env bash
# (The project's copy of shared/tools/code-server-setup.sh, so that CI needs nothing
# beside the clone.)
#
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3, the newest release that
# runs on Node 20) from the npm registry, plus Debian's Chromium and Python's Playwright to
# drive it headless, for end-to-end tests of the VS Code extension.
#
#   shared/tools/code-server-setup.sh DIR        # installs into DIR (about 5 minutes, once)
#   DIR/code-server --install-extension unres-0.1.0.vsix --extensions-dir EXT
#   DIR/code-server --bind-addr 127.0.0.1:8080 --auth none --user-data-dir DATA --extensions-dir EXT WORKSPACE
#   python3: playwright.async_api, chromium.launch(executable_path="/usr/lib/chromium/chromium",
#            args=["--no-sandbox", "--disable-gpu"]); page.goto("http://127.0.0.1:8080/?folder=WORKSPACE")
#
# Notes: code-server's own postinstall downloads from GitHub, which is unreachable here, so
# install scripts are skipped and the native modules rebuilt against the system Node; the
# ripgrep binary comes from Debian. The extension host takes PATH from a login shell: set
# the extension's server-path setting (or put the binary in ~/.cargo/bin) rather than
# relying on the PATH code-server was started with. Bind to 127.0.0.1 only.
set -euo pipefail
dir=${1:?usage: code-server-setup.sh DIR}
version=4.100.3
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! command -v make >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential pkg-config libsecret-1-dev \
    libkrb5-dev libx11-dev libxkbfile-dev ripgrep chromium >/dev/null
fi
python3 -c 'import playwright' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check playwright

if [ ! -x "$dir/code-server" ]; then
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "code-server@$version" >/dev/null && tar xzf "code-server-$version.tgz")
  rm -rf "$dir/package" && mv "$work/package" "$dir/package" && rm -rf "$work"
  cd "$dir/package"
  npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund
  (cd lib/vscode && npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm_config_nodedir=/usr npm rebuild --silent @parcel/watcher @vscode/spdlog node-pty native-watchdog kerberos || true)
  (cd lib/vscode && mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/ \
    && ln -sfn node_modules node_modules.asar)
  (cd lib/vscode/bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd lib/vscode/bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd lib/vscode/extensions && npm install --silent --omit=dev --no-audit --no-fund || true)
  (npm_config_nodedir=/usr npm rebuild --silent argon2 || true)
  cat > "$dir/code-server" <<SH
#!/usr/bin/env bash
exec node "$dir/package/out/node/entry.js" "\$@"
SH
  chmod +x "$dir/code-server"
fi
"$dir/code-server" --version | head -1
