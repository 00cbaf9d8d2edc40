-- Argo CD health check for rollout-operator.io/Rollout.
-- Register as resource.customizations.health.rollout-operator.io_Rollout (see gitops/README.md).
-- Order matters: a status written for an older generation says nothing about the current spec, so it is
-- "Progressing" before anything else; a terminal problem (invalid spec, abort) outranks a pause.
local hs = {}

local function condition(status, conditionType)
  if status == nil or status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function isTrue(c)
  return c ~= nil and c.status == "True"
end

local function describe(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

local status = obj.status
local generation = obj.metadata and obj.metadata.generation or nil

if status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe the Rollout"
  return hs
end

if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local invalid = condition(status, "InvalidSpec")
if isTrue(invalid) then
  hs.status = "Degraded"
  hs.message = describe(invalid, "The Rollout spec is invalid")
  return hs
end

local degraded = condition(status, "Degraded")
if isTrue(degraded) then
  hs.status = "Degraded"
  hs.message = describe(degraded, "The Rollout is degraded")
  return hs
end

-- An abort of the revision being rolled out, even if an older operator did not set Degraded.
if status.abort ~= nil and (status.canaryRevision == nil or status.abort.revision == status.canaryRevision) then
  hs.status = "Degraded"
  hs.message = "Revision " .. tostring(status.abort.revision) .. " aborted (" .. tostring(status.abort.reason) .. ")"
  if status.abort.message ~= nil and status.abort.message ~= "" then
    hs.message = hs.message .. ": " .. status.abort.message
  end
  return hs
end

local paused = condition(status, "Paused")
if isTrue(paused) then
  hs.status = "Suspended"
  hs.message = describe(paused, "The Rollout is paused")
  return hs
end

local ready = condition(status, "Ready")
local progressing = condition(status, "Progressing")

-- A confirm-* webhook gate holds the rollout until its endpoint says yes (bounded by the progress deadline): shown
-- like a pause, since someone or something outside has to act. Other gates (pre-rollout, rollout) are Progressing.
if isTrue(progressing) and progressing.reason == "WaitingForConfirmation" then
  hs.status = "Suspended"
  hs.message = describe(progressing, "Waiting for a confirm webhook gate")
  return hs
end
if isTrue(progressing) or status.canaryRevision ~= nil then
  hs.status = "Progressing"
  hs.message = describe(progressing, "Rolling out revision " .. tostring(status.canaryRevision))
  return hs
end

if isTrue(ready) then
  hs.status = "Healthy"
  hs.message = describe(ready, "The Rollout is healthy")
  return hs
end

hs.status = "Progressing"
hs.message = describe(ready, "Waiting for the Rollout to become ready")
return hs
