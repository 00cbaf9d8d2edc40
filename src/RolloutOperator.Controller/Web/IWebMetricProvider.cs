using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.Web;

/// <summary>Takes one web measurement. Answers with values, no data (empty), or an error text; never throws for a bad endpoint.</summary>
internal interface IWebMetricProvider
{
    Task<MetricQueryResult> MeasureAsync(WebRequest request, CancellationToken cancellationToken);
}
