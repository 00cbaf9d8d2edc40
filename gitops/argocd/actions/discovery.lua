-- Argo CD resource actions for rollout-operator.io/Rollout: which ones the UI offers, and when they are enabled.
-- Each action writes the operator's command annotation; the operator applies a command once (by id) and only to
-- the revision it names, so a stale click cannot act on a newer revision.
local actions = {}
local status = obj.status or {}

local function conditionTrue(conditionType)
  for _, c in ipairs(status.conditions or {}) do
    if c.type == conditionType then
      return c.status == "True"
    end
  end
  return false
end

local rolling = status.canaryRevision ~= nil
local aborted = status.abort ~= nil and (status.canaryRevision == nil or status.abort.revision == status.canaryRevision)
local paused = conditionTrue("Paused")

actions["promote"] = { ["disabled"] = not rolling or aborted, ["iconClass"] = "fa fa-fw fa-forward" }
actions["promote-full"] = { ["disabled"] = not rolling or aborted, ["iconClass"] = "fa fa-fw fa-fast-forward" }
actions["abort"] = { ["disabled"] = not rolling or aborted, ["iconClass"] = "fa fa-fw fa-times-circle" }
actions["retry"] = { ["disabled"] = not aborted, ["iconClass"] = "fa fa-fw fa-redo-alt" }
actions["pause"] = { ["disabled"] = not rolling or aborted or paused, ["iconClass"] = "fa fa-fw fa-pause-circle" }
actions["resume"] = { ["disabled"] = not paused, ["iconClass"] = "fa fa-fw fa-play-circle" }
return actions
