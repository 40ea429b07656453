//! The command line: `unres check`, `unres lsp`, `unres explain`.
