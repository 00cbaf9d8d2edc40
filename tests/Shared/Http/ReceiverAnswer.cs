namespace RolloutOperator.Testing;

/// <summary>What an <see cref="HttpReceiver"/> answers.</summary>
internal sealed record ReceiverAnswer(int Status, string Body = "")
{
    public TimeSpan Delay { get; init; }

    public string? Location { get; init; }
}
