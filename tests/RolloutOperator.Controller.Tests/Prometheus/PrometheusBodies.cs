using System.Globalization;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>Response bodies in the Prometheus HTTP API format.</summary>
internal static class PrometheusBodies
{
    public static string Vector(params double[] values) =>
        Success("vector", string.Join(",", values.Select((v, i) => $$"""{"metric":{"pod":"p{{i}}"},"value":[1700000000.5,"{{Text(v)}}"]}""")));

    public static string Scalar(double value) => $$$"""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"{{{Text(value)}}}"]}}""";

    public static string Matrix(params double[][] series) =>
        Success("matrix", string.Join(",", series.Select(s => $$"""{"metric":{},"values":[{{string.Join(",", s.Select((v, i) => $"[{1700000000 + i},\"{Text(v)}\"]"))}}]}""")));

    public static string Error(string type, string message) => $$"""{"status":"error","errorType":"{{type}}","error":"{{message}}"}""";

    public static string Text(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Success(string type, string result) => $$$"""{"status":"success","data":{"resultType":"{{{type}}}","result":[{{{result}}}]}}""";
}
