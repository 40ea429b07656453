-- End-to-end test of editors/nvim in a real, headless Neovim against the real server.
--
--   nvim --headless -u NONE -i NONE -l tests/editors/neovim_e2e.lua \
--        <unres binary> <editors/nvim> <fixture.unres>
--
-- With UNRES_E2E_LSP_START=1 the harness hides vim.lsp.config and vim.lsp.enable before
-- setup(), so the plugin takes its Neovim 0.10 path (vim.lsp.start) in a newer Neovim.
--
-- The plugin is loaded as a user would load it (runtimepath + setup); each check prints
-- one PASS/FAIL line, the last line counts them, and the exit code is 0 only if all pass.
-- The fixture is a draft whose operative paragraph 3 is numbered 4.

local binary, plugin_dir, fixture = arg[1], arg[2], arg[3]
local timeout = tonumber(vim.env.UNRES_E2E_TIMEOUT_MS or "") or 20000

local passed, failed = 0, 0

local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

--- Runs one check: `fn` returns ok, detail (or raises, which counts as a failure).
local function check(name, fn)
  local ran, ok, detail = pcall(fn)
  if not ran then
    ok, detail = false, "error: " .. tostring(ok)
  end
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
  end
  out(("%s %s: %s"):format(ok and "PASS" or "FAIL", name, detail or ""))
  return ok
end

local function finish()
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop()
  end
  vim.wait(3000, function()
    return #vim.lsp.get_clients() == 0
  end, 50)
  out(("neovim: %d passed, %d failed"):format(passed, failed))
  os.exit(failed == 0 and 0 or 1)
end

if not (binary and plugin_dir and fixture) then
  out("usage: nvim --headless -u NONE -l neovim_e2e.lua <unres binary> <editors/nvim> <fixture>")
  failed = 1
  finish()
end

--- The first line (0-based) whose text matches `pattern`, and the match's start column.
local function find(bufnr, pattern)
  for index, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = text:find(pattern)
    if column then
      return index - 1, column - 1
    end
  end
end

--- All text of a hover result's contents, whatever form the server uses.
local function hover_text(contents)
  if type(contents) == "string" then
    return contents
  elseif type(contents) ~= "table" then
    return ""
  elseif contents.value then
    return contents.value
  end
  local parts = {}
  for _, part in ipairs(contents) do
    table.insert(parts, hover_text(part))
  end
  return table.concat(parts, "\n")
end

local function log_path()
  if vim.lsp.log and vim.lsp.log.get_filename then
    return vim.lsp.log.get_filename()
  end
  return vim.lsp.get_log_path()
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then
    return nil, "no answer: " .. tostring(err)
  end
  for _, response in pairs(responses) do
    if response.err then
      return nil, "error: " .. vim.inspect(response.err)
    end
    return response.result
  end
  return nil, "no client answered"
end

-- 1. Load the plugin exactly as editors/README.md tells a user to.
check("plugin", function()
  if vim.fn.has("nvim-0.10") == 0 then
    return false, "Neovim 0.10 or later is needed, this is " .. tostring(vim.version())
  end
  -- A user's Neovim turns filetype detection and syntax on at startup; -u NONE skips that.
  vim.cmd("filetype plugin indent on")
  vim.cmd("syntax on")
  vim.opt.runtimepath:prepend(plugin_dir)
  local path = "vim.lsp.config + vim.lsp.enable"
  if vim.env.UNRES_E2E_LSP_START == "1" or vim.lsp.config == nil then
    vim.lsp.config = nil
    vim.lsp.enable = nil
    path = "vim.lsp.start (the Neovim 0.10 path)"
  end
  require("unres").setup({
    cmd = { binary, "lsp" },
    -- NUM001 reports an error by default; the severity check below sees this setting.
    settings = { rules = { NUM001 = "warning" } },
  })
  return true, ("setup() ran in Neovim %s, registering through %s"):format(tostring(vim.version()), path)
end)

-- Work on a copy so that nothing can ever write to the fixture.
local work_dir = vim.fn.tempname()
vim.fn.mkdir(work_dir, "p")
local draft = work_dir .. "/draft.unres"
vim.fn.writefile(vim.fn.readfile(fixture, "b"), draft, "b")
-- A project configuration file, which :checkhealth unres must name.
vim.fn.writefile({ "[rules]" }, work_dir .. "/.unres.toml")
local opened, open_error = pcall(vim.cmd.edit, vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()

check("filetype", function()
  local detail = ("*.unres opened with filetype %q"):format(vim.bo[bufnr].filetype)
  if not opened then
    return false, detail .. "; opening raised: " .. tostring(open_error)
  end
  return vim.bo[bufnr].filetype == "unres", detail
end)

check("syntax", function()
  local line, column = find(bufnr, "^\t4%.\tAlso recognizes")
  assert(line, "the fixture has no paragraph 4 with Also recognizes")
  local function group(col)
    return vim.fn.synIDattr(vim.fn.synID(line + 1, col + 1, 1), "name")
  end
  local found = {
    number = group(column + 1),
    marker = group(column + 4),
    verb = group(column + 9),
  }
  local ok = found.number == "unresOperativeNumber"
    and found.marker == "unresMarker"
    and found.verb == "unresOperativeOpening"
    and vim.bo[bufnr].expandtab == false
  return ok, ("syntax groups %s; expandtab=%s"):format(vim.json.encode(found), tostring(vim.bo[bufnr].expandtab))
end)

local client
local started = check("server", function()
  vim.wait(timeout, function()
    client = vim.lsp.get_clients({ bufnr = bufnr, name = "unres" })[1]
    return client ~= nil and client.initialized == true
  end, 50)
  if client == nil then
    return false, "no unres client attached to the buffer; see " .. log_path()
  end
  if not client.initialized then
    return false, "the client attached but the server did not answer initialize"
  end
  local info = client.server_info or {}
  return true, ("initialized: %s %s"):format(info.name or "?", info.version or "")
end)

--- Does the server announce `method` in its capabilities?
local function supports(method)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:supports_method(method)
  end
  return client.supports_method(method)
end

--- A check that talks to the server; without a server it fails without running.
local function check_with_server(name, fn)
  if started then
    return check(name, fn)
  end
  return check(name, function()
    return false, "not run: the server did not start"
  end)
end

check_with_server("settings", function()
  local init = client.config.init_options or {}
  local settings = (client.config.settings or {}).unres or {}
  local ok = vim.tbl_get(init, "rules", "NUM001") == "warning" and vim.tbl_get(settings, "rules", "NUM001") == "warning"
  return ok, ("initializationOptions=%s settings.unres=%s"):format(vim.json.encode(init), vim.json.encode(settings))
end)

local found -- the NUM001 diagnostic, once it has arrived
local requests_item -- the completion item "Requests", once offered
check_with_server("diagnostics", function()
  local line = find(bufnr, "^\t4%.\t")
  assert(line, "the fixture has no paragraph numbered 4")
  local function code_of(d)
    return d.code or vim.tbl_get(d, "user_data", "lsp", "code")
  end
  vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == "NUM001" and d.lnum == line then
        found = d
        return true
      end
    end
    return false
  end, 50)
  if found then
    return true, ("NUM001 on line %d: %s"):format(line + 1, found.message)
  end
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(seen, ("%s@%d"):format(tostring(code_of(d)), d.lnum + 1))
  end
  return false, ("expected NUM001 on line %d, got [%s]"):format(line + 1, table.concat(seen, ", "))
end)

check_with_server("severity", function()
  if found == nil then
    return false, "not run: no NUM001 diagnostic"
  end
  local names = { "error", "warning", "information", "hint" }
  return found.severity == vim.diagnostic.severity.WARN,
    ("NUM001 arrived as %s; settings asked for warning"):format(names[found.severity] or tostring(found.severity))
end)

check_with_server("hover", function()
  local line, column = find(bufnr, "64/222")
  assert(line, "the fixture does not cite 64/222")
  if not supports("textDocument/hover") then
    return false, "the server does not offer hover (no hoverProvider in its capabilities)"
  end
  local result, err = request(bufnr, "textDocument/hover", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = line, character = column + 2 },
  })
  if result == nil then
    return false, ("hover on 64/222 (line %d): %s"):format(line + 1, err or "null result")
  end
  local text = hover_text(result.contents)
  local preview = text:gsub("%s+", " "):sub(1, 160)
  return text:find("21 December 2009", 1, true) ~= nil, ("hover on 64/222 shows %q"):format(preview)
end)

--- The floating windows open now.
local function floats()
  local found = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      table.insert(found, win)
    end
  end
  return found
end

check_with_server("hover-markdown", function()
  local line, column = find(bufnr, "64/222")
  vim.api.nvim_win_set_cursor(0, { line + 1, column + 2 })
  vim.lsp.buf.hover()
  local float
  vim.wait(timeout, function()
    float = floats()[1]
    return float ~= nil
  end, 50)
  assert(float, "vim.lsp.buf.hover() opened no window")
  local buf = vim.api.nvim_win_get_buf(float)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  local rendered = vim.treesitter.highlighter.active[buf] ~= nil or vim.bo[buf].syntax == "markdown"
  local ok = vim.bo[buf].filetype == "markdown" and rendered and vim.wo[float].conceallevel == 2
    and text:find("21 December 2009", 1, true) ~= nil
  local detail = ("hover float: filetype=%s treesitter=%s conceallevel=%d, %q"):format(
    vim.bo[buf].filetype,
    tostring(vim.treesitter.highlighter.active[buf] ~= nil),
    vim.wo[float].conceallevel,
    text:gsub("%s+", " "):sub(1, 80)
  )
  vim.api.nvim_win_close(float, true)
  return ok, detail
end)

check_with_server("diagnostic-float", function()
  if found == nil then
    return false, "not run: no NUM001 diagnostic"
  end
  local display = vim.diagnostic.config(nil, found.namespace) or {}
  local lines_on = vim.fn.has("nvim-0.11") == 0
    or (type(display.virtual_lines) == "table" and display.virtual_lines.current_line == true and display.virtual_text == false)
  local _, win = vim.diagnostic.open_float({ bufnr = bufnr, pos = { found.lnum, found.col }, scope = "cursor" })
  assert(win, "vim.diagnostic.open_float() opened no window")
  local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), " ")
  vim.api.nvim_win_close(win, true)
  local whole = text:find(found.message, 1, true) ~= nil and text:find("NUM001", 1, true) ~= nil
  return lines_on and whole,
    ("virtual_lines=%s virtual_text=%s; float: %q"):format(
      vim.inspect(display.virtual_lines),
      tostring(display.virtual_text),
      text:sub(1, 120)
    )
end)

check_with_server("completion", function()
  local line = find(bufnr, "^\t11%.\t")
  assert(line, "the fixture has no paragraph 11")
  if not supports("textDocument/completion") then
    return false, "the server does not offer completion (no completionProvider in its capabilities)"
  end
  -- Type a new operative paragraph below paragraph 11, as a user would: `o` opens the
  -- line with paragraph 11's tab ('autoindent' is on in Neovim by default).
  vim.bo[bufnr].autoindent = true
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("o12.\tReq<Esc>", true, false, true), "xt", false)
  local typed = vim.api.nvim_buf_get_lines(bufnr, line + 1, line + 2, false)[1]
  assert(typed == "\t12.\tReq", ("typing produced %q"):format(tostring(typed)))
  local result, err = request(bufnr, "textDocument/completion", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = line + 1, character = #typed },
    context = { triggerKind = 1 },
  })
  if result == nil then
    return false, "completion after \\t12.\\tReq: " .. (err or "null result")
  end
  local items = result.items or result
  local labels = {}
  for _, item in ipairs(items) do
    local inserted = vim.tbl_get(item, "textEdit", "newText") or item.insertText or item.label
    if item.label == "Requests" or inserted:match("^Requests") then
      requests_item = item
      return true, ("offered %q among %d items"):format(item.label, #items)
    end
    if #labels < 10 then
      table.insert(labels, item.label)
    end
  end
  return false, ("%d items, no Requests: %s"):format(#items, table.concat(labels, ", "))
end)

check_with_server("completion-docs", function()
  if requests_item == nil then
    return false, "not run: Requests was not offered"
  end
  local item = requests_item
  if item.documentation == nil and supports("completionItem/resolve") then
    item = request(bufnr, "completionItem/resolve", item) or item
  end
  local doc = item.documentation
  local markdown = type(doc) == "table" and doc.kind == "markdown" and doc.value ~= ""
  -- Neovim 0.11+: the plugin turned on vim.lsp.completion with the documentation popup.
  local popup = vim.fn.has("nvim-0.11") == 0 or vim.api.nvim_get_option_value("completeopt", { buf = bufnr }):find("popup") ~= nil
  -- The popup's buffer is rendered as Markdown, as a hover is.
  local scratch = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(scratch, 0, -1, false, vim.split(type(doc) == "table" and doc.value or "", "\n"))
  local win = vim.api.nvim_open_win(scratch, false, { relative = "editor", row = 1, col = 1, width = 40, height = 5 })
  local rendered = require("unres").render_markdown(scratch, win) and vim.wo[win].conceallevel == 2
  vim.api.nvim_win_close(win, true)
  return markdown and popup and rendered,
    ("documentation kind=%s, completeopt=%s, popup rendered=%s"):format(
      type(doc) == "table" and tostring(doc.kind) or type(doc),
      vim.api.nvim_get_option_value("completeopt", { buf = bufnr }),
      tostring(rendered)
    )
end)

-- Enter at the end of paragraph 7: the plugin maps <CR> to a newline and
-- continue_line(), which asks the server (textDocument/onTypeFormatting); the
-- new line starts with "8.". The newline is made here as <CR> makes it.
check_with_server("enter", function()
  local index = find(bufnr, "^\t7%.\t")
  assert(index, "the fixture has no paragraph numbered 7")
  vim.api.nvim_set_current_buf(bufnr)
  local mapping = vim.fn.maparg("<CR>", "i", false, true)
  vim.api.nvim_buf_set_lines(bufnr, index + 1, index + 1, false, { "\t" })
  vim.api.nvim_win_set_cursor(0, { index + 2, 1 })
  require("unres").continue_line(bufnr)
  local next_line = vim.api.nvim_buf_get_lines(bufnr, index + 1, index + 2, false)[1]
  local cursor = vim.api.nvim_win_get_cursor(0)
  vim.api.nvim_buf_set_lines(bufnr, index + 1, index + 2, false, {})
  local mapped = mapping.buffer == 1 and mapping.expr == 1
  -- After the label (normal mode, where the test runs, keeps the cursor on its last character).
  local after_label = cursor[2] >= #"\t8.\t" - 1
  return mapped and next_line == "\t8.\t" and cursor[1] == index + 2 and after_label,
    ("<CR> mapped=%s, new line %q, cursor %s"):format(tostring(mapped), tostring(next_line), vim.inspect(cursor))
end)

check("checkhealth", function()
  vim.cmd("checkhealth unres")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  local version = report:match("version: unres (%d+%.%d+%.%d+[^\n]*)")
  local config = report:match("config file: (%S+)")
  local found = report:find("binary found: ", 1, true) ~= nil
  local ok = found and version ~= nil and config == vim.fs.normalize(work_dir .. "/.unres.toml")
    and not report:find("ERROR", 1, true)
  local detail = ok and ("binary found, unres %s, config file %s"):format(version, config)
    or ("report:\n" .. report:gsub("\n+", "\n"))
  vim.cmd("tabclose")
  return ok, detail
end)

finish()
