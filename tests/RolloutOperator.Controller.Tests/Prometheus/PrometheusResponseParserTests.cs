using RolloutOperator.Controller.PrometheusProvider;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class PrometheusResponseParserTests
{
    public static TheoryData<string, string, double[]> Answers => new()
    {
        { "scalar", PrometheusBodies.Scalar(0.5), [0.5] },
        { "vector of one", PrometheusBodies.Vector(0.25), [0.25] },
        { "vector of three keeps server order", PrometheusBodies.Vector(3, 1, 2), [3, 1, 2] },
        { "matrix: every sample of every series", PrometheusBodies.Matrix([1, 2, 3], [4, 5]), [1, 2, 3, 4, 5] },
        { "infinities are values", PrometheusBodies.Vector(double.PositiveInfinity, double.NegativeInfinity), [double.PositiveInfinity, double.NegativeInfinity] },
        { "some NaN is kept for the judge to drop", PrometheusBodies.Vector(double.NaN, 0.5), [double.NaN, 0.5] },
        { "exponent notation", """{"status":"success","data":{"resultType":"scalar","result":[1,"1e-3"]}}""", [0.001] },
        { "all NaN is no data", PrometheusBodies.Vector(double.NaN), [] },
        { "NaN matrix is no data", PrometheusBodies.Matrix([double.NaN, double.NaN]), [] },
        { "empty vector is no data", """{"status":"success","data":{"resultType":"vector","result":[]}}""", [] },
        { "series without samples is no data", """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[]}]}}""", [] },
    };

    public static TheoryData<string, string, string> Errors => new()
    {
        { "status error", PrometheusBodies.Error("bad_data", "1:5: parse error"), "prometheus error: bad_data: 1:5: parse error" },
        { "status error without type", """{"status":"error","error":"nope"}""", "prometheus error: nope" },
        { "string result", """{"status":"success","data":{"resultType":"string","result":[1,"x"]}}""", "the query returned a string, not a number" },
        { "not JSON", "not json", "malformed response from Prometheus: " },
        { "array root", "[]", "malformed response from Prometheus: the body is not a JSON object" },
        { "unknown status", """{"status":"partial"}""", "malformed response from Prometheus: unexpected status \"partial\"" },
        { "no data", """{"status":"success"}""", "malformed response from Prometheus: no data.result" },
        { "unknown type", """{"status":"success","data":{"resultType":"histogram","result":[]}}""", "malformed response from Prometheus: unknown resultType \"histogram\"" },
        { "value not a pair", """{"status":"success","data":{"resultType":"scalar","result":[1]}}""", "malformed response from Prometheus: " },
        { "value not a string", """{"status":"success","data":{"resultType":"scalar","result":[1,2]}}""", "malformed response from Prometheus: " },
        { "result not an array", """{"status":"success","data":{"resultType":"vector","result":5}}""", "malformed response from Prometheus: " },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Parse_SuccessBody_YieldsValues(string name, string body, double[] expected)
    {
        var result = PrometheusResponseParser.Parse(body);

        Assert.True(result.Error is null, name);
        Assert.Equal(expected, result.Values);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_ErrorOrMalformedBody_YieldsErrorWithReason(string name, string body, string expectedPrefix)
    {
        var result = PrometheusResponseParser.Parse(body);

        Assert.True(result.Error?.StartsWith(expectedPrefix, StringComparison.Ordinal), $"{name}: {result.Error}");
        Assert.Empty(result.Values);
    }

    [Fact]
    public void ErrorReason_NonErrorBody_IsNull()
    {
        Assert.Null(PrometheusResponseParser.ErrorReason("<html/>"));
        Assert.Null(PrometheusResponseParser.ErrorReason(PrometheusBodies.Vector(1)));
        Assert.Equal("execution: oops", PrometheusResponseParser.ErrorReason(PrometheusBodies.Error("execution", "oops")));
    }
}
