;;; unres.el --- Drafts of United Nations resolutions, checked by the unres language server  -*- lexical-binding: t; -*-

;; Load it from your init.el (see editors/README.md):
;;
;;   (add-to-list 'load-path "~/src/unres/editors/emacs")
;;   (require 'unres)
;;
;; `*.unres' files open in `unres-mode', and eglot (built into Emacs 29+; Debian's
;; `elpa-eglot' or `M-x package-install RET eglot' on Emacs 28) starts `unres lsp'
;; for them.  Hovers and completion documentation are Markdown: with `markdown-mode'
;; installed (Debian's `elpa-markdown-mode', or MELPA) eldoc shows them rendered,
;; without it as raw text.

;;; Code:

(require 'eglot)

(defgroup unres nil
  "Drafts of United Nations resolutions."
  :group 'text)

(defcustom unres-server-program "unres"
  "The unres program: a name looked up on `exec-path', or a full path."
  :type 'string)

(defcustom unres-settings '(:organ "auto")
  "Settings sent to the server (the `unres' section), as a plist.
For example (:organ \"auto\" :rules (:VRB017 \"off\")).  See editors/README.md."
  :type 'sexp)

;;;###autoload
(define-derived-mode unres-mode text-mode "UN-Res"
  "Major mode for drafts of United Nations resolutions."
  ;; Drafts are laid out with real tabs after numbers and labels.
  (setq-local indent-tabs-mode t)
  (setq-local tab-width 4)
  (setq-local eglot-workspace-configuration `(:unres ,unres-settings)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.unres\\'" . unres-mode))

(defun unres--server-contact (_interactive)
  "How eglot starts the server, with `unres-settings' at initialization."
  (list unres-server-program "lsp" :initializationOptions unres-settings))

(add-to-list 'eglot-server-programs '(unres-mode . unres--server-contact))
(add-hook 'unres-mode-hook #'eglot-ensure)

(provide 'unres)
;;; unres.el ends here
