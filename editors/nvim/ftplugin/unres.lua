-- Drafts keep one paragraph per line, with tabs between number and text.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.opt_local.expandtab = false -- the layout is made of tabs: "\t12.\tCalls upon …"
vim.opt_local.textwidth = 0 -- never break a paragraph into several lines
vim.opt_local.tabstop = 4
vim.opt_local.shiftwidth = 0
vim.opt_local.wrap = true -- show long paragraphs wrapped, without changing the text
vim.opt_local.linebreak = true
vim.opt_local.breakindent = true

vim.b.undo_ftplugin = "setlocal expandtab< textwidth< tabstop< shiftwidth< wrap< linebreak< breakindent<"
