namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>A patch that cannot be applied to the current object (the server answers 422).</summary>
internal sealed class PatchException(string message) : Exception(message);
