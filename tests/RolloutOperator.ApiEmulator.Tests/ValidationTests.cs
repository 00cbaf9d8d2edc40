using System.Net;
using System.Text.Json.Nodes;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>The emulator refuses what a real API server refuses, with the same 422 Status.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string> CaseNames => [.. ApiValidationCases.All.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Create_InvalidObject_Returns422WithTheServersCause(string name)
    {
        var test = ApiValidationCases.All[name];
        await using var h = await StartAsync();
        await EnsureNamespaceAsync(h, "team");

        var (code, status) = await RawApi.PostAsync(h.Emulator, test.Path, test.Body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", status["reason"]?.GetValue<string>());
        Assert.Contains(RawApi.Causes(status), c =>
            c["field"]?.GetValue<string>() == test.Field && c["reason"]?.GetValue<string>() == test.Reason && c["message"]?.GetValue<string>() == test.Message);
        Assert.Contains($"{test.Field}: {test.Message}", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EventGenerateNameEndingInDot_MessageNamesKindGeneratedNameAndField()
    {
        await using var h = await StartAsync();
        var body = ApiValidationCases.Event(e => e["metadata"] = new JsonObject { ["generateName"] = "web." });

        var (_, status) = await RawApi.PostAsync(h.Emulator, ApiValidationCases.Events, body);

        var message = status["message"]!.GetValue<string>();
        Assert.Matches("^Event\\.events\\.k8s\\.io \"web\\.[a-z0-9]{5}\" is invalid: metadata\\.generateName: Invalid value: \"web\\.\": a lowercase RFC 1123 subdomain", message);
        Assert.Equal("Event", status["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("events.k8s.io", status["details"]!["group"]!.GetValue<string>());
        Assert.Single(RawApi.Causes(status));
    }

    [Fact]
    public async Task Create_EventWithoutReportingController_ReportsRequiredAndBothQualifiedNameMessages()
    {
        await using var h = await StartAsync();

        var (_, status) = await RawApi.PostAsync(h.Emulator, ApiValidationCases.Events, ApiValidationCases.Event(e => e.Remove("reportingController")));

        var messages = RawApi.Causes(status).Where(c => c["field"]!.GetValue<string>() == "reportingController").Select(c => c["message"]!.GetValue<string>()).ToList();
        Assert.Equal(["Required value", "Invalid value: \"\": name part must be non-empty", $"Invalid value: \"\": {ApiValidationCases.NamePart}"], messages);
    }

    [Theory]
    [InlineData("web-")]
    [InlineData("web.v1-")]
    [InlineData("rollouts.example.com.")]
    public async Task Create_GenerateName_ValidPrefixesOnly(string generateName)
    {
        await using var h = await StartAsync();
        var body = ApiValidationCases.Event(e => e["metadata"] = new JsonObject { ["generateName"] = generateName });

        var (code, _) = await RawApi.PostAsync(h.Emulator, ApiValidationCases.Events, body);

        Assert.Equal(generateName.EndsWith('.') ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.Created, code);
    }

    [Fact]
    public async Task Create_LongGenerateName_KeepsFiftyEightCharactersPlusFive()
    {
        await using var h = await StartAsync();
        var body = "{\"metadata\":{\"generateName\":\"" + new string('a', 100) + "-\"}}";

        var (code, created) = await RawApi.PostAsync(h.Emulator, ApiValidationCases.ConfigMaps, body);

        Assert.Equal(HttpStatusCode.Created, code);
        var name = created["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal(63, name.Length);
        Assert.StartsWith(new string('a', 58), name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Example.COM/Team", "v")]
    [InlineData("kubernetes.io/change-cause", "")]
    public async Task Create_ValidAnnotationKeys_AreAcceptedWhateverTheirCase(string key, string value)
    {
        await using var h = await StartAsync();
        var body = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "c", ["annotations"] = new JsonObject { [key] = value } } }.ToJsonString();

        var (code, _) = await RawApi.PostAsync(h.Emulator, ApiValidationCases.ConfigMaps, body);

        Assert.Equal(HttpStatusCode.Created, code);
    }

    [Fact]
    public async Task Update_EventReasonChanged_Returns422Immutable()
    {
        await using var h = await StartAsync();
        await RawApi.PostAsync(h.Emulator, ApiValidationCases.Events, ApiValidationCases.Event(_ => { }));

        var (code, status) = await RawApi.SendAsync(h.Emulator, HttpMethod.Patch, ApiValidationCases.Events + "/web.1", "{\"reason\":\"Other\"}", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains(RawApi.Causes(status), c => c["field"]!.GetValue<string>() == "reason" && c["message"]!.GetValue<string>() == "Invalid value: \"Other\": field is immutable");
    }

    [Fact]
    public async Task Update_EventSeriesBumped_IsAccepted()
    {
        await using var h = await StartAsync();
        await RawApi.PostAsync(h.Emulator, ApiValidationCases.Events, ApiValidationCases.Event(_ => { }));

        var (code, _) = await RawApi.SendAsync(h.Emulator, HttpMethod.Patch, ApiValidationCases.Events + "/web.1",
            "{\"series\":{\"count\":2,\"lastObservedTime\":\"2025-01-01T00:00:01.000000Z\"}}", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
    }

    [Theory]
    [InlineData("app=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "must be no more than 63 characters")]
    [InlineData("app in (ok,-bad)", "a valid label must be an empty string")]
    public async Task List_InvalidLabelSelectorValue_Returns400(string selector, string detail)
    {
        await using var h = await StartAsync();
        using var http = new HttpClient { BaseAddress = h.Emulator.BaseAddress };

        using var response = await http.GetAsync(ApiValidationCases.ConfigMaps + "?labelSelector=" + Uri.EscapeDataString(selector), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["message"]!.GetValue<string>();
        Assert.StartsWith("unable to parse requirement: values[", message, StringComparison.Ordinal);
        Assert.Contains(detail, message, StringComparison.Ordinal);
    }

    private static async Task EnsureNamespaceAsync(EmulatorHarness h, string name) =>
        await RawApi.PostAsync(h.Emulator, "/api/v1/namespaces", $"{{\"metadata\":{{\"name\":\"{name}\"}}}}");
}
