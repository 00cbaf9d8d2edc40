-- Runs the Argo CD health check and resource actions against the JSON fixtures in cases.json.
-- Usage (from the repository root): lua5.1 gitops/argocd/test/run.lua   (needs Debian lua5.1 + lua-cjson)
-- Scripts run in a sandbox like Argo CD's: base functions, string, table and math, no os or io.
-- Exits 1 on any mismatch; tests/RolloutOperator.Deploy.Tests runs it and fails on a non-zero exit.
local cjson = require("cjson")

local root = arg[1] or "gitops/argocd"
local failures, checks = 0, 0

local function readFile(path)
  local f = assert(io.open(path, "r"))
  local text = f:read("*a")
  f:close()
  return text
end

local function sandbox(obj)
  return {
    obj = obj, pairs = pairs, ipairs = ipairs, next = next, type = type, tostring = tostring, tonumber = tonumber,
    error = error, pcall = pcall, select = select, unpack = unpack, assert = assert,
    string = string, table = table, math = math,
  }
end

-- cjson decodes JSON null as a sentinel; Argo CD hands Lua plain nil for absent fields, so drop them.
local function stripNulls(value)
  if type(value) ~= "table" then
    return value
  end
  for k, v in pairs(value) do
    if v == cjson.null then
      value[k] = nil
    else
      stripNulls(v)
    end
  end
  return value
end

local function runScript(path, obj)
  local chunk = assert(loadfile(path))
  setfenv(chunk, sandbox(obj))
  return pcall(chunk)
end

local function check(name, ok, detail)
  checks = checks + 1
  if ok then
    print("ok     " .. name)
  else
    failures = failures + 1
    print("NOT OK " .. name .. ": " .. detail)
  end
end

-- Everything but the command annotation must come back unchanged: an action never touches spec or status.
local function withoutCommand(obj)
  local copy = cjson.decode(cjson.encode(obj))
  if copy.metadata.annotations ~= nil then
    copy.metadata.annotations["rollout-operator.io/command"] = nil
    if next(copy.metadata.annotations) == nil then
      copy.metadata.annotations = nil
    end
  end
  return copy
end

local function sameJson(a, b)
  if type(a) ~= type(b) then
    return false
  end
  if type(a) ~= "table" then
    return a == b
  end
  for k, v in pairs(a) do
    if not sameJson(v, b[k]) then
      return false
    end
  end
  for k in pairs(b) do
    if a[k] == nil then
      return false
    end
  end
  return true
end

local cases = cjson.decode(readFile(root .. "/test/cases.json"))
for _, case in ipairs(cases) do
  local fixture = root .. "/test/fixtures/" .. case.fixture
  local function load()
    return stripNulls(cjson.decode(readFile(fixture)))
  end

  local ok, hs = runScript(root .. "/health.lua", load())
  check(case.name .. " [health]",
    ok and hs.status == case.health.status and hs.message == case.health.message,
    ok and ("got " .. tostring(hs.status) .. " / " .. tostring(hs.message)) or tostring(hs))

  local okD, actions = runScript(root .. "/actions/discovery.lua", load())
  for action, disabled in pairs(case.disabled) do
    local got = okD and actions[action] ~= nil and actions[action].disabled
    check(case.name .. " [discovery " .. action .. "]", okD and got == disabled,
      okD and ("disabled=" .. tostring(got) .. ", want " .. tostring(disabled)) or tostring(actions))
  end

  for _, run in ipairs(case.run or {}) do
    local label = case.name .. " [action " .. run.action .. "]"
    local before = load()
    local okA, result = runScript(root .. "/actions/" .. run.action .. "/action.lua", load())
    if run.error ~= nil then
      check(label, not okA and string.find(tostring(result), run.error, 1, true) ~= nil,
        okA and "expected an error" or ("wrong error: " .. tostring(result)))
    elseif not okA then
      check(label, false, tostring(result))
    else
      local raw = result.metadata.annotations and result.metadata.annotations["rollout-operator.io/command"]
      local okJ, command = pcall(cjson.decode, raw or "")
      check(label, okJ and sameJson(command, run.command), "command annotation " .. tostring(raw))
      check(label .. " leaves the rest untouched", sameJson(withoutCommand(result), withoutCommand(before)),
        cjson.encode(withoutCommand(result)))
    end
  end
end

print(string.format("lua: %d checks, %d failures", checks, failures))
os.exit(failures == 0 and 0 or 1)
