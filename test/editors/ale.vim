" Vim 9 with ALE 3.3 as a real LSP client of dist/server.js, in silent Ex mode. It
" defines the server as an ALE LSP linter for dosini (Vim's filetype for these
" files), waits on events (`sleep` runs Vim's event loop until a condition holds),
" exercises diagnostics, hover, completion, a quick fix, fix-all and settings, and
" writes what it saw to $KALLITHEA_RESULT as JSON for test/editors/editors.test.ts.

set nocompatible
let &runtimepath = '/usr/share/vim-ale,' . &runtimepath . ',/usr/share/vim-ale/after'
filetype plugin on
let g:ale_echo_cursor = 0
let g:ale_set_signs = 0
let g:ale_set_highlights = 0
let g:ale_linters_explicit = 1
let s:linter = {
\   'name': 'kallithea_ini',
\   'lsp': 'stdio',
\   'executable': 'node',
\   'command': '%e --v8-pool-size=1 ' . $KALLITHEA_SERVER . ' --stdio',
\   'project_root': {b -> fnamemodify(bufname(b), ':p:h')},
\ }
if !empty($KALLITHEA_INIT)
  let s:linter.initialization_options = json_decode($KALLITHEA_INIT)
endif
call ale#linter#Define('dosini', s:linter)
let g:ale_linters = {'dosini': ['kallithea_ini']}
runtime plugin/ale.vim

let s:out = {}
function! s:Wait(Cond) abort
  for i in range(1000)
    if a:Cond() | return 1 | endif
    sleep 20m
  endfor
  return 0
endfunction
function! s:Codes() abort
  return map(copy(ale#engine#GetLoclist(bufnr(''))), {_, d -> {'code': get(d, 'code', ''), 'line': d.lnum - 1, 'col': d.col - 1, 'severity': d.type}})
endfunction
function! s:Has(code, ...) abort
  let l:type = a:0 ? a:1 : ''
  return !empty(filter(s:Codes(), {_, d -> d.code is# a:code && (l:type is# '' || d.severity is# l:type)}))
endfunction

try
  execute 'edit ' . fnameescape($KALLITHEA_CONFIG)
  set filetype=dosini
  ALELint
  " With $KALLITHEA_WAIT_FOR_ERROR, wait until that rule is reported as an error.
  let s:rule = $KALLITHEA_WAIT_FOR_ERROR
  let s:out.diagnostics = s:Wait({-> empty(s:rule) ? !empty(ale#engine#GetLoclist(bufnr(''))) : s:Has(s:rule, 'E')}) ? v:true : v:false
  let s:out.codes = s:Codes()

  " Requests go over ALE's own connection to the server.
  let s:responses = {}
  function! s:OnResponse(conn_id, response) abort
    if has_key(a:response, 'id') | let s:responses[a:response.id] = get(a:response, 'result', v:null) | endif
  endfunction
  let s:conn = ''
  function! s:Ready(linter, details) abort
    let s:conn = a:details.connection_id
    call ale#lsp#RegisterCallback(s:conn, function('s:OnResponse'))
  endfunction
  call ale#lsp_linter#StartLSP(bufnr(''), ale#linter#Get('dosini')[0], function('s:Ready'))
  call s:Wait({-> !empty(s:conn)})
  function! s:Request(message) abort
    let l:id = ale#lsp#Send(s:conn, a:message)
    call s:Wait({-> has_key(s:responses, l:id)})
    return get(s:responses, l:id, v:null)
  endfunction
  let s:uri = ale#util#ToURI(expand('%:p'))

  let s:line = search('^cache_dir', 'w')
  if s:line
    let s:hover = s:Request(ale#lsp#message#Hover(bufnr(''), s:line, 3))
    let s:out.hover = type(s:hover) == v:t_dict ? s:hover.contents : v:null
  endif

  call append(line('$'), '')
  let s:items = s:Request(ale#lsp#message#Completion(bufnr(''), line('$'), 1, ''))
  let s:items = type(s:items) == v:t_dict ? s:items.items : s:items
  let s:out.completion = map(copy(s:items), {_, i -> {'label': i.label, 'text': has_key(i, 'textEdit') ? i.textEdit.newText : get(i, 'insertText', ''), 'format': get(i, 'insertTextFormat', 1)}})
  execute '$delete'

  " A quick fix for the inline comment, asked inside it with no diagnostics echoed back.
  let s:target = filter(s:Codes(), {_, d -> d.code is# 'inline-comment'})
  if !empty(s:target)
    let s:t = s:target[0]
    let s:actions = s:Request(ale#lsp#message#CodeAction(bufnr(''), s:t.line + 1, s:t.col + 2, s:t.line + 1, s:t.col + 1, []))
    let s:out.actions = map(copy(s:actions), {_, a -> a.title})
    let s:chosen = filter(copy(s:actions), {_, a -> a.title is# 'Move the comment to its own line'})
    if !empty(s:chosen)
      call ale#code_action#HandleCodeAction({'description': 'fix', 'changes': ale#code_action#BuildChangesList(ale#code_action#GetChanges(s:chosen[0].edit))}, {})
      ALELint
      let s:out.quickfix_gone = s:Wait({-> !empty(ale#engine#GetLoclist(bufnr(''))) && !s:Has('inline-comment')}) ? v:true : v:false
    endif
  endif

  " Fix-all as a source action.
  let s:before = getline(1, '$')
  let s:all = s:Request([0, 'textDocument/codeAction', {'textDocument': {'uri': s:uri}, 'range': {'start': {'line': 0, 'character': 0}, 'end': {'line': 0, 'character': 0}}, 'context': {'diagnostics': [], 'only': ['source.fixAll.kallithea']}}])
  if !empty(s:all) && has_key(s:all[0], 'edit')
    call ale#code_action#HandleCodeAction({'description': 'fix all', 'changes': ale#code_action#BuildChangesList(ale#code_action#GetChanges(s:all[0].edit))}, {})
  endif
  let s:out.fixall_changed = getline(1, '$') != s:before ? v:true : v:false
catch
  let s:out.error = v:exception . ' at ' . v:throwpoint
endtry

call writefile([json_encode({'steps': s:out})], $KALLITHEA_RESULT)
qa!
