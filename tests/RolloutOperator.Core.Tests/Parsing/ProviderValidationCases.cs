using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>One case per rule of the web and job providers, on the inline metric of the analysis step (steps[2]).</summary>
internal static class ProviderValidationCases
{
    private const string Provider = "spec.strategy.canary.steps[2].analysis.metrics[0].provider";
    private const string Web = Provider + ".web";
    private const string Job = Provider + ".job.spec";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        ["two providers"] = new(() => Inline(With(ProviderSpecs.Web(), m => m.Provider.Prometheus = new PrometheusMetric { Query = "up" })), Provider, "exactly one provider"),
        ["web url empty"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "")), $"{Web}.url", "required"),
        ["web url relative"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "checks.example/api")), $"{Web}.url", "absolute http or https URL"),
        ["web url not http"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "file:///etc/passwd")), $"{Web}.url", "absolute http or https URL"),
        ["web url placeholder in host"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "https://{{args.service}}.example/")), $"{Web}.url", "placeholders may only stand after the host"),
        ["web url placeholder extends host"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "https://checks.example{{args.service}}")), $"{Web}.url", "placeholders may only stand after the host"),
        ["web url with credentials"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "https://user:pw@checks.example/")), $"{Web}.url", "must not contain user info"),
        ["web url host not allowed"] = new(() => Inline(ProviderSpecs.Web()), $"{Web}.url", "not in the operator's --outbound-allowed-hosts (checks.internal)", OnlyInternalHosts),
        ["web url arg undeclared"] = new(() => Inline(ProviderSpecs.Web(w => w.Url = "https://checks.example/{{args.job}}")), $"{Web}.url", "no argument \"job\""),
        ["web body with GET"] = new(() => Inline(ProviderSpecs.Web(w => w.Body = "{}")), $"{Web}.body", "needs method POST"),
        ["web body placeholder unknown"] = new(() => Inline(ProviderSpecs.Web(w => (w.Method, w.Body) = (WebMethod.POST, "{\"pod\": \"{{pod.name}}\"}"))), $"{Web}.body", "unknown placeholder {{pod.name}}"),
        ["web jsonPath without $"] = new(() => Inline(ProviderSpecs.Web(w => w.JsonPath = "data.ratio")), $"{Web}.jsonPath", "must start with $"),
        ["web jsonPath filter"] = new(() => Inline(ProviderSpecs.Web(w => w.JsonPath = "$.items[?(@.x>1)]")), $"{Web}.jsonPath", "is not an index, * or a quoted name"),
        ["web jsonPath empty name"] = new(() => Inline(ProviderSpecs.Web(w => w.JsonPath = "$..ratio")), $"{Web}.jsonPath", "empty name"),
        ["web jsonPath too long"] = new(() => Inline(ProviderSpecs.Web(w => w.JsonPath = "$" + string.Concat(Enumerable.Repeat(".a", 33)))), $"{Web}.jsonPath", "at most 32 segments"),
        ["web header value and secret"] = new(() => Inline(ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "Authorization", Value = "x", SecretKeyRef = new SecretKeyRef { Name = "s", Key = "k" } }])), $"{Web}.headers[0]", "exactly one of value and secretKeyRef"),
        ["web header neither"] = new(() => Inline(ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "Authorization" }])), $"{Web}.headers[0]", "exactly one of value and secretKeyRef"),
        ["web header name invalid"] = new(() => Inline(ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "X Bad:", Value = "1" }])), $"{Web}.headers[0].name", "is not a valid header name"),
        ["web header value line break"] = new(() => Inline(ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "X-A", Value = "1\r\nX-B: 2" }])), $"{Web}.headers[0].value", "without line breaks"),
        ["web header twice"] = new(() => Inline(ProviderSpecs.Web(w => w.Headers = [new OutboundHeader { Name = "X-A", Value = "1" }, new OutboundHeader { Name = "x-a", Value = "2" }])), $"{Web}.headers[1].name", "duplicate header"),
        ["web timeout above maximum"] = new(() => Inline(ProviderSpecs.Web(w => w.Timeout = "1m")), $"{Web}.timeout", "must be at most 40s"),
        ["web with judge"] = new(() => Inline(With(ProviderSpecs.Web(), m => m.Judge = new CanaryJudge())), $"{Provider}.web", "judge metric brings its own Prometheus queries"),
        ["job spec missing"] = new(() => Inline(With(ProviderSpecs.Job(), m => m.Provider.Job!.Spec = null)), Job, "required"),
        ["job without containers"] = new(() => Inline(ProviderSpecs.Job(s => ProviderSpecs.PodSpec(s)["containers"] = new JsonArray())), $"{Job}.template.spec.containers", "at least one container"),
        ["job without pod spec"] = new(() => Inline(ProviderSpecs.Job(s => s["template"] = new JsonObject())), $"{Job}.template.spec", "pod template with a spec"),
        ["job restartPolicy Always"] = new(() => Inline(ProviderSpecs.Job(s => ProviderSpecs.PodSpec(s)["restartPolicy"] = "Always")), $"{Job}.template.spec.restartPolicy", "Never or OnFailure"),
        ["job activeDeadlineSeconds above maximum"] = new(() => Inline(ProviderSpecs.Job(s => s["activeDeadlineSeconds"] = 3601)), $"{Job}.activeDeadlineSeconds", "between 1 and 3600"),
        ["job activeDeadlineSeconds not a number"] = new(() => Inline(ProviderSpecs.Job(s => s["activeDeadlineSeconds"] = "forever")), $"{Job}.activeDeadlineSeconds", "must be an integer"),
        ["job backoffLimit above maximum"] = new(() => Inline(ProviderSpecs.Job(s => s["backoffLimit"] = 11)), $"{Job}.backoffLimit", "between 0 and 10"),
        ["job selector set"] = new(() => Inline(ProviderSpecs.Job(s => s["selector"] = new JsonObject())), $"{Job}.selector", "the operator manages it"),
        ["job suspended"] = new(() => Inline(ProviderSpecs.Job(s => s["suspend"] = true)), $"{Job}.suspend", "the operator manages it"),
        ["job ttl set"] = new(() => Inline(ProviderSpecs.Job(s => s["ttlSecondsAfterFinished"] = 0)), $"{Job}.ttlSecondsAfterFinished", "the operator manages it"),
        ["job spec too large"] = new(() => Inline(ProviderSpecs.Job(s => s["x"] = new string('a', 33 * 1024))), Job, "at most 32 KiB"),
        ["job with slo"] = new(() => Inline(With(ProviderSpecs.Job(), m => m.Slo = new ServiceLevelObjective())), $"{Provider}.job", "slo metric brings its own Prometheus queries"),
    };

    private static RolloutSpec Inline(Metric metric) => Specs.Canary().WithInlineMetrics(metric);

    private static Metric With(Metric metric, Action<Metric> change)
    {
        change(metric);
        return metric;
    }

    private static ParseContext OnlyInternalHosts()
    {
        Assert.True(HostAllowList.TryParse("checks.internal", out var hosts, out _));
        return ParseContext.Offline(
            [("success-rate", false, Specs.SuccessRateTemplate()), ("error-rate", true, Specs.ErrorRateTemplate())],
            policy: ProviderPolicy.Default with { OutboundHosts = hosts });
    }
}
