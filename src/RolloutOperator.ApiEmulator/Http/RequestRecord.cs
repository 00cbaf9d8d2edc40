namespace RolloutOperator.ApiEmulator.Http;

/// <summary>One served request with its outcome. Watches are recorded when the stream starts.</summary>
public sealed record RequestRecord(ApiRequest Request, int StatusCode, DateTimeOffset Time)
{
    public string Verb => Request.Verb;

    public string Path => Request.Path;

    public string Query => Request.Query;

    public string? UserAgent => Request.UserAgent;

    public bool IsWrite => Request.IsWrite;
}
