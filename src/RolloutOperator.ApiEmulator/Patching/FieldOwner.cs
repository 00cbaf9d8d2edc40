namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>Who is writing: field manager, API version used, subresource ("" or "status") and time.</summary>
internal sealed record FieldOwner(string Manager, string ApiVersion, string Subresource, string Time);
