-- Argo CD resource action "abort" for rollout-operator.io/Rollout: sets the operator's command annotation.
-- Generated from one template (every action differs only in its name); keep them identical when editing.
-- The id must be unique per click without a clock (Argo CD's Lua sandbox has no os): generation and resourceVersion
-- change with every write to the Rollout, including the operator's status write that records the previous command.
local action = "abort"
local status = obj.status or {}

local revision = status.canaryRevision
if revision == nil and action == "retry" and status.abort ~= nil then
  -- After an abort the canary pointer may be cleared; retry targets the aborted revision.
  revision = status.abort.revision
end
if revision == nil or revision == "" then
  error("rollout-operator: no revision is being rolled out; nothing to " .. action, 0)
end

local function jsonString(value)
  local escaped = string.gsub(tostring(value), '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. escaped .. '"'
end

local id = "argocd-" .. action .. "-" .. tostring(obj.metadata.generation or 0) .. "-" .. tostring(obj.metadata.resourceVersion or 0)
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
obj.metadata.annotations["rollout-operator.io/command"] =
  '{"action":' .. jsonString(action) .. ',"revision":' .. jsonString(revision) .. ',"id":' .. jsonString(id) .. '}'
return obj
