-- *.unres files are drafts of United Nations resolutions.
vim.filetype.add({ extension = { unres = "unres" } })
