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
---   completion = "auto",                  -- built-in vim.lsp.completion unless nvim-cmp/blink.cmp
---   diagnostics = "auto",                 -- long messages as virtual lines on the cursor line
---   enter = true,                         -- Enter continues numbers and labels (the server's)
--- })
local M = {}

local defaults = {
  cmd = { "unres", "lsp" },
  filetypes = { "unres" },
  root_markers = { ".git" },
  settings = {},
  on_attach = nil,
  capabilities = nil,
  -- "auto": Neovim's own vim.lsp.completion (0.11+) with its documentation popup,
  -- unless nvim-cmp or blink.cmp is loaded (they take the server's completion
  -- themselves); "builtin": always; false: leave completion alone.
  completion = "auto",
  -- true: Enter at the end of a numbered line starts the next number or label, as
  -- the server's on-type formatting decides (textDocument/onTypeFormatting on "\n").
  enter = true,
  -- "auto": on Neovim 0.11+, the server's messages (often longer than the window)
  -- as virtual lines under the cursor's line instead of virtual text cut at the
  -- window's edge; false: keep your vim.diagnostic.config().
  diagnostics = "auto",
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

--- Is a completion engine that brings its own LSP source loaded?
local function completion_plugin()
  return package.loaded["cmp"] ~= nil or package.loaded["blink.cmp"] ~= nil
end

--- Renders a floating window's buffer as Markdown (treesitter highlighting, markup
--- concealed), as Neovim does for hover windows. Returns true when it could.
function M.render_markdown(bufnr, winid)
  if not (vim.api.nvim_buf_is_valid(bufnr) and vim.api.nvim_win_is_valid(winid)) then
    return false
  end
  local ok = pcall(vim.treesitter.start, bufnr, "markdown")
  if not ok then
    vim.bo[bufnr].syntax = "markdown"
  end
  vim.wo[winid].conceallevel = 2
  vim.wo[winid].wrap = true
  return true
end

--- The completion menu's documentation popup ('completeopt' popup) shows an item's
--- documentation as plain text; render it as Markdown while the menu is open.
local function render_completion_docs(bufnr)
  vim.api.nvim_create_autocmd("CompleteChanged", {
    group = vim.api.nvim_create_augroup("unres_completion_docs_" .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = function()
      vim.schedule(function()
        local info = vim.fn.complete_info({ "selected" })
        if info.preview_bufnr and info.preview_winid then
          M.render_markdown(info.preview_bufnr, info.preview_winid)
        end
      end)
    end,
  })
end

--- After Enter: ask the server what the new line starts with (the next number or
--- label; a label alone above ends the list) and put the cursor after it.
function M.continue_line(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = vim.lsp.get_clients({ name = "unres", bufnr = bufnr })[1]
  if client == nil then
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  params.ch = "\n"
  params.options = { tabSize = vim.bo[bufnr].tabstop, insertSpaces = vim.bo[bufnr].expandtab }
  local method = "textDocument/onTypeFormatting"
  local answer
  if vim.fn.has("nvim-0.11") == 1 then
    answer = client:request_sync(method, params, 1000, bufnr)
  else
    answer = client.request_sync(method, params, 1000, bufnr)
  end
  local edits = answer and answer.result
  if type(edits) ~= "table" or #edits == 0 then
    return
  end
  vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
  -- The labels are ASCII: the edit's start column plus its text is the new cursor.
  local edit = edits[1]
  local row = edit.range.start.line + 1
  vim.api.nvim_win_set_cursor(0, { row, edit.range.start.character + #edit.newText })
end

--- Enter in insert mode: a newline, then the server's continuation.
local function map_enter(bufnr)
  vim.keymap.set("i", "<CR>", function()
    if vim.fn.pumvisible() == 1 then
      return "<CR>"
    end
    return "<CR><Cmd>lua require('unres').continue_line()<CR>"
  end, { buffer = bufnr, expr = true, desc = "unres: continue the numbering" })
end

--- The editor side of an attached unres client: completion with rendered
--- documentation, a display for long diagnostics, and Enter continuing numbers.
function M.attach(client, bufnr, options)
  if options.enter then
    map_enter(bufnr)
  end
  local completion = options.completion
  local builtin = completion == "builtin" or (completion == "auto" and not completion_plugin())
  if builtin and vim.lsp.completion ~= nil and vim.lsp.completion.enable ~= nil then
    vim.lsp.completion.enable(true, client.id, bufnr, { autotrigger = false })
    -- "popup" shows an item's documentation (Markdown, rendered by Neovim) beside the menu.
    vim.api.nvim_set_option_value("completeopt", "menuone,noselect,popup", { scope = "local", buf = bufnr })
  end
  if builtin or not completion_plugin() then
    render_completion_docs(bufnr)
  end
  if options.diagnostics == "auto" and vim.fn.has("nvim-0.11") == 1 then
    local display = {
      virtual_text = false,
      virtual_lines = { current_line = true },
      float = { source = false, border = "rounded" },
    }
    for _, pull in ipairs({ false, true }) do
      vim.diagnostic.config(display, vim.lsp.diagnostic.get_namespace(client.id, pull))
    end
  end
  if options.on_attach then
    options.on_attach(client, bufnr)
  end
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
    on_attach = function(client, bufnr)
      M.attach(client, bufnr, options)
    end,
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
