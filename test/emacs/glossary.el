;;; glossary.el --- drives Eglot against the bundled server, as a user would  -*- lexical-binding: t -*-

;; Emacs with Eglot (Debian 12: Emacs 28.2, elpa-eglot 1.9, elpa-markdown-mode) against the bundled
;; server, configured as the README says (`eglot-server-programs' for `markdown-mode'): M-x eglot in a
;; note, M-x eldoc on a mention, C-M-i after "[" and after "[Out", an undeclared tag typed into
;; front matter, quick fixes picked from M-x eglot-code-actions, M-x eglot-rename.
;; Writes one line per check ("ok NAME" or "not ok NAME: DETAILS") and the server's log ("# ...")
;; to $GLOSSARY_RESULTS, then exits: 0 when every check passed, 1 otherwise.
;; Run by emacs.test.ts in a terminal Emacs on a pseudo-terminal (batch Emacs never reads the file
;; notifications Eglot's watchers get, which arrive as input events):
;;   GLOSSARY_WORKSPACE=<copy of content/, a Git repository> GLOSSARY_SERVER=<repo>/dist/server.js \
;;   GLOSSARY_RESULTS=<file> script -qec 'stty rows 40 cols 160 && emacs -nw -l test/emacs/glossary.el' /dev/null
;; It runs while Emacs starts, so no command loop runs it: after each edit, `glossary--pause' runs
;; what a user's pause would (post-command-hook, then the idle timers: Eglot's didChange, Flymake's check).
;; Every wait is bounded, and a watchdog exits after GLOSSARY_TIMEOUT_MS (default 60 s).

(require 'cl-lib)
(require 'subr-x)
;; No native compilation of the packages in the background (Debian's Emacs 28 compiles on load).
(setq native-comp-deferred-compilation nil)
(require 'package)
(require 'filenotify)
(package-initialize)

(defvar glossary--workspace (getenv "GLOSSARY_WORKSPACE"))
(defvar glossary--server (getenv "GLOSSARY_SERVER"))
(defvar glossary--results-path (getenv "GLOSSARY_RESULTS"))
(defvar glossary--timeout-ms (string-to-number (or (getenv "GLOSSARY_TIMEOUT_MS") "60000")))

(defconst glossary--definition "Das Outtasking ist eine besondere Form des Outsourcings.")
(defconst glossary--new-text "[Outtasking](../glossar/Outtasking.md)")
(defconst glossary--tag "Erfunden")

(defvar glossary--results nil "Lines written, newest first.")
(defvar glossary--server-log nil "The server's window/logMessage and stderr, newest first.")
(defvar glossary--status nil "The server's last markdownGlossary/status.")
(defvar glossary--failed nil)
(defvar glossary--finished nil)
(defvar glossary--prompts nil "What Eglot asked the user, newest first (each answered yes).")
(defvar glossary--eldoc nil "What eldoc displayed last.")

(defun glossary--report (name ok &optional details)
  (unless ok (setq glossary--failed t))
  (let ((line (if ok (format "ok %s" name)
                (format "not ok %s: %s" name (replace-regexp-in-string "\n" " | " (format "%s" details))))))
    (push line glossary--results)))

(defun glossary--finish (&optional reason)
  (unless glossary--finished
    (setq glossary--finished t)
    (when reason (glossary--report "run" nil reason))
    (ignore-errors
      (let ((server (glossary--server-object)))
        (when server
          (with-current-buffer (jsonrpc-stderr-buffer server)
            (dolist (line (split-string (buffer-string) "\n" t))
              (push (concat "stderr: " line) glossary--server-log))))))
    (ignore-errors
      (with-temp-file glossary--results-path
        (insert (mapconcat #'identity (reverse glossary--results) "\n") "\n")
        (dolist (line (reverse glossary--server-log))
          (insert "# " (replace-regexp-in-string "\n" " | " line) "\n"))))
    ;; Exits at once: Eglot's process is killed with Emacs, and the server exits when its stdin closes.
    (kill-emacs (if glossary--failed 1 0))))

;; The watchdog: a timer, which runs while Emacs waits for the server's output.
(run-at-time (/ glossary--timeout-ms 1000.0) nil
             (lambda () (glossary--finish (format "timed out after %d ms" glossary--timeout-ms))))

(defmacro glossary--check (name &rest body)
  (declare (indent 1))
  `(condition-case err
       (progn ,@body (glossary--report ,name t))
     (error (glossary--report ,name nil (error-message-string err)))))

(defun glossary--idle (seconds)
  "Let SECONDS pass as a user would: the server's messages and the file notifications are read."
  (if noninteractive (accept-process-output nil seconds) (sit-for seconds)))

(defun glossary--wait (predicate seconds)
  "Wait up to SECONDS for PREDICATE to return non-nil; return its value."
  (let ((end (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) end))
      (glossary--idle 0.05))
    value))

(defun glossary--pause ()
  "What a user's pause after typing runs: post-command-hook, then the idle timers."
  (run-hooks 'post-command-hook)
  (dolist (_ '(1 2))
    (dolist (timer (copy-sequence timer-idle-list))
      (when (memq timer timer-idle-list) (timer-event-handler timer)))
    (glossary--idle 0.1)))

(defun glossary--server-object () (and (fboundp 'eglot-current-server) (ignore-errors (eglot-current-server))))

(defun glossary--open (relative)
  (find-file (expand-file-name relative glossary--workspace))
  (current-buffer))

(defun glossary--visible (string)
  "STRING as it shows: without the characters made invisible (gfm-view-mode hides markup)."
  (let ((shown "") (at 0))
    (while (< at (length string))
      (let ((next (next-single-property-change at 'invisible string (length string))))
        (unless (get-text-property at 'invisible string) (setq shown (concat shown (substring string at next))))
        (setq at next)))
    shown))

(defun glossary--pick-code-action (title beg end)
  "The quick fix TITLE, picked from M-x eglot-code-actions (with the keyboard) between BEG and END."
  (let ((last-nonmenu-event ?\C-m))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (or (car (member title (mapcar #'car collection)))
                     (error "no %s among %S" title (mapcar #'car collection))))))
      (eglot-code-actions beg end nil t))))

(defun glossary--line () (buffer-substring-no-properties (line-beginning-position) (line-end-position)))

(defun glossary--diagnostics-naming (text)
  (cl-remove-if-not (lambda (d) (string-match-p (regexp-quote text) (flymake-diagnostic-text d))) (flymake-diagnostics)))

(condition-case err
    (progn
      (unless (and glossary--workspace glossary--server glossary--results-path)
        (error "Set GLOSSARY_WORKSPACE, GLOSSARY_SERVER and GLOSSARY_RESULTS"))
      (require 'markdown-mode)
      (require 'eglot)
      ;; The README's snippet, with the bundled server for `markdown-glossary server --stdio'.
      (with-eval-after-load 'eglot
        (add-to-list 'eglot-server-programs
                     `(markdown-mode . ("node" ,glossary--server "--stdio"))))
      (setq eglot-events-buffer-size 2000000)
      ;; The user answers "y" to each of Eglot's questions ("Server wants to edit ... Proceed?").
      (fset 'y-or-n-p (lambda (prompt) (push prompt glossary--prompts) t))
      (cl-defmethod eglot-handle-notification :before (_server (_method (eql window/logMessage)) &key message &allow-other-keys)
        (push message glossary--server-log))
      ;; The status bar item's notification, for the test only: Eglot ignores it (as it should).
      (cl-defmethod eglot-handle-notification (_server (_method (eql markdownGlossary/status)) &rest params)
        (setq glossary--status params))
      (add-hook 'eldoc-display-functions (lambda (docs _interactive) (setq glossary--eldoc docs)))

      (let (note mention-line)
        (glossary--check "starts"
          (setq note (glossary--open "notizen/Projekt-Auslagerung.md"))
          (unless (eq major-mode 'markdown-mode) (error "the note is in %s, not markdown-mode" major-mode))
          (call-interactively #'eglot)
          (unless (glossary--wait (lambda () (eglot-managed-p)) 15) (error "M-x eglot did not connect within 15 s"))
          (unless (glossary--wait (lambda () (and glossary--status (eq (plist-get glossary--status :indexing) :json-false))) 20)
            (error "the server did not report the workspace indexed within 20 s (status %S)" glossary--status))
          (unless (> (plist-get glossary--status :terms) 20) (error "status %S: too few terms" glossary--status))
          (let ((root (project-root (eglot--project (eglot-current-server)))))
            (unless (file-equal-p root glossary--workspace) (error "the project is %s, not the workspace" root))))

        (glossary--check "watches"
          ;; Eglot's answer to the server's client/registerCapability for workspace/didChangeWatchedFiles.
          (with-current-buffer (jsonrpc-events-buffer (eglot-current-server))
            (goto-char (point-min))
            (unless (re-search-forward ":id \\([0-9]+\\) :method \"client/registerCapability\"" nil t)
              (error "the server registered no file watchers"))
            (let ((id (match-string 1)))
              (unless (re-search-forward (format "^\\[client-reply\\] (id:%s)\\(.*\\)\n\\(.*\n.*\\)" id) nil t)
                (error "Eglot did not answer the registration"))
              (when (string-match-p "ERROR" (match-string 1))
                (error "Eglot refused the server's file watchers: %s" (match-string 2))))))

        (glossary--check "hover"
          (with-current-buffer note
            (goto-char (point-min))
            (re-search-forward "[^[]\\(Outtasking\\)")
            (setq mention-line (line-number-at-pos))
            (let ((word (copy-marker (match-beginning 1))))
              ;; An emoji first (two UTF-16 code units, one character): positions are UTF-16.
              (save-excursion (beginning-of-line) (insert "🚀 "))
              (glossary--pause)
              (goto-char (+ word 3)))
            (unless (equal (thing-at-point 'word t) "Outtasking") (error "point is not on the mention"))
            (setq glossary--eldoc nil)
            ;; M-x eldoc, as a user asks for the documentation at point.
            (call-interactively #'eldoc)
            (glossary--wait (lambda () glossary--eldoc) 10)
            (unless glossary--eldoc (error "eldoc showed nothing on the mention"))
            (let ((shown (glossary--visible (car (car glossary--eldoc)))))
              (unless (string-match-p (regexp-quote glossary--definition) shown) (error "eldoc shows: %s" shown))
              (unless (string-match-p "\\`Outtasking\n" shown) (error "eldoc shows no title line: %s" shown))
              (when (string-match-p "\\*\\*" shown) (error "eldoc shows markup: %s" shown)))))

        (glossary--check "definition"
          ;; M-. on the mention: the term's file, at its heading.
          (with-current-buffer note
            (goto-char (point-min))
            (re-search-forward "[^[]\\(Outtasking\\)")
            (goto-char (+ (match-beginning 1) 3))
            (call-interactively #'xref-find-definitions)
            (unless (equal buffer-file-name (expand-file-name "glossar/Outtasking.md" glossary--workspace))
              (error "M-. went to %s" (or buffer-file-name (buffer-name))))
            (unless (equal (glossary--line) "# Outtasking") (error "M-. went to the line %S" (glossary--line)))
            (switch-to-buffer note)))

        (glossary--check "completion"
          ;; "[" and C-M-i: the glossary's names in *Completions*; RET on Outtasking writes the link.
          (with-current-buffer note
            (goto-char (point-min))
            (forward-line (1- mention-line))
            (end-of-line)
            (let ((before (glossary--line)))
              (insert " [")
              (glossary--pause)
              (call-interactively #'completion-at-point)
              (let ((list (or (get-buffer "*Completions*") (error "C-M-i after \"[\" showed no *Completions*"))))
                ;; RET in the *Completions* window, on Outtasking.
                (with-selected-window (or (get-buffer-window list) (error "*Completions* is not shown"))
                  (goto-char (point-min))
                  (unless (re-search-forward "\\_<Outtasking\\_>" nil t)
                    (error "*Completions* lists no Outtasking: %s" (buffer-substring-no-properties (point-min) (min (point-max) 400))))
                  (goto-char (match-beginning 0))
                  (choose-completion)))
              (glossary--pause)
              (let ((after (glossary--line)))
                (unless (equal after (concat before " " glossary--new-text))
                  (error "after choosing Outtasking the line ends %S" (substring after (max 0 (- (length after) 60))))))
              ;; Undo the link for the next check: the line as it was.
              (delete-region (+ (line-beginning-position) (length before)) (line-end-position))
              (glossary--pause))))

        (glossary--check "completion-typed"
          ;; "[Out" and C-M-i, completing by prefix (the basic style, in place of the flex one Eglot
          ;; sets for itself): Eglot lists the items whose filterText starts with the symbol at point, "Out".
          (with-current-buffer note
            (goto-char (point-min))
            (forward-line (1- mention-line))
            (end-of-line)
            (let ((before (glossary--line))
                  (completion-category-defaults nil)
                  (completion-styles '(basic)))
              (insert " [Out")
              (glossary--pause)
              (call-interactively #'completion-at-point)
              (with-selected-window (or (get-buffer-window "*Completions*") (error "C-M-i after \"[Out\" showed no *Completions*"))
                (goto-char (point-min))
                (unless (re-search-forward "\\_<Outtasking\\_>" nil t)
                  (error "*Completions* lists no Outtasking: %s" (buffer-substring-no-properties (point-min) (min (point-max) 400))))
                (goto-char (match-beginning 0))
                (choose-completion))
              (glossary--pause)
              (let ((after (glossary--line)))
                (unless (equal after (concat before " " glossary--new-text))
                  (error "after choosing Outtasking for \"[Out\" the line ends %S" (substring after (max 0 (- (length after) 60))))))
              (delete-region (+ (line-beginning-position) (length before)) (line-end-position))
              (glossary--pause))))

        (let (term tags-line)
          (glossary--check "diagnostics"
            (setq term (glossary--open "glossar/Kernkompetenz.md"))
            (unless (eglot-managed-p) (error "Eglot does not manage the term's buffer"))
            (goto-char (point-min))
            (re-search-forward "^tags: \\[.*\\(\\]\\)$")
            (setq tags-line (line-number-at-pos))
            (goto-char (match-beginning 1))
            (insert ", " glossary--tag)
            (glossary--pause)
            (let ((found (glossary--wait (lambda () (glossary--pause) (glossary--diagnostics-naming glossary--tag)) 10)))
              (unless found
                (error "no Flymake diagnostic naming %s within 10 s: %S" glossary--tag (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
              (let ((diagnostic (car found)))
                (unless (eq (flymake-diagnostic-type diagnostic) 'eglot-warning)
                  (error "type %s" (flymake-diagnostic-type diagnostic)))
                (unless (string-match-p "unknown-tag" (flymake-diagnostic-text diagnostic))
                  (error "message %s" (flymake-diagnostic-text diagnostic)))
                (let ((marked (buffer-substring-no-properties (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic))))
                  (unless (equal marked glossary--tag) (error "the diagnostic marks %S" marked))))))

          (glossary--check "declare"
            ;; Quick fix "Declare ... in tags.yml" on the warning, then C-x s: the warning goes away.
            (with-current-buffer term
              (let* ((diagnostic (or (car (glossary--diagnostics-naming glossary--tag)) (error "no warning (see diagnostics)")))
                     (title (format "Declare \"%s\" in tags.yml" glossary--tag)))
                (goto-char (flymake-diagnostic-beg diagnostic))
                (glossary--pick-code-action title (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic))
                (let ((tags (find-buffer-visiting (expand-file-name "glossar/tags.yml" glossary--workspace))))
                  (unless tags (error "tags.yml was not opened"))
                  (with-current-buffer tags
                    (unless (string-match-p (format "^%s:\n  label: %s\n" glossary--tag glossary--tag) (buffer-string))
                      (error "tags.yml does not declare the tag: %s" (buffer-string)))
                    (save-buffer))
                  (unless (glossary--wait (lambda () (glossary--pause) (null (glossary--diagnostics-naming glossary--tag))) 10)
                    (error "the warning on %s stays after tags.yml was saved" glossary--tag))))))

          (glossary--check "quickfix"
            ;; A tag one letter off: "Change to ..." replaces it, and nothing else changes.
            (with-current-buffer term
              (goto-char (point-min))
              (forward-line (1- tags-line))
              (let ((original (buffer-string)))
                (re-search-forward "Strategie")
                (replace-match "Stratgie" t t)
                (glossary--pause)
                (let ((diagnostic (car (glossary--wait (lambda () (glossary--pause) (glossary--diagnostics-naming "Stratgie")) 10)))
                      (title "Change to \"Strategie\""))
                  (unless diagnostic (error "no warning on Stratgie"))
                  (glossary--pick-code-action title (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic))
                  (unless (equal (buffer-string) original)
                    (error "after the fix the tags line is %S" (progn (goto-char (point-min)) (forward-line (1- tags-line)) (glossary--line))))
                  (unless (glossary--wait (lambda () (glossary--pause) (null (glossary--diagnostics-naming "Stratgie"))) 10)
                    (error "the warning stays after the fix")))))))

        (glossary--check "create"
          ;; A link to a term not written yet: "Create ... from the template" opens the new file with
          ;; the template, and once it is saved the link is no longer broken.
          (with-current-buffer note
            (goto-char (point-max))
            (insert "\nSiehe [Neuer Begriff](../glossar/Neuer-Begriff.md).\n")
            (glossary--pause)
            (let* ((file (expand-file-name "glossar/Neuer-Begriff.md" glossary--workspace))
                   (broken (lambda () (glossary--pause) (glossary--diagnostics-naming "Neuer-Begriff.md")))
                   (diagnostic (or (car (glossary--wait broken 10)) (error "no broken-link warning on the new link")))
                   (dired-before (cl-count-if (lambda (buffer) (eq (buffer-local-value 'major-mode buffer) 'dired-mode)) (buffer-list))))
              (setq glossary--prompts nil)
              (glossary--pick-code-action "Create ../glossar/Neuer-Begriff.md from the template"
                                          (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic))
              (let ((created (or (find-buffer-visiting file) (error "no buffer visits %s" file)))
                    (dired-after (cl-count-if (lambda (buffer) (eq (buffer-local-value 'major-mode buffer) 'dired-mode)) (buffer-list))))
                (unless (= dired-before dired-after) (error "the quick fix opened a Dired buffer"))
                (when (cl-some (lambda (prompt) (string-match-p "\n  \n" prompt)) glossary--prompts)
                  (error "Eglot asked to edit a file with no name: %S" glossary--prompts))
                (with-current-buffer created
                  (unless (string-match-p "\\`---\nid: Neuer-Begriff\n\\(.\\|\n\\)*\n# Neuer Begriff\n" (buffer-string))
                    (error "the new file reads: %s" (buffer-string)))
                  (save-buffer))
                (unless (glossary--wait (lambda () (null (funcall broken))) 10)
                  (error "the link stays broken after the new file was saved"))))))

        (glossary--check "rename"
          ;; M-x eglot-rename on a link's text in the note: the title, the heading and every link's text change.
          (with-current-buffer note
            (goto-char (point-min))
            (search-forward "[Outtasking](")
            (goto-char (+ (match-beginning 0) 3))
            (setq glossary--prompts nil)
            (eglot-rename "Teilauslagerung")
            (unless (string-match-p (regexp-quote "[Teilauslagerung](../glossar/Outtasking.md)") (buffer-string))
              (error "the note's link reads: %s" (progn (goto-char (point-min)) (search-forward "(../glossar/Outtasking.md)") (glossary--line))))
            (with-current-buffer (or (find-buffer-visiting (expand-file-name "glossar/Outtasking.md" glossary--workspace))
                                     (error "Outtasking.md was not edited"))
              (goto-char (point-min))
              (unless (re-search-forward "^title: Teilauslagerung$" nil t) (error "the title is not renamed"))
              (unless (re-search-forward "^# Teilauslagerung$" nil t) (error "the heading is not renamed")))))

        (glossary--check "rename-id"
          ;; Renaming a doc id names its file: the file must move with the links, or the rename be refused.
          (with-current-buffer (find-file-noselect (expand-file-name "glossar/Outsourcing.md" glossary--workspace))
            (switch-to-buffer (current-buffer))
            (goto-char (point-min))
            (search-forward "id: Outsourcin")
            (let ((refused (condition-case problem (progn (eglot-rename "Auslagerung") nil) (error (error-message-string problem))))
                  (moved (file-exists-p (expand-file-name "glossar/Auslagerung.md" glossary--workspace)))
                  (broken (cl-loop for buffer in (buffer-list)
                                   when (with-current-buffer buffer
                                          (and buffer-file-name (string-match-p "(\\(\\.\\./\\)*\\(glossar/\\)?Auslagerung\\.md)" (buffer-string))))
                                   collect (buffer-name buffer))))
              (push (format "rename-id: Eglot says %S" refused) glossary--server-log)
              (cond (moved (unless (null refused) (error "the file moved, yet Eglot reports %s" refused)))
                    (broken (error "the links in %S now lead to glossar/Auslagerung.md, which does not exist" broken))
                    ((not (and refused (string-match-p "Outsourcing\\.md.*Auslagerung\\.md" refused)))
                     (error "neither moved nor refused with the file named: %S" refused))))))

        (glossary--check "clean"
          ;; Nothing in *EGLOT events* that Eglot refused, and nothing on the server's stderr.
          (let ((events (with-current-buffer (jsonrpc-events-buffer (eglot-current-server)) (buffer-string)))
                (stderr (with-current-buffer (jsonrpc-stderr-buffer (eglot-current-server)) (buffer-string))))
            (when (string-match "\\[client-reply\\][^\n]*ERROR[^\n]*\n[^\n]*\n[^\n]*" events)
              (error "Eglot answered the server with an error: %s" (match-string 0 events)))
            (unless (string-empty-p (string-trim stderr)) (error "the server wrote to stderr: %s" stderr))))))
  (error (glossary--finish (format "script error: %s" (error-message-string err)))))

(glossary--finish)
