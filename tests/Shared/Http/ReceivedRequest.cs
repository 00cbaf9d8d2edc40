namespace RolloutOperator.Testing;

/// <summary>One request an <see cref="HttpReceiver"/> recorded.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers);
