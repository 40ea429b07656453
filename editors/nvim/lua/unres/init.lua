--- unres: the unres language server for drafts of United Nations resolutions.
---
--- require("unres").setup({
---   cmd = { "unres", "lsp" },             -- how to start the server
---   settings = {                          -- sent to the server under `unres`
---     rules = { VRB017 = "off" },
---     footnotes = { repeatIndicators = "legacy" },
---     organ = "auto",
---     catalogs = {},
---     phrases = { preambular = {}, operative = {} },
---   },
--- })
local M = {}

local defaults = {
  cmd = { "unres", "lsp" },
  filetypes = { "unres" },
  root_markers = { ".git" },
  settings = {},
  on_attach = nil,
  capabilities = nil,
}

--- The options of the last setup() call, or nil before it.
M.options = nil

local warned_missing = false

--- The settings object under `unres`; `{ unres = {...} }` is accepted as well.
local function unres_settings(settings)
  if type(settings) == "table" and type(settings.unres) == "table" then
    return settings.unres
  end
  return settings or {}
end

--- The client configuration handed to vim.lsp.
function M.client_config(options)
  local settings = unres_settings(options.settings)
  return {
    name = "unres",
    cmd = options.cmd,
    filetypes = options.filetypes,
    root_markers = options.root_markers,
    -- The server reads the same object from initializationOptions at start and from
    -- workspace/configuration (section "unres") or didChangeConfiguration later.
    init_options = settings,
    settings = { unres = settings },
    on_attach = options.on_attach,
    capabilities = options.capabilities,
  }
end

--- Says once, as a warning, that the binary is missing. Returns true when it is missing.
local function warn_if_missing(options)
  if type(options.cmd) ~= "table" or vim.fn.executable(options.cmd[1]) == 1 then
    return false
  end
  if not warned_missing then
    warned_missing = true
    vim.notify(
      ("unres: the language server %q was not found. Install it with `cargo install --path .` "
        .. "in the unres source folder, or pass its full path: "
        .. 'require("unres").setup({ cmd = { "/path/to/unres", "lsp" } }). Run :checkhealth unres for details.'):format(
        options.cmd[1]
      ),
      vim.log.levels.WARN
    )
  end
  return true
end

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local found = vim.fs.root(bufnr, markers)
  if found then
    return found
  end
  return name ~= "" and vim.fs.dirname(name) or vim.uv.cwd()
end

--- Neovim 0.10: start (or reuse) the client for one buffer, with the current options.
local function start_for_buffer(bufnr)
  if warn_if_missing(M.options) then
    return
  end
  local config = M.client_config(M.options)
  local start_config = vim.tbl_extend("force", config, { root_dir = root_dir(bufnr, config.root_markers) })
  start_config.filetypes = nil
  start_config.root_markers = nil
  vim.lsp.start(start_config, { bufnr = bufnr })
end

function M.setup(opts)
  if vim.fn.has("nvim-0.10") == 0 then
    vim.notify("unres: Neovim 0.10 or later is needed", vim.log.levels.ERROR)
    return
  end
  opts = opts or {}
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts)
  -- A list given by the user replaces the default rather than merging into it.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] ~= nil then
      M.options[key] = opts[key]
    end
  end
  vim.filetype.add({ extension = { unres = "unres" } })

  local group = vim.api.nvim_create_augroup("unres", { clear = true })

  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    -- Neovim 0.11+: the built-in configuration framework.
    vim.lsp.config("unres", M.client_config(M.options))
    vim.lsp.enable("unres")
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.options.filetypes,
      callback = function()
        warn_if_missing(M.options)
      end,
    })
  else
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.options.filetypes,
      callback = function(event)
        start_for_buffer(event.buf)
      end,
    })
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then
        start_for_buffer(bufnr)
      end
    end
  end
end

--- Replaces the settings of running unres clients and tells the servers.
function M.update_settings(settings)
  local object = unres_settings(settings)
  if M.options then
    M.options.settings = object
    if vim.lsp.config ~= nil then
      -- Clients started from now on get the new settings too.
      vim.lsp.config("unres", M.client_config(M.options))
    end
  end
  for _, client in ipairs(vim.lsp.get_clients({ name = "unres" })) do
    client.settings = { unres = object }
    client.config.settings = client.settings
    local params = { settings = { unres = object } }
    if vim.fn.has("nvim-0.11") == 1 then
      client:notify("workspace/didChangeConfiguration", params)
    else
      client.notify("workspace/didChangeConfiguration", params)
    end
  end
end

return M
