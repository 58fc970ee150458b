;;; eglot.el --- Emacs with eglot as a real LSP client of dist/server.js, in batch mode.
;; It opens $KALLITHEA_CONFIG in conf-unix-mode (what Emacs picks for these files),
;; connects eglot, waits on events (accept-process-output until a condition holds),
;; exercises diagnostics, hover, completion, a quick fix, fix-all and settings, and
;; writes what it saw to $KALLITHEA_RESULT as JSON for test/editors/editors.test.ts.

(package-initialize)
(require 'eglot)
(require 'json)
(require 'subr-x)

(defvar kallithea-steps nil)
(defun kallithea-step (name value) (push (cons name value) kallithea-steps))

(defun kallithea-wait (pred seconds)
  "Run the event loop until PRED holds or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) (v nil))
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    v))

(defun kallithea-codes ()
  (mapcar (lambda (d)
            (let ((text (flymake-diagnostic-text d)))
              (list (cons 'code (and (string-match "\\[\\([a-z0-9-]+\\)\\]" text) (match-string 1 text)))
                    (cons 'line (1- (line-number-at-pos (flymake-diagnostic-beg d))))
                    (cons 'col (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column)))
                    (cons 'severity (symbol-name (flymake-diagnostic-type d))))))
          (flymake-diagnostics)))

(condition-case err
    (progn
      (when-let ((config (getenv "KALLITHEA_WORKSPACE_CONFIGURATION")))
        ;; eglot answers workspace/configuration from this alist of (SECTION . PLIST).
        (setq-default eglot-workspace-configuration
                      (list (cons :kallithea (let ((json-object-type 'plist) (json-key-type 'keyword)) (json-read-from-string config))))))
      (add-to-list 'eglot-server-programs `(conf-unix-mode . ("node" "--v8-pool-size=1" ,(getenv "KALLITHEA_SERVER") "--stdio")))
      (find-file (getenv "KALLITHEA_CONFIG"))
      (conf-unix-mode)
      (apply #'eglot (eglot--guess-contact))
      ;; With $KALLITHEA_WAIT_FOR_ERROR, wait until that rule is reported as an error (settings
      ;; from workspace/configuration arrive after the first diagnostics).
      (let ((rule (getenv "KALLITHEA_WAIT_FOR_ERROR")))
        (kallithea-step 'diagnostics
                        (and (kallithea-wait (lambda ()
                                               (if rule
                                                   (seq-find (lambda (c) (and (equal (alist-get 'code c) rule) (equal (alist-get 'severity c) "eglot-error"))) (kallithea-codes))
                                                 (flymake-diagnostics)))
                                             20)
                             t)))
      (kallithea-step 'codes (vconcat (kallithea-codes)))
      (let* ((server (eglot--current-server-or-lose))
             (uri (eglot--path-to-uri (buffer-file-name))))
        ;; Hover on the first line that sets cache_dir.
        (goto-char (point-min))
        (when (re-search-forward "^cache_dir" nil t)
          (let ((h (jsonrpc-request server :textDocument/hover
                                    (list :textDocument (list :uri uri) :position (list :line (1- (line-number-at-pos)) :character 2)))))
            (kallithea-step 'hover (plist-get h :contents))))
        ;; Completion on a new empty line at the end.
        (goto-char (point-max))
        (unless (bolp) (insert "\n"))
        (let* ((line (1- (line-number-at-pos)))
               (items (jsonrpc-request server :textDocument/completion
                                       (list :textDocument (list :uri uri) :position (list :line line :character 0))))
               (items (if (vectorp items) items (plist-get items :items))))
          (kallithea-step 'completion
                          (vconcat (mapcar (lambda (i) (list (cons 'label (plist-get i :label))
                                                             (cons 'text (or (plist-get (plist-get i :textEdit) :newText) (plist-get i :insertText)))
                                                             (cons 'format (plist-get i :insertTextFormat))))
                                           items))))
        ;; A quick fix for the inline comment, asked at a point inside it with no diagnostics echoed back.
        (let ((target (seq-find (lambda (c) (equal (alist-get 'code c) "inline-comment")) (kallithea-codes))))
          (when target
            (let* ((pos (list :line (alist-get 'line target) :character (1+ (alist-get 'col target))))
                   (actions (jsonrpc-request server :textDocument/codeAction
                                             (list :textDocument (list :uri uri) :range (list :start pos :end pos) :context (list :diagnostics []))))
                   (chosen (seq-find (lambda (a) (equal (plist-get a :title) "Move the comment to its own line")) actions)))
              (kallithea-step 'actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
              (when chosen
                (eglot--apply-workspace-edit (plist-get chosen :edit))
                (kallithea-step 'quickfix_gone
                                (and (kallithea-wait (lambda () (and (flymake-diagnostics)
                                                                     (not (seq-find (lambda (c) (equal (alist-get 'code c) "inline-comment")) (kallithea-codes)))))
                                                     20)
                                     t))))))
        ;; Fix-all as a source action.
        (let* ((before (buffer-string))
               (zero (list :line 0 :character 0))
               (all (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (list :uri uri) :range (list :start zero :end zero)
                                           :context (list :diagnostics [] :only ["source.fixAll.kallithea"])))))
          (when (and (> (length all) 0) (plist-get (aref all 0) :edit))
            (eglot--apply-workspace-edit (plist-get (aref all 0) :edit)))
          (kallithea-step 'fixall_changed (if (equal before (buffer-string)) :json-false t)))))
  (error (kallithea-step 'error (format "%S" err))))

(with-temp-file (getenv "KALLITHEA_RESULT")
  (insert (json-encode (list (cons 'steps (nreverse kallithea-steps))))))
(kill-emacs 0)
