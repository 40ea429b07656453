;;; emacs_e2e.el --- editors/emacs/unres.el in a real Emacs, with eglot and the real server  -*- lexical-binding: t; -*-

;; emacs --batch -q -l tests/editors/emacs_e2e.el <unres binary> <editors/emacs> <fixture.unres>
;;
;; Loads the package as editors/README.md says, opens a copy of the fixture (operative
;; paragraph 3 is numbered 4) and prints one PASS/FAIL line per check; exits 0 only
;; when all pass.

(require 'cl-lib)
(require 'subr-x)
;; A normal start activates installed packages (Debian's elpa-eglot on Emacs 28); -Q skips it.
(require 'package)
(package-initialize)

(defvar e2e-binary (expand-file-name (nth 0 command-line-args-left)))
(defvar e2e-plugin (expand-file-name (nth 1 command-line-args-left)))
(defvar e2e-fixture (expand-file-name (nth 2 command-line-args-left)))
(setq command-line-args-left nil)
(defvar e2e-passed 0)
(defvar e2e-failed 0)
(defvar e2e-timeout 20)

(defun e2e-say (text) (princ (concat text "\n")))

(defmacro e2e-check (name &rest body)
  "Run BODY, which returns (OK . DETAIL); an error is a failure."
  `(let ((result (condition-case err (progn ,@body)
                   (error (cons nil (format "error: %S" err))))))
     (if (car result) (cl-incf e2e-passed) (cl-incf e2e-failed))
     (e2e-say (format "%s %s: %s" (if (car result) "PASS" "FAIL") ,name (cdr result)))
     (car result)))

(defun e2e-wait (predicate)
  "Wait up to `e2e-timeout' seconds for PREDICATE, serving process output."
  (let ((deadline (+ (float-time) e2e-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(e2e-check "plugin"
  (add-to-list 'load-path e2e-plugin)
  (require 'unres)
  (setq unres-server-program e2e-binary
        unres-settings '(:organ "auto" :rules (:NUM001 "warning")))
  (cons t (format "Emacs %s, eglot from %s" emacs-version (locate-library "eglot"))))

(defvar e2e-dir (make-temp-file "unres-emacs-" t))
(defvar e2e-draft (expand-file-name "draft.unres" e2e-dir))
(copy-file e2e-fixture e2e-draft)
(find-file e2e-draft)
;; eglot-ensure connects from the command loop, which batch mode does not run.
(run-hooks 'post-command-hook)

(e2e-check "mode"
  (cons (eq major-mode 'unres-mode) (format "*.unres opened in %s, indent-tabs-mode %s" major-mode indent-tabs-mode)))

(defvar e2e-server nil)
(e2e-check "server"
  (setq e2e-server (e2e-wait (lambda () (eglot-current-server))))
  (if (not e2e-server)
      (cons nil (format "no server; events: %s"
                        (when-let ((buf (get-buffer "*EGLOT (unres) events*"))) (with-current-buffer buf (buffer-string)))))
    (let ((info (plist-get (eglot--server-info e2e-server) :version)))
      (cons (jsonrpc-running-p e2e-server) (format "eglot started %s (server version %s)"
                                                   (process-command (jsonrpc--process e2e-server)) info)))))

(e2e-check "diagnostics"
  (let ((diag (e2e-wait (lambda ()
                          (cl-find-if (lambda (d) (string-match-p "paragraph 3 is missing" (flymake-diagnostic-text d)))
                                      (flymake-diagnostics))))))
    (if diag
        (cons (eq (flymake-diagnostic-type diag) 'eglot-warning)
              (format "line %d: %s (%s; settings asked for warning)"
                      (line-number-at-pos (flymake-diagnostic-beg diag))
                      (flymake-diagnostic-text diag) (flymake-diagnostic-type diag)))
      (cons nil (format "no NUM001 diagnostic: %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))))))

(e2e-check "hover"
  (goto-char (point-min))
  (search-forward "64/222")
  (backward-char 3)
  (let* ((hover (jsonrpc-request e2e-server :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (if (stringp contents) contents (plist-get contents :value))))
    (cons (and (equal (plist-get contents :kind) "markdown") (string-match-p "21 December 2009" text))
          (format "%s: %s" (plist-get contents :kind) (substring (replace-regexp-in-string "\n+" " " text) 0 100)))))

(e2e-check "eldoc"
  ;; What eldoc shows: eglot formats the Markdown with markdown-mode when it is there.
  (let* ((hover (jsonrpc-request e2e-server :textDocument/hover (eglot--TextDocumentPositionParams)))
         (shown (eglot--hover-info (plist-get hover :contents)))
         (markdown (fboundp 'gfm-view-mode)))
    (cons (and (string-match-p "21 December 2009" shown)
               ;; Rendered: markdown-mode hides the markup (the asterisks of
               ;; **A/RES/64/222** are invisible) and shows bold as a face.
               (or (not markdown)
                   (and (string-match "\\*\\*A/RES" shown)
                        (get-text-property (match-beginning 0) 'invisible shown))))
          (format "markdown-mode %s: %s" (if markdown "installed, rendered" "absent, raw text")
                  (substring (replace-regexp-in-string "\n+" " " shown) 0 60)))))

(e2e-check "completion"
  (goto-char (point-min))
  (re-search-forward "^\t11\\.\t.*$")
  (insert "\n\t12.\tReq")
  (let ((found (e2e-wait
                (lambda ()
                  (let ((capf (eglot-completion-at-point)))
                    (and capf (member "Requests" (all-completions "Req" (nth 2 capf)))))))))
    (cons found (format "after \\t12.\\tReq: %s" (if found "Requests offered" "no Requests")))))

(ignore-errors (eglot-shutdown e2e-server))
(e2e-say (format "emacs: %d passed, %d failed" e2e-passed e2e-failed))
(kill-emacs (if (zerop e2e-failed) 0 1))
;;; emacs_e2e.el ends here
