-- Neovim (Debian's 0.7) as a real LSP client of dist/server.js, headless. It opens
-- the config named by $KALLITHEA_CONFIG, waits on events (vim.wait runs the event
-- loop until a condition holds), exercises diagnostics, hover, completion, a quick
-- fix, fix-all and settings, and writes what it saw to $KALLITHEA_RESULT as JSON.
-- test/editors/editors.test.ts runs it and judges the result.

local out = { steps = {} }
local function step(name, value) out.steps[name] = value end
local function finish()
  local f = io.open(os.getenv('KALLITHEA_RESULT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local file = os.getenv('KALLITHEA_CONFIG')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local init = os.getenv('KALLITHEA_INIT')
  local id = vim.lsp.start_client({
    name = 'kallithea_ini',
    cmd = { 'node', '--v8-pool-size=1', os.getenv('KALLITHEA_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = init and vim.fn.json_decode(init) or nil,
  })
  vim.lsp.buf_attach_client(buf, id)

  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      list[#list + 1] = { code = lsp.code, line = d.lnum, col = d.col, severity = d.severity }
    end
    return list
  end
  local function has(code)
    for _, d in ipairs(codes()) do if d.code == code then return d end end
    return nil
  end

  -- With $KALLITHEA_WAIT_FOR_ERROR, wait until that rule is reported as an error (the
  -- client's own settings may arrive after the first diagnostics).
  local rule = os.getenv('KALLITHEA_WAIT_FOR_ERROR')
  step('diagnostics', vim.wait(20000, function()
    if not rule then return #vim.diagnostic.get(buf) > 0 end
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.user_data and d.user_data.lsp and d.user_data.lsp.code == rule and d.severity == 1 then return true end
    end
    return false
  end, 20))
  step('codes', codes())

  local function request(method, params)
    local res = vim.lsp.buf_request_sync(buf, method, params, 10000)
    return res and res[id] and res[id].result
  end
  local uri = vim.uri_from_bufnr(buf)

  -- Hover on the first line that starts with a key.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    if l:match('^cache_dir') then
      local h = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = i - 1, character = 2 } })
      step('hover', h and h.contents or vim.NIL)
      break
    end
  end

  -- Completion on a new empty line at the end: plain text, no snippet syntax.
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '' })
  local last = vim.api.nvim_buf_line_count(buf) - 1
  local items = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = last, character = 0 } })
  items = items and (items.items or items) or {}
  local texts = {}
  for _, item in ipairs(items) do
    texts[#texts + 1] = { label = item.label, text = item.textEdit and item.textEdit.newText or item.insertText, format = item.insertTextFormat }
  end
  step('completion', texts)
  vim.api.nvim_buf_set_lines(buf, last, last + 1, false, {})

  -- A quick fix for the inline comment, asked at the cursor with no diagnostics echoed back.
  local target = has('inline-comment')
  if target then
    local pos = { line = target.line, character = target.col + 1 }
    local actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = { start = pos, ['end'] = pos }, context = { diagnostics = {} } }) or {}
    local titles = {}
    local chosen
    for _, a in ipairs(actions) do
      titles[#titles + 1] = a.title
      if a.title == 'Move the comment to its own line' then chosen = a end
    end
    step('actions', titles)
    if chosen and chosen.edit then
      vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
      step('quickfix_gone', vim.wait(20000, function() return has('inline-comment') == nil and #vim.diagnostic.get(buf) > 0 end, 20))
    end
  end

  -- Fix-all as a source action.
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local all = request('textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }, context = { diagnostics = {}, only = { 'source.fixAll.kallithea' } } }) or {}
  if all[1] and all[1].edit then vim.lsp.util.apply_workspace_edit(all[1].edit, 'utf-16') end
  step('fixall_changed', table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') ~= before)
end)
if not ok then out.error = tostring(err) end
finish()
