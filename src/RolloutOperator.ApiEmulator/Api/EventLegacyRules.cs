using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>The checks every Event passes on the server, whichever API wrote it (its "legacy" validation).</summary>
internal static class EventLegacyRules
{
    public static void Validate(JsonObject obj, List<FieldError> errors)
    {
        var ns = JsonTree.Namespace(obj) ?? string.Empty;
        var regardingNs = JsonTree.Str(obj["regarding"], "namespace") ?? string.Empty;
        if (obj["eventTime"] is null)
        {
            // Old-style Events: the namespaces must agree.
            var mismatch = regardingNs.Length == 0 ? ns is not ("" or "default") : ns != regardingNs;
            if (mismatch)
            {
                errors.Add(FieldError.Invalid("involvedObject.namespace", regardingNs, "does not match event.namespace"));
            }

            return;
        }

        if (regardingNs.Length == 0 && ns is not ("default" or "kube-system"))
        {
            errors.Add(FieldError.Invalid("involvedObject.namespace", regardingNs, "does not match event.namespace"));
        }

        var controller = JsonTree.Str(obj, "reportingController") ?? string.Empty;
        if (controller.Length == 0)
        {
            errors.Add(FieldError.Required("reportingController"));
        }

        errors.AddRange(EventRules.QualifiedName(controller).Select(m => FieldError.Invalid("reportingController", controller, m)));
        Bounded(obj, "reportingInstance", "reportingInstance", EventRules.ReportingInstanceLimit, required: true, errors);
        Bounded(obj, "action", "action", EventRules.ActionLimit, required: true, errors);
        Bounded(obj, "reason", "reason", EventRules.ReasonLimit, required: true, errors);
        Bounded(obj, "note", "message", EventRules.NoteLimit, required: false, errors);
    }

    private static void Bounded(JsonObject obj, string field, string internalName, int max, bool required, List<FieldError> errors)
    {
        var value = JsonTree.Str(obj, field) ?? string.Empty;
        if (required && value.Length == 0)
        {
            errors.Add(FieldError.Required(internalName));
        }

        if (EventRules.Bytes(value) > max)
        {
            errors.Add(FieldError.Invalid(internalName, string.Empty, $"can have at most {max} characters"));
        }
    }
}
