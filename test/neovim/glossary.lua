-- Drives Neovim's built-in LSP client (0.7: vim.lsp.start_client + buf_attach_client) against the
-- bundled server, as a user would: hover on a mention, complete "[Outt", type an undeclared tag.
-- Writes one line per check ("ok NAME" or "not ok NAME: DETAILS") and the server's log ("# ...")
-- to $GLOSSARY_RESULTS, then quits: :qa! when every check passed, :cquit 1 otherwise.
-- Run by neovim.test.ts:
--   GLOSSARY_WORKSPACE=<copy of content/> GLOSSARY_SERVER=<repo>/dist/server.js GLOSSARY_RESULTS=<file> \
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile test/neovim/glossary.lua'
-- A Lua error in a -c script leaves headless Neovim running, so everything below runs under pcall,
-- every wait is bounded, and a watchdog quits after GLOSSARY_TIMEOUT_MS (default 45 s).
local workspace = os.getenv('GLOSSARY_WORKSPACE')
local server = os.getenv('GLOSSARY_SERVER')
local results_path = os.getenv('GLOSSARY_RESULTS')
local timeout_ms = tonumber(os.getenv('GLOSSARY_TIMEOUT_MS') or '') or 45000

local DEFINITION = 'Das Outtasking ist eine besondere Form des Outsourcings.'
local NEW_TEXT = '[Outtasking](../glossar/Outtasking.md)'
local TAG = 'Erfunden'

local results = {}
local server_log = {}
local failed = false
local finished = false

local function report(name, ok, details)
  if not ok then failed = true end
  local line = (ok and 'ok ' or 'not ok ') .. name .. (ok and '' or (': ' .. tostring(details):gsub('\n', ' | ')))
  table.insert(results, line)
  io.stderr:write(line .. '\n')
end

local function finish(reason)
  if finished then return end
  finished = true
  if reason then report('run', false, reason) end
  pcall(function()
    local file = assert(io.open(results_path, 'w'))
    file:write(table.concat(results, '\n') .. '\n')
    for _, line in ipairs(server_log) do file:write('# ' .. line:gsub('\n', ' | ') .. '\n') end
    file:close()
  end)
  -- :cquit exits at once; Neovim stops the client, and the server exits when its stdin closes.
  vim.cmd(failed and 'cquit 1' or 'qa!')
end

-- The watchdog: runs from the event loop, which vim.wait keeps turning.
vim.defer_fn(function() finish('timed out after ' .. timeout_ms .. ' ms') end, timeout_ms)

local function check(name, body)
  local ok, err = pcall(body)
  report(name, ok, err)
end

local client_id
local server_exited = false
local function client() return client_id and vim.lsp.get_client_by_id(client_id) end
local function running()
  local current = client()
  assert(current and current.initialized and not server_exited, 'the server is not running (see starts)')
  return current
end

local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
  local buffer = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(buffer, client_id), 'could not attach the client to ' .. relative)
  return buffer
end

--- The first answer to a request, or nil and what went wrong.
local function request(buffer, method, params)
  local responses, err = vim.lsp.buf_request_sync(buffer, method, params, 5000)
  if not responses then return nil, method .. ': ' .. tostring(err) end
  for _, response in pairs(responses) do
    if response.err then return nil, method .. ': ' .. vim.inspect(response.err) end
    return response.result, method .. ': the server answered null'
  end
  return nil, method .. ': no answer'
end

--- Line (0-based) and byte column (0-based) of the first mention of `word` that is no link text.
local function find_mention(buffer, word)
  for number, text in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    local from = 1
    while true do
      local found = text:find(word, from, true)
      if not found then break end
      if found == 1 or text:sub(found - 1, found - 1) ~= '[' then return number - 1, found - 1, text end
      from = found + 1
    end
  end
  error('no plain mention of ' .. word)
end

local function utf16(text, byte_column) return select(2, vim.str_utfindex(text, byte_column)) end

local note, hover, hover_word

local ok, err = pcall(function()
  assert(workspace and server and results_path, 'set GLOSSARY_WORKSPACE, GLOSSARY_SERVER and GLOSSARY_RESULTS')

  check('starts', function()
    client_id = vim.lsp.start_client({
      name = 'markdown-glossary',
      cmd = { 'node', server, '--stdio' },
      root_dir = workspace,
      workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'content' } },
      handlers = {
        ['window/logMessage'] = function(_, message) table.insert(server_log, message.message) end,
        ['window/showMessage'] = function(_, message) table.insert(server_log, 'showMessage: ' .. message.message) end,
      },
      on_exit = function(code, signal)
        server_exited = true
        table.insert(server_log, ('server exited: code %s, signal %s'):format(code, signal))
      end,
    })
    assert(client_id, 'vim.lsp.start_client failed')
    note = open('notizen/Projekt-Auslagerung.md')
    local initialized = vim.wait(15000, function()
      local current = client()
      return server_exited or (current ~= nil and current.initialized == true)
    end, 50)
    assert(not server_exited, 'the server exited')
    assert(initialized, 'the client did not initialize within 15 s')
    assert(client().offset_encoding == 'utf-16', 'offset encoding ' .. tostring(client().offset_encoding))

    -- As K does it: the cursor on the word, positions made by Neovim (UTF-16, "prüfen" comes first).
    local line, column, text = find_mention(note, 'Outtasking')
    hover_word = { line = line, column = column, text = text }
    vim.api.nvim_win_set_cursor(0, { line + 1, column + 3 })
    local params = vim.lsp.util.make_position_params()
    assert(params.position.character == utf16(text, column + 3), 'make_position_params: ' .. vim.inspect(params.position))
    -- The index is built after initialization: ask until a hover answers.
    local why
    for _ = 1, 60 do
      hover, why = request(note, 'textDocument/hover', params)
      if hover ~= nil then break end
      vim.wait(250)
    end
    assert(hover, 'no hover within 15 s (' .. tostring(why) .. ')')
  end)

  check('hover', function()
    assert(hover, 'no hover (see starts)')
    local contents = hover.contents
    assert(type(contents) == 'table' and contents.kind == 'markdown', 'contents: ' .. vim.inspect(contents))
    assert(contents.value:find(DEFINITION, 1, true), contents.value)
    assert(contents.value:find('**Outtasking**', 1, true), contents.value)
    -- The range is the word, in UTF-16 code units that Neovim turns back into bytes.
    local range = hover.range
    assert(range, 'no range')
    local text = hover_word.text
    local start_byte = vim.str_byteindex(text, range.start.character, true)
    local end_byte = vim.str_byteindex(text, range['end'].character, true)
    assert(range.start.line == hover_word.line and range['end'].line == hover_word.line, vim.inspect(range))
    assert(text:sub(start_byte + 1, end_byte) == 'Outtasking',
      'range ' .. vim.inspect(range) .. ' covers "' .. text:sub(start_byte + 1, end_byte) .. '"')
  end)

  check('completion', function()
    running()
    assert(note and hover_word, 'no note with a mention (see starts)')
    -- Type "[Outt" at the end of the line with the mention (it has umlauts before the cursor).
    local line = hover_word.line
    local before = vim.api.nvim_buf_get_lines(note, line, line + 1, false)[1]
    vim.api.nvim_buf_set_text(note, line, #before, line, #before, { ' [Outt' })
    local typed = before .. ' [Outt'
    local result, why = request(note, 'textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(note) },
      position = { line = line, character = utf16(typed, #typed) },
    })
    assert(result, 'no completion (' .. tostring(why) .. ')')
    local items = result.items or result
    local item
    for _, candidate in ipairs(items) do
      if candidate.label == 'Outtasking' then item = candidate end
    end
    local labels = {}
    for _, candidate in ipairs(items) do table.insert(labels, candidate.label) end
    assert(item, 'Outtasking is not offered among ' .. vim.inspect(labels))
    assert(item.textEdit, 'no textEdit: ' .. vim.inspect(item))
    -- Accept it as Neovim does: the edit replaces "Outt" after the "[" and nothing else.
    vim.lsp.util.apply_text_edits({ item.textEdit }, note, running().offset_encoding)
    local after = vim.api.nvim_buf_get_lines(note, line, line + 1, false)[1]
    assert(after == before .. ' ' .. NEW_TEXT, 'after accepting: ' .. after)
  end)

  check('diagnostics', function()
    running()
    local term = open('glossar/Kernkompetenz.md')
    local tags_line, tags_text
    for number, text in ipairs(vim.api.nvim_buf_get_lines(term, 0, -1, false)) do
      if text:match('^tags: %[.*%]$') then tags_line, tags_text = number - 1, text break end
    end
    assert(tags_line, 'no "tags: [...]" line in Kernkompetenz.md')
    -- Type ", Erfunden" before the closing bracket.
    vim.api.nvim_buf_set_text(term, tags_line, #tags_text - 1, tags_line, #tags_text - 1, { ', ' .. TAG })
    local warning
    local found = vim.wait(10000, function()
      for _, diagnostic in ipairs(vim.diagnostic.get(term)) do
        if diagnostic.message:find(TAG, 1, true) then warning = diagnostic return true end
      end
      return false
    end, 50)
    local all = {}
    for _, diagnostic in ipairs(vim.diagnostic.get(term)) do table.insert(all, diagnostic.message) end
    assert(found, 'no diagnostic naming ' .. TAG .. ' within 10 s; diagnostics: ' .. vim.inspect(all))
    assert(warning.severity == vim.diagnostic.severity.WARN, 'severity ' .. tostring(warning.severity))
    assert(warning.code == 'unknown-tag', 'code ' .. tostring(warning.code))
    local line = vim.api.nvim_buf_get_lines(term, tags_line, tags_line + 1, false)[1]
    assert(warning.lnum == tags_line and line:sub(warning.col + 1, warning.end_col) == TAG,
      ('at %d:%d-%d, not at the tag in %q'):format(warning.lnum, warning.col, warning.end_col, line))
  end)
end)

finish(not ok and ('script error: ' .. tostring(err)) or nil)
