using System.Text.Json;
using RolloutOperator.Controller.Analysis.Judging;

namespace RolloutOperator.Controller.Tests.Analysis.Judging;

/// <summary>
/// The judge's rank test against reference outputs of SciPy's <c>mannwhitneyu(canary, control, alternative='two-sided',
/// method='asymptotic', use_continuity=True)</c>, stored in mannwhitneyu-reference.json with the script that made them
/// (mannwhitneyu_reference.py; the file's "source" names the SciPy version).
/// </summary>
public sealed class MannWhitneyUTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_MatchesTheReferenceUAndPValue(string name)
    {
        var c = Reference().GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var canary = Numbers(c.GetProperty("canary"));
        var control = Numbers(c.GetProperty("control"));

        var test = MannWhitneyU.Test(canary, control)!;

        Assert.Equal(c.GetProperty("u").GetDouble(), test.U, 9);
        var expected = c.GetProperty("pValue").GetDouble();
        Assert.True(Math.Abs(test.PValue - expected) <= 1e-9 * Math.Max(1, expected) || Math.Abs(test.PValue / expected - 1) < 1e-7, $"p {test.PValue} vs reference {expected}");
    }

    [Fact]
    public void Test_SignOfZ_SaysWhichSideRanksHigher()
    {
        double[] low = [1, 2, 3, 4, 5, 6], high = [11, 12, 13, 14, 15, 16];

        Assert.True(MannWhitneyU.Test(high, low)!.Z > 0);
        Assert.True(MannWhitneyU.Test(low, high)!.Z < 0);
        Assert.Equal(MannWhitneyU.Test(high, low)!.PValue, MannWhitneyU.Test(low, high)!.PValue, 12);
    }

    [Fact]
    public void Test_EmptySide_IsNoTest()
    {
        Assert.Null(MannWhitneyU.Test([], [1, 2, 3]));
        Assert.Null(MannWhitneyU.Test([1, 2, 3], []));
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static JsonElement Reference() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Judging", "mannwhitneyu-reference.json"))).RootElement;
}
