using RolloutOperator.Core.Api;
using RolloutOperator.Core.JsonPaths;

namespace RolloutOperator.Core.Plans;

/// <summary>A validated web metric: the URL and body are templates rendered per measurement; headers may name Secrets.</summary>
public sealed record WebMetricPlan(
    string Url,
    WebMethod Method,
    IReadOnlyList<OutboundHeader> Headers,
    string? Body,
    JsonPathQuery JsonPath,
    TimeSpan Timeout);
