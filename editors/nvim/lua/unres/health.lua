--- :checkhealth unres
local M = {}

local health = vim.health

--- Runs `<binary> --version`; returns the version ("0.1.0") and the raw output.
function M.server_version(binary)
  local ok, result = pcall(function()
    return vim.system({ binary, "--version" }, { text = true }):wait(5000)
  end)
  if not ok or result == nil then
    return nil, tostring(result)
  end
  local output = vim.trim((result.stdout or "") .. (result.stderr or ""))
  return output:match("^unres%s+(%d+%.%d+%.%d+%S*)"), output
end

local function log_path()
  if vim.lsp.log and vim.lsp.log.get_filename then
    return vim.lsp.log.get_filename()
  end
  return vim.lsp.get_log_path()
end

--- The folder the project configuration is looked for from: that of the unres file
--- used last (:checkhealth itself runs in a new tab), else the working directory.
function M.start_dir()
  local latest
  for _, info in ipairs(vim.fn.getbufinfo({ buflisted = 1 })) do
    if info.name ~= "" and vim.bo[info.bufnr].filetype == "unres" and (latest == nil or info.lastused > latest.lastused) then
      latest = info
    end
  end
  return latest and vim.fs.dirname(latest.name) or vim.uv.cwd()
end

--- The project configuration file in use, `.unres.toml` found by walking up.
function M.config_file()
  return vim.fs.find(".unres.toml", { upward = true, path = M.start_dir(), type = "file" })[1]
end

function M.check()
  health.start("unres")

  if vim.fn.has("nvim-0.10") == 1 then
    local v = vim.version()
    health.ok(("Neovim %d.%d.%d"):format(v.major, v.minor, v.patch))
  else
    health.error("Neovim 0.10 or later is needed")
  end

  local unres = require("unres")
  local options = unres.options
  if options == nil then
    health.warn('setup() has not been called', { 'Add require("unres").setup({}) to your configuration.' })
  else
    health.ok("setup() has been called")
  end

  local cmd = options and options.cmd or { "unres", "lsp" }
  local binary = type(cmd) == "table" and cmd[1] or nil
  if binary == nil then
    health.info("cmd is a function: the binary cannot be checked")
  else
    local path = vim.fn.exepath(binary)
    if path == "" then
      health.error(("the unres binary %q was not found"):format(binary), {
        "Install it: cargo install --path . (in the unres source folder), which puts it in ~/.cargo/bin",
        "Make sure ~/.cargo/bin is on PATH, or pass the full path: setup({ cmd = { '/path/to/unres', 'lsp' } })",
      })
    else
      health.ok(("binary found: %s"):format(path))
      local version, output = M.server_version(path)
      if version then
        health.ok(("version: %s"):format(output:match("^[^\n]*")))
      else
        health.error(("`%s --version` did not print `unres X.Y.Z`: %s"):format(path, output))
      end
    end
  end

  if vim.filetype.match({ filename = "draft.unres" }) == "unres" then
    health.ok("*.unres files are detected as filetype unres")
  else
    health.warn("*.unres files are not detected as filetype unres", { 'Call require("unres").setup({}).' })
  end

  local config_file = M.config_file()
  if config_file then
    health.ok(("config file: %s (read by the server and by `unres check`)"):format(config_file))
  else
    health.info(("config file: none (no .unres.toml in %s or above); the settings of setup() apply"):format(M.start_dir()))
  end
  if options then
    health.info(("settings sent to the server: %s"):format(vim.json.encode(options.settings or {})))
  end

  local clients = vim.lsp.get_clients({ name = "unres" })
  if #clients == 0 then
    health.info("no unres client is running (open a .unres file to start one)")
  end
  for _, client in ipairs(clients) do
    local buffers = vim.tbl_keys(client.attached_buffers or {})
    local info = client.server_info or {}
    health.ok(
      ("client %d running: server %s %s, attached to %d buffer(s); log: %s"):format(
        client.id,
        info.name or "?",
        info.version or "?",
        #buffers,
        log_path()
      )
    )
  end
end

return M
