-- Drives Neovim's built-in LSP client against the bundled server and writes one line per check
-- ("ok NAME" or "not ok NAME: DETAILS") to $GLOSSARY_RESULTS. Run by neovim.test.ts.
local workspace = os.getenv('GLOSSARY_WORKSPACE')
local server = os.getenv('GLOSSARY_SERVER')
local results_path = os.getenv('GLOSSARY_RESULTS')
local results = {}

local function report(name, ok, details)
  table.insert(results, (ok and 'ok ' or 'not ok ') .. name .. (ok and '' or (': ' .. tostring(details))))
  io.stderr:write(results[#results] .. '\n')
end

local function finish()
  local file = io.open(results_path, 'w')
  file:write(table.concat(results, '\n') .. '\n')
  file:close()
  vim.cmd('qa!')
end

local function check(name, body)
  local ok, err = pcall(body)
  if not ok then report(name, false, err) end
end

local client_id = vim.lsp.start_client({
  name = 'markdown-glossary',
  cmd = { 'node', server, '--stdio' },
  root_dir = workspace,
  workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'content' } },
})

local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  return buffer
end

local function request(buffer, method, params)
  local responses = vim.lsp.buf_request_sync(buffer, method, params, 5000)
  for _, response in pairs(responses or {}) do
    if response.result then return response.result end
  end
  return nil
end

check('starts', function()
  local note = open('notizen/Projekt-Auslagerung.md')
  local ready = vim.wait(15000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil
  end, 100)
  assert(ready, 'the client did not initialize')
  local line, column
  for number, text in ipairs(vim.api.nvim_buf_get_lines(note, 0, -1, false)) do
    local from = 1
    while not line do
      local found = text:find('Outtasking', from, true)
      if not found then break end
      -- A plain mention, not the text of a link.
      -- LSP positions count UTF-16 code units; Lua counts bytes ("prüfen" comes first).
      if found == 1 or text:sub(found - 1, found - 1) ~= '[' then line, column = number - 1, select(2, vim.str_utfindex(text, found + 2)) end
      from = found + 1
    end
    if line then break end
  end
  assert(line, 'no plain mention of Outtasking in the note')
  local hover
  -- The index is built after initialization: ask until a hover answers.
  for _ = 1, 60 do
    hover = request(note, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(note) }, position = { line = line, character = column } })
    if hover ~= nil then break end
    vim.wait(250)
  end
  assert(hover, 'the server answered no hover within 15 s')
  report('starts', true)

  check('hover', function()
    assert(hover, 'no hover')
    local value = type(hover.contents) == 'table' and hover.contents.value or tostring(hover.contents)
    assert(value:find('Das Outtasking ist eine besondere Form des Outsourcings.', 1, true), value)
    report('hover', true)
  end)

  check('completion', function()
    local last = vim.api.nvim_buf_line_count(note)
    vim.api.nvim_buf_set_lines(note, last, last, false, { 'Siehe [Outt' })
    local result = request(note, 'textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(note) },
      position = { line = last, character = 11 },
    })
    assert(result, 'no completion')
    local items = result.items or result
    for _, item in ipairs(items) do
      if item.label == 'Outtasking' then
        local text = item.textEdit and item.textEdit.newText
        assert(text == '[Outtasking](../glossar/Outtasking.md)', 'inserts ' .. tostring(text))
        report('completion', true)
        return
      end
    end
    error('Outtasking is not offered among ' .. #items .. ' items')
  end)

  check('diagnostics', function()
    local term = open('glossar/Kernkompetenz.md')
    local lines = vim.api.nvim_buf_get_lines(term, 0, -1, false)
    for number, text in ipairs(lines) do
      if text:match('^tags:') then
        vim.api.nvim_buf_set_lines(term, number - 1, number, false, { (text:gsub('%]$', ', Erfunden]')) })
        break
      end
    end
    local message
    local found = vim.wait(10000, function()
      for _, diagnostic in ipairs(vim.diagnostic.get(term)) do
        if diagnostic.message:find('Erfunden', 1, true) and diagnostic.severity == vim.diagnostic.severity.WARN then
          message = diagnostic.message
          return true
        end
      end
      return false
    end, 100)
    assert(found, 'no warning naming the tag')
    assert(message:find('is not declared', 1, true), message)
    report('diagnostics', true)
  end)
end)

finish()
