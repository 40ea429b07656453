-- Drafts keep one paragraph per line, with tabs between number and text.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.bo.expandtab = false -- the layout is made of tabs: "\t12.\tCalls upon …"
vim.bo.textwidth = 0 -- never break a paragraph into several lines
vim.bo.tabstop = 4
vim.bo.shiftwidth = 0
vim.wo.wrap = true -- show long paragraphs wrapped, without changing the text
vim.wo.linebreak = true
vim.wo.breakindent = true

vim.b.undo_ftplugin = "setlocal expandtab< textwidth< tabstop< shiftwidth< wrap< linebreak< breakindent<"
