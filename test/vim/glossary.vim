" Drives Vim with ALE (Debian's vim-ale, 3.3) against the bundled server, configured as a user
" would (ale#linter#Define with 'lsp': 'stdio'), and uses ALE's own commands: typing an undeclared
" tag, :ALEHover, completion through ALE's omnifunc, :ALECodeAction, :ALERename.
" Writes one line per check ("ok NAME" or "not ok NAME: DETAILS"; "skip: REASON" when ALE is
" missing) and the server's log ("# ...") to $GLOSSARY_RESULTS, then quits: :qa! when every check
" passed, :cquit 1 otherwise. Vim needs a terminal for its job and timer loop; run by vim.test.ts:
"   GLOSSARY_WORKSPACE=<copy of content/> GLOSSARY_SERVER=<repo>/dist/server.js GLOSSARY_RESULTS=<file> \
"   script -qec "vim -N -u NONE -i NONE -n -S test/vim/glossary.vim" /dev/null
" Every wait is bounded, and a watchdog quits after GLOSSARY_TIMEOUT_MS (default 45 s).
set nocompatible
set hidden
set nomore
set shortmess+=F
set encoding=utf-8
scriptencoding utf-8

let s:workspace = $GLOSSARY_WORKSPACE
let s:server = $GLOSSARY_SERVER
let s:results_path = $GLOSSARY_RESULTS
let s:timeout_ms = empty($GLOSSARY_TIMEOUT_MS) ? 45000 : str2nr($GLOSSARY_TIMEOUT_MS)

let s:DEFINITION = 'Das Outtasking ist eine besondere Form des Outsourcings.'
let s:NEW_TEXT = '[Outtasking](../glossar/Outtasking.md)'
let s:TAG = 'Erfunden'
let s:NEW_NAME = 'Outtasking-Verfahren'

let s:results = []
let s:server_log = []
let s:failed = 0
let s:finished = 0

function! s:Report(name, ok, details) abort
  if !a:ok | let s:failed = 1 | endif
  call add(s:results, (a:ok ? 'ok ' : 'not ok ') . a:name . (a:ok ? '' : ': ' . substitute(a:details, '\n', ' | ', 'g')))
endfunction

function! s:Finish(reason) abort
  if s:finished | return | endif
  let s:finished = 1
  if !empty(a:reason) | call s:Report('run', 0, a:reason) | endif
  call writefile(s:results + map(copy(s:server_log), {_, line -> '# ' . substitute(line, '\n', ' | ', 'g')}), s:results_path)
  " Vim stops ALE's job on exit; the server exits when its stdin closes.
  execute s:failed ? 'cquit 1' : 'qa!'
endfunction

" Waits (turning Vim's job and timer loop) until `Condition` holds; returns whether it did.
function! s:Wait(ms, Condition) abort
  let l:until = reltimefloat(reltime()) + a:ms / 1000.0
  while !a:Condition()
    if reltimefloat(reltime()) > l:until | return 0 | endif
    sleep 20m
  endwhile
  return 1
endfunction

function! s:Check(name, Body) abort
  try
    call a:Body()
    call s:Report(a:name, 1, '')
  catch
    call s:Report(a:name, 0, v:exception . ' (' . v:throwpoint . ')')
  endtry
endfunction

function! s:Assert(condition, message) abort
  if !a:condition | throw a:message | endif
endfunction

" Lines with LSP text edits applied as the protocol means them, in the byte columns the server was
" asked for (initializationOptions.positionEncoding 'utf-8', as the README configures ALE): the
" reference that what ALE made of the same edits is compared with.
function! s:AppliedAsMeant(lines, edits) abort
  let l:text = join(a:lines, "\n")
  let l:starts = [0]
  for l:line in a:lines | call add(l:starts, l:starts[-1] + len(l:line) + 1) | endfor
  let l:Offset = {position -> l:starts[position.line] + position.character}
  let l:sorted = sort(copy(a:edits), {a, b -> l:Offset(b.range.start) - l:Offset(a.range.start)})
  for l:edit in l:sorted
    let l:start = l:Offset(l:edit.range.start)
    let l:end = l:Offset(l:edit.range.end)
    let l:text = (l:start > 0 ? l:text[: l:start - 1] : '') . l:edit.newText . l:text[l:end :]
  endfor
  return split(l:text, "\n", 1)
endfunction

" Every message from the server that ALE hands on: the log, and each answer by its request id.
let s:answers = {}
function! s:OnMessage(conn_id, message) abort
  let l:method = get(a:message, 'method', '')
  if l:method is# 'window/logMessage' || l:method is# 'window/showMessage'
    call add(s:server_log, (l:method is# 'window/showMessage' ? 'showMessage: ' : '') . a:message.params.message)
  elseif has_key(a:message, 'id') && empty(l:method)
    let s:answers[a:message.id] = a:message
  endif
endfunction

let s:conn_id = ''
function! s:Connection() abort
  for [l:id, l:conn] in items(ale#lsp#GetConnections())
    if get(l:conn, 'initialized', 0) && ale#job#IsRunning(get(l:conn, 'job_id', 0))
      if s:conn_id isnot# l:id
        let s:conn_id = l:id
        call ale#lsp#RegisterCallback(l:id, function('s:OnMessage'))
      endif
      return l:id
    endif
  endfor
  return ''
endfunction

function! s:Running() abort
  call s:Assert(!empty(s:Connection()), 'the server is not running (see starts)')
endfunction

" Sends one request through ALE's connection and waits for its answer (or v:null).
function! s:Request(message) abort
  call ale#lsp#NotifyForChanges(s:conn_id, bufnr(''))
  let l:id = ale#lsp#Send(s:conn_id, a:message)
  call s:Wait(5000, {-> has_key(s:answers, l:id)})
  return get(s:answers, l:id, {})
endfunction

function! s:Open(relative) abort
  execute 'edit ' . fnameescape(s:workspace . '/' . a:relative)
  return bufnr('')
endfunction

" Line and byte column (1-based) of the first mention of `word` that is no link text.
function! s:FindMention(word) abort
  for l:number in range(1, line('$'))
    let l:text = getline(l:number)
    let l:at = 0
    while 1
      let l:found = stridx(l:text, a:word, l:at)
      if l:found < 0 | break | endif
      if l:found == 0 || l:text[l:found - 1] isnot# '['
        return [l:number, l:found + 1]
      endif
      let l:at = l:found + 1
    endwhile
  endfor
  throw 'no plain mention of ' . a:word
endfunction

" The buffer ALE shows a hover in (its preview window), as lines; [] when none is open.
function! s:PreviewLines() abort
  for l:buffer in tabpagebuflist()
    if getbufvar(l:buffer, '&filetype') is# 'ale-preview.message'
      return getbufline(l:buffer, 1, '$')
    endif
  endfor
  return []
endfunction

" ALE's own pickers read the user's choice through ale#util#Input (input()): answered here by
" the title of the code action wanted, or the new name, and the prompt kept for the report.
let s:input_answer = ''
let s:input_prompt = ''
function! s:PatchInput() abort
  runtime autoload/ale/util.vim
  function! ale#util#Input(message, value, ...) abort
    let s:input_prompt = a:message
    let l:answer = s:input_answer
    if l:answer =~# '^title:'
      for l:line in split(a:message, "\n")
        let l:match = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
        if !empty(l:match) && stridx(l:match[2], l:answer[6:]) >= 0 | return l:match[1] | endif
      endfor
      return ''
    endif
    return l:answer
  endfunction
endfunction

function! s:DiagnosticNaming(buffer, word) abort
  for l:item in get(get(g:ale_buffer_info, a:buffer, {}), 'loclist', [])
    if stridx(l:item.text, a:word) >= 0 | return l:item | endif
  endfor
  return {}
endfunction

let s:note = -1
let s:mention = []

function! s:Starts() abort
  let l:bare = s:workspace . '/notizen/Projekt-Auslagerung.md'
  let s:note = s:Open('notizen/Projekt-Auslagerung.md')
  call s:Assert(&filetype is# 'markdown', 'filetype ' . &filetype)
  call s:Assert(s:Wait(15000, {-> !empty(s:Connection())}), 'ALE started no server within 15 s (:ALEInfo: '
  \ . join(filter(split(execute('ALEInfo'), "\n"), {_, l -> l =~? 'markdown-glossary\|error\|exit'}), ' / ') . ')')
  " The index is built after initialization: ask (as :ALEHover does) until a hover answers.
  let s:mention = s:FindMention('Outtasking')
  let l:answer = {}
  for _ in range(60)
    let l:answer = s:Request(ale#lsp#message#Hover(s:note, s:mention[0], s:mention[1] + 3))
    if type(get(l:answer, 'result', v:null)) is v:t_dict | break | endif
    sleep 250m
  endfor
  call s:Assert(type(get(l:answer, 'result', v:null)) is v:t_dict, 'no hover within 15 s: ' . string(l:answer))
endfunction

function! s:Diagnostics() abort
  call s:Running()
  let l:term = s:Open('glossar/Kernkompetenz.md')
  let l:tags_line = search('^tags: \[.*\]$', 'w')
  call s:Assert(l:tags_line > 0, 'no "tags: [...]" line in Kernkompetenz.md')
  " Type ", Erfunden" before the closing bracket, as a user does: ALE lints on leaving insert mode.
  call cursor(l:tags_line, 1)
  call feedkeys('$i, ' . s:TAG . "\<Esc>", 'xt')
  let l:found = s:Wait(10000, {-> !empty(s:DiagnosticNaming(l:term, s:TAG))})
  let l:all = map(copy(get(get(g:ale_buffer_info, l:term, {}), 'loclist', [])), 'v:val.text')
  call s:Assert(l:found, 'no diagnostic naming ' . s:TAG . ' within 10 s; diagnostics: ' . string(l:all))
  let l:item = s:DiagnosticNaming(l:term, s:TAG)
  call s:Assert(l:item.type is# 'W', 'type ' . l:item.type)
  call s:Assert(get(l:item, 'code', '') is# 'unknown-tag', 'code ' . get(l:item, 'code', ''))
  let l:line = getline(l:tags_line)
  call s:Assert(l:item.lnum == l:tags_line && l:line[l:item.col - 1 : l:item.end_col - 1] is# s:TAG,
  \ printf('at %d:%d-%d, not at the tag in %s', l:item.lnum, l:item.col, l:item.end_col, string(l:line)))
  " What the user reads (the message echoed at the cursor) names the tag.
  call cursor(l:tags_line, l:item.col)
  call s:Assert(stridx(l:item.text, '"' . s:TAG . '"') >= 0, 'message ' . l:item.text)
endfunction

function! s:Hover() abort
  call s:Running()
  execute 'buffer ' . s:note
  call cursor(s:mention[0], s:mention[1] + 3)
  ALEHover
  call s:Assert(s:Wait(5000, {-> !empty(s:PreviewLines())}), ':ALEHover showed nothing within 5 s (messages: ' . execute('messages') . ')')
  let l:shown = join(s:PreviewLines(), "\n")
  call s:Assert(stridx(l:shown, s:DEFINITION) >= 0, 'the definition is not shown: ' . l:shown)
  call s:Assert(l:shown =~# '^Outtasking\n', 'the title is not the first line: ' . l:shown)
  " ALE asks for plain text: no Markdown markup is shown raw.
  call s:Assert(l:shown !~# '\*\*\|](\|`', 'Markdown shown raw: ' . l:shown)
  pclose
endfunction

" Types `keys` in insert mode at the end of `line` (before its last character with `before_last`),
" asks ALE (<C-x><C-o>, its omnifunc) and accepts the first item: [the menu's words, the line after].
" feedkeys() stays in insert mode (!) until a timer has looked at the menu and accepted its first item.
function! s:TypeAndComplete(line, keys, before_last) abort
  setlocal omnifunc=ale#completion#OmniFunc
  set completeopt=menu,menuone,noinsert
  let g:glossary_menu = []
  augroup glossary_completion
    autocmd!
    autocmd CompleteChanged * let g:glossary_menu = complete_info(['items']).items
  augroup END
  let s:asked = reltimefloat(reltime())
  call timer_start(50, function('s:AcceptCompletion'), {'repeat': -1})
  call cursor(a:line, 1)
  call feedkeys((a:before_last ? '$i' : 'A') . a:keys . "\<C-x>\<C-o>", 'xt!')
  autocmd! glossary_completion
  return [map(copy(g:glossary_menu), 'v:val.word'), getline(a:line)]
endfunction

function! s:Completion() abort
  call s:Running()
  execute 'buffer ' . s:note
  let l:line = s:mention[0]
  let l:before = getline(l:line)
  " Type " [Outt" at the end of the line (umlauts before it).
  let [l:words, l:after] = s:TypeAndComplete(l:line, ' [Outt', 0)
  " What the server offered there, and the words ALE 3.3 makes of its items (before filtering them by
  " the word before the cursor, "Outt"): for the report when nothing was offered.
  let l:typed = l:before . ' [Outt'
  call setline(l:line, l:typed)
  let l:offered = get(s:Request(ale#lsp#message#Completion(s:note, l:line, len(l:typed) + 1, '')), 'result', {})
  let l:info = b:ale_completion_info
  let b:ale_completion_info = {'line': 0, 'column': 0, 'line_length': 0, 'conn_id': 0, 'request_id': 0, 'source': ''}
  let l:items = filter(copy(type(l:offered) is v:t_dict ? get(l:offered, 'items', []) : []), {_, item -> item.label is# 'Outtasking'})
  let l:server_side = map(copy(l:items), {_, item -> get(item, 'textEdit', {})})
  let l:ale_words = map(ale#completion#ParseLSPCompletions({'result': l:items}), 'v:val.word')
  let b:ale_completion_info = l:info
  " Leave the note as it was for the checks after this one.
  call setline(l:line, l:before)
  call s:Assert(!empty(filter(copy(l:words), {_, word -> stridx(word, 'Outtasking') >= 0})),
  \ 'Outtasking is not offered; the menu: ' . string(l:words) . '; the line became: ' . string(l:after[len(l:before) :])
  \ . '; the server offered ' . string(l:server_side) . ', which ALE reads as the word(s) ' . string(l:ale_words))
  call s:Assert(l:after is# l:before . ' ' . s:NEW_TEXT, 'after accepting: ' . string(l:after[len(l:before) :]))
endfunction

" Where the new text starts with the word typed (a tag in front matter), ALE completes.
function! s:TagCompletion() abort
  call s:Running()
  let l:term = s:Open('glossar/Kernkompetenz.md')
  let l:tags_line = search('^tags: \[.*\]$', 'w')
  let l:before = getline(l:tags_line)
  let [l:words, l:after] = s:TypeAndComplete(l:tags_line, ', Proz', 1)
  call setline(l:tags_line, l:before)
  call s:Assert(index(l:words, 'Prozesse') >= 0, 'Prozesse is not offered; the menu: ' . string(l:words))
  call s:Assert(l:after is# l:before[: -2] . ', Prozesse]', 'after accepting: ' . string(l:after))
endfunction

function! s:AcceptCompletion(timer) abort
  if empty(g:glossary_menu) && reltimefloat(reltime()) - s:asked < 5 | return | endif
  call timer_stop(a:timer)
  call feedkeys(pumvisible() ? "\<C-y>\<Esc>" : "\<Esc>", 't')
endfunction

" The first line where ALE's result differs from what the server meant, around the difference.
function! s:Difference(actual, expected, ...) abort
  for l:number in range(max([len(a:actual), len(a:expected)]))
    let l:actual = get(a:actual, l:number, '<none>')
    let l:expected = get(a:expected, l:number, '<none>')
    if l:actual isnot# l:expected
      let l:at = 0
      while l:actual[l:at] is# l:expected[l:at] | let l:at += 1 | endwhile
      return printf('line %d became "...%s", the server meant "...%s"', l:number + 1 + get(a:000, 0, 0), l:actual[max([0, l:at - 30]) : l:at + 50], l:expected[max([0, l:at - 30]) : l:at + 50])
    endif
  endfor
  return 'the same'
endfunction

function! s:CodeAction() abort
  call s:Running()
  let l:term = s:Open('glossar/Kernkompetenz.md')
  let l:item = s:DiagnosticNaming(l:term, s:TAG)
  call s:Assert(!empty(l:item), 'no diagnostic naming ' . s:TAG . ' (see diagnostics)')
  let l:tags_file = s:workspace . '/glossar/tags.yml'
  let l:tags_before = readfile(l:tags_file)
  " The edit the server means, asked for as ALE asks for it.
  let l:answer = s:Request(ale#lsp#message#CodeAction(l:term, l:item.lnum, l:item.col, l:item.lnum, l:item.col,
  \ [{'code': l:item.code, 'message': l:item.text, 'range': {'start': {'line': l:item.lnum - 1, 'character': l:item.col - 1}, 'end': {'line': l:item.end_lnum - 1, 'character': l:item.end_col}}}]))
  let l:wanted = filter(copy(get(l:answer, 'result', [])), {_, action -> stridx(action.title, 'Declare "' . s:TAG . '"') >= 0})
  call s:Assert(len(l:wanted) == 1, 'no action declaring the tag: ' . string(get(l:answer, 'result', l:answer)))
  let l:edits = get(get(l:wanted[0].edit, 'changes', {}), ale#util#ToURI(l:tags_file), [])
  call s:Assert(!empty(l:edits), 'the action edits no tags.yml: ' . string(l:wanted[0].edit))
  let l:expected = s:AppliedAsMeant(l:tags_before + [''], l:edits)
  call remove(l:expected, -1)
  " As the user does it: the cursor on the tag, :ALECodeAction, pick the action by its number.
  call cursor(l:item.lnum, l:item.col)
  let s:input_answer = 'title:Declare "' . s:TAG . '"'
  ALECodeAction
  let l:tags_buffer = bufnr(l:tags_file)
  call s:Assert(s:Wait(5000, {-> bufnr(l:tags_file) > 0 && getbufline(bufnr(l:tags_file), 1, '$') != l:tags_before}),
  \ 'tags.yml was not changed within 5 s (the picker showed: ' . string(s:input_prompt) . ')')
  let l:tags_after = getbufline(bufnr(l:tags_file), 1, '$')
  call s:Assert(l:tags_after ==# l:expected, 'tags.yml became ' . string(l:tags_after) . ', the server meant ' . string(l:expected))
  call s:Assert(bufnr('') == l:term, 'the cursor left Kernkompetenz.md for ' . bufname(''))
  " ALE leaves the edited tags.yml unsaved: saved, it holds the declaration.
  silent wall
  call s:Assert(readfile(l:tags_file) ==# l:expected, 'tags.yml on disk: ' . string(readfile(l:tags_file)))
endfunction

" A broken link's fix "Create … from the template": ALE declares no file creation, so the template
" comes as a plain edit of the new file; ALE opens its buffer with the text, and saving creates it.
function! s:CreateFromTemplate() abort
  call s:Running()
  let l:missing = s:workspace . '/glossar/Fehlt.md'
  call writefile(['# Neu', '', 'Siehe [neu](../glossar/Fehlt.md).'], s:workspace . '/notizen/Neu.md')
  let l:note = s:Open('notizen/Neu.md')
  call s:Assert(s:Wait(10000, {-> !empty(s:DiagnosticNaming(l:note, 'Fehlt.md'))}), 'no diagnostic naming Fehlt.md within 10 s')
  let l:item = s:DiagnosticNaming(l:note, 'Fehlt.md')
  call cursor(l:item.lnum, l:item.col)
  let s:input_answer = 'title:Create '
  ALECodeAction
  call s:Assert(s:Wait(5000, {-> bufnr(l:missing) > 0 && getbufline(bufnr(l:missing), 1, '$') != ['']}),
  \ 'no buffer of Fehlt.md with the template within 5 s (the picker showed: ' . string(s:input_prompt) . ')')
  let l:template = getbufline(bufnr(l:missing), 1, '$')
  call s:Assert(match(l:template, '^title: ') >= 0 || match(l:template, '^# ') >= 0, 'the new buffer holds ' . string(l:template))
  call s:Assert(!filereadable(l:missing), 'Fehlt.md was written before it was saved')
  silent wall
  call s:Assert(readfile(l:missing) ==# l:template, 'Fehlt.md on disk: ' . string(readfile(l:missing)))
endfunction

" Lines a rename changed other than by putting the new name for the old (bytes lost or doubled).
let s:rename_damage = []
function! s:Rename() abort
  call s:Running()
  execute 'buffer ' . s:note
  let l:answer = s:Request(ale#lsp#message#Rename(s:note, s:mention[0], s:mention[1] + 3, s:NEW_NAME))
  let l:changes = get(get(l:answer, 'result', {}), 'changes', {})
  call s:Assert(!empty(l:changes), 'the server answered no changes: ' . string(l:answer))
  let l:files = {}
  for l:uri in keys(l:changes)
    let l:path = ale#util#ToResource(l:uri)
    let l:files[l:uri] = bufnr(l:path) > 0 ? getbufline(bufnr(l:path), 1, '$') : readfile(l:path)
  endfor
  " :ALERename on the mention, the new name typed at its prompt.
  call cursor(s:mention[0], s:mention[1] + 3)
  let s:input_answer = s:NEW_NAME
  ALERename
  call s:Assert(s:input_prompt is# 'New name: ', 'prompt ' . string(s:input_prompt))
  for [l:uri, l:edits] in items(l:changes)
    let l:path = ale#util#ToResource(l:uri)
    let l:expected = s:AppliedAsMeant(l:files[l:uri] + [''], l:edits)
    call remove(l:expected, -1)
    call s:Assert(s:Wait(5000, {-> bufnr(l:path) > 0 && getbufline(bufnr(l:path), 1, '$') !=# l:files[l:uri]}), fnamemodify(l:path, ':t') . ' was not changed within 5 s')
    let l:after = getbufline(bufnr(l:path), 1, '$')
    call s:Assert(len(l:after) == len(l:expected), fnamemodify(l:path, ':t') . ': ' . s:Difference(l:after, l:expected))
    call s:Assert(l:after ==# l:expected, fnamemodify(l:path, ':t') . ': ' . s:Difference(l:after, l:expected))
    " Whatever the server meant: every line changed is the old one with the new name for the old.
    for l:number in range(len(l:after))
      if substitute(l:after[l:number], s:NEW_NAME, 'Outtasking', 'g') isnot# l:files[l:uri][l:number]
        call add(s:rename_damage, fnamemodify(l:path, ':t') . ': ' . s:Difference(l:after[l:number : l:number], l:files[l:uri][l:number : l:number], l:number))
      endif
    endfor
  endfor
  call s:Assert(stridx(join(getbufline(bufnr(s:workspace . '/glossar/Outtasking.md'), 1, '$'), "\n"), 'title: ' . s:NEW_NAME) >= 0, 'the title was not renamed')
endfunction

" An id named after its file would rename the file, which ALE cannot do: it is told so (ALE shows
" "No rename result received from server") and applies nothing, where a RenameFile in the edit
" stopped it with E716.
function! s:RenameId() abort
  call s:Running()
  let l:term = s:Open('glossar/Outtasking.md')
  let l:before = getline(1, '$')
  let l:id_line = search('^id: ', 'w')
  call s:Assert(l:id_line > 0, 'no id in Outtasking.md')
  call cursor(l:id_line, 6)
  let v:errmsg = ''
  let s:input_answer = 'Teilvergabe'
  let l:messages = len(split(execute('messages'), "\n"))
  ALERename
  call s:Wait(5000, {-> len(split(execute('messages'), "\n")) > l:messages})
  let l:new = split(execute('messages'), "\n")[l:messages :]
  call s:Assert(empty(v:errmsg), 'Vim error: ' . v:errmsg . ' ' . string(l:new))
  call s:Assert(getline(1, '$') ==# l:before, 'Outtasking.md changed: ' . s:Difference(getline(1, '$'), l:before))
  call s:Assert(!filereadable(s:workspace . '/glossar/Teilvergabe.md'), 'Teilvergabe.md was created')
  call s:Assert(l:new ==# ['No rename result received from server'], 'messages: ' . string(l:new))
endfunction

" Positions on a line with umlauts and an emoji before the problem, and the rename's lines with
" umlauts: ALE counts columns in bytes, as it asked the server to (positionEncoding 'utf-8').
function! s:Umlauts() abort
  call s:Running()
  let l:term = s:Open('glossar/Kernkompetenz.md')
  let l:tags_line = search('^tags: \[.*\]$', 'w')
  call cursor(l:tags_line, 1)
  call feedkeys("$i, Übersee🚀, Zweitens\<Esc>", 'xt')
  call s:Assert(s:Wait(10000, {-> !empty(s:DiagnosticNaming(l:term, 'Zweitens'))}), 'no diagnostic naming Zweitens within 10 s')
  let l:item = s:DiagnosticNaming(l:term, 'Zweitens')
  let l:line = getline(l:tags_line)
  let l:marked = l:line[l:item.col - 1 : l:item.end_col - 1]
  call s:Assert(l:marked is# 'Zweitens' && empty(s:rename_damage), printf('ALE marks "%s" (bytes %d-%d) of %s; the rename: %s',
  \ l:marked, l:item.col, l:item.end_col, string(l:line[match(l:line, 'Erfunden') :]), empty(s:rename_damage) ? 'as meant' : join(s:rename_damage, '; ')))
endfunction

function! s:Run(...) abort
  try
    if empty(s:workspace) || empty(s:server) || empty(s:results_path)
      throw 'set GLOSSARY_WORKSPACE, GLOSSARY_SERVER and GLOSSARY_RESULTS'
    endif
    call s:PatchInput()
    call s:Check('starts', function('s:Starts'))
    call s:Check('diagnostics', function('s:Diagnostics'))
    call s:Check('hover', function('s:Hover'))
    call s:Check('completion', function('s:Completion'))
    call s:Check('codeaction', function('s:CodeAction'))
    call s:Check('tagcompletion', function('s:TagCompletion'))
    call s:Check('rename', function('s:Rename'))
    call s:Check('renameid', function('s:RenameId'))
    call s:Check('create', function('s:CreateFromTemplate'))
    call s:Check('umlauts', function('s:Umlauts'))
    call s:Finish('')
  catch
    call s:Finish('script error: ' . v:exception . ' (' . v:throwpoint . ')')
  endtry
endfunction

" ALE as a user installs and configures it.
filetype plugin on
silent! packadd ale
if !exists('g:loaded_ale')
  call writefile(['skip: ALE is not installed (apt-get install -y vim-ale)'], s:results_path)
  qa!
endif
let g:ale_linters = {'markdown': ['markdown-glossary']}
let g:ale_linters_explicit = 1
call ale#linter#Define('markdown', {
\   'name': 'markdown-glossary',
\   'lsp': 'stdio',
\   'executable': 'node',
\   'command': 'node ' . shellescape(s:server) . ' --stdio',
\   'project_root': {buffer -> fnamemodify(ale#path#FindNearestFile(buffer, '.markdown-glossary.json'), ':h')},
\   'initialization_options': {'positionEncoding': 'utf-8'},
\})

call timer_start(s:timeout_ms, {-> s:Finish('timed out after ' . s:timeout_ms . ' ms')})
" The checks run from Vim's main loop, once it is up and waits for keys.
call timer_start(0, function('s:Run'))
