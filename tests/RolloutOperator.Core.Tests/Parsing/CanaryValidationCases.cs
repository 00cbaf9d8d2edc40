using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>One case per canary rule: steps, traffic routing, header routes, scaling, background analysis.</summary>
internal static class CanaryValidationCases
{
    private const string Canary = "spec.strategy.canary";
    private const string Steps = Canary + ".steps";
    private const string Routing = Canary + ".trafficRouting";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        ["step sets two fields"] = new(() => Step(0, s => s.Pause = new PauseStep()), $"{Steps}[0]", "found setWeight, pause"),
        ["step sets no field"] = new(() => Step(0, s => s.SetWeight = null), $"{Steps}[0]", "found none"),
        ["setWeight above 100"] = new(() => Step(0, s => s.SetWeight = 101), $"{Steps}[0].setWeight"),
        ["setWeight negative"] = new(() => Step(0, s => s.SetWeight = -1), $"{Steps}[0].setWeight"),
        ["pause duration invalid"] = new(() => Step(1, s => s.Pause!.Duration = "30 seconds"), $"{Steps}[1].pause.duration", "invalid duration"),
        ["setCanaryScale two fields"] = new(() => Step(3, s => s.SetCanaryScale!.Replicas = 2), $"{Steps}[3].setCanaryScale"),
        ["setCanaryScale no field"] = new(() => Step(3, s => s.SetCanaryScale!.Weight = null), $"{Steps}[3].setCanaryScale"),
        ["setCanaryScale weight above 100"] = new(() => Step(3, s => s.SetCanaryScale!.Weight = 150), $"{Steps}[3].setCanaryScale.weight"),
        ["setCanaryScale matchTrafficWeight false"] = new(() => Step(3, s => s.SetCanaryScale = new SetCanaryScale { MatchTrafficWeight = false }), $"{Steps}[3].setCanaryScale.matchTrafficWeight"),
        ["stableService missing with router"] = new(() => Change(c => c.StableService = null), $"{Canary}.stableService"),
        ["canaryService missing with router"] = new(() => Change(c => c.CanaryService = ""), $"{Canary}.canaryService"),
        ["canaryService equals stableService"] = new(() => Change(c => c.CanaryService = "demo-stable"), $"{Canary}.canaryService", "differ"),
        ["router plugin unknown"] = new(() => Plugin("linkerd"), $"{Routing}.plugin.name", "unknown traffic router \"linkerd\"; registered: alb, gatewayAPI, istio, nginx"),
        ["router plugin name empty"] = new(() => Plugin(""), $"{Routing}.plugin.name"),
        ["router gatewayAPI not registered"] = new(() => Specs.Canary(), $"{Routing}.gatewayAPI", "unknown traffic router \"gatewayAPI\"", OnlyPluginRouter),
        ["router named twice"] = new(() => Change(c => c.TrafficRouting!.Plugin = new RouterPlugin { Name = "gatewayAPI" }), $"{Routing}.plugin.name", "traffic router \"gatewayAPI\" is already set by its own field"),
        ["router blocks none"] = new(() => Change(c => c.TrafficRouting!.GatewayApi = null), Routing),
        ["gatewayAPI without routes"] = new(() => Change(c => c.TrafficRouting!.GatewayApi!.HttpRoutes = []), $"{Routing}.gatewayAPI"),
        ["gatewayAPI route name empty"] = new(() => Change(c => c.TrafficRouting!.GatewayApi!.HttpRoutes![0].Name = ""), $"{Routing}.gatewayAPI.httpRoutes[0].name"),
        ["alb without ingresses"] = new(() => Alb(a => a.Ingresses = []), $"{Routing}.alb.ingresses", "at least one Ingress"),
        ["alb ingress listed twice"] = new(() => Alb(a => a.Ingresses = ["web", "web"]), $"{Routing}.alb.ingresses[1]", "duplicate Ingress"),
        ["alb servicePort zero"] = new(() => Alb(a => a.ServicePort = 0), $"{Routing}.alb.servicePort"),
        ["alb action key too long"] = new(() => Alb(a => a.RootService = new string('a', 60)), $"{Routing}.alb.rootService", "action annotation key is invalid"),
        ["alb stickiness beyond 7 days"] = new(() => Alb(a => a.Stickiness = new AlbStickiness { Enabled = true, DurationSeconds = 604801 }), $"{Routing}.alb.stickiness.durationSeconds"),
        ["setHeaderRoute with alb beside gatewayAPI"] = new(() => Change(c => c.TrafficRouting!.Alb = new AlbRouting { Ingresses = ["web"], ServicePort = 80 }), $"{Steps}[4].setHeaderRoute", "traffic router \"alb\" does not support header routes"),
        ["nginx without stableIngress"] = new(() => Change(c => c.TrafficRouting = new TrafficRouting { Nginx = new NginxRouting() }), $"{Routing}.nginx.stableIngress"),
        ["istio without virtualServices"] = new(() => Istio(i => i.VirtualServices = []), $"{Routing}.istio.virtualServices", "at least one"),
        ["istio virtualService name empty"] = new(() => Istio(i => i.VirtualServices[0].Name = ""), $"{Routing}.istio.virtualServices[0].name"),
        ["istio virtualService twice"] = new(() => Istio(i => i.VirtualServices.Add(new IstioVirtualService { Name = "web" })), $"{Routing}.istio.virtualServices[1].name", "duplicate"),
        ["istio http route name empty"] = new(() => Istio(i => i.VirtualServices[0].HttpRoutes = ["primary", " "]), $"{Routing}.istio.virtualServices[0].httpRoutes[1]"),
        ["istio http route twice"] = new(() => Istio(i => i.VirtualServices[0].HttpRoutes = ["primary", "primary"]), $"{Routing}.istio.virtualServices[0].httpRoutes[1]", "duplicate"),
        ["istio tls route without match"] = new(() => Istio(i => i.VirtualServices[0].TlsRoutes = [new IstioTlsRoute()]), $"{Routing}.istio.virtualServices[0].tlsRoutes[0]"),
        ["istio destinationRule name empty"] = new(() => Istio(i => i.DestinationRule = new IstioDestinationRule()), $"{Routing}.istio.destinationRule.name"),
        ["istio subsets equal"] = new(() => Istio(i => i.DestinationRule = new IstioDestinationRule { Name = "web", CanarySubsetName = "stable" }), $"{Routing}.istio.destinationRule.canarySubsetName", "differ"),
        ["managedRoutes duplicate"] = new(() => Change(c => c.TrafficRouting!.ManagedRoutes!.Add(new ManagedRoute { Name = "beta" })), $"{Routing}.managedRoutes[1].name"),
        ["setHeaderRoute without router"] = new(() => Change(c => c.TrafficRouting = null), $"{Steps}[4].setHeaderRoute", "needs a traffic router"),
        ["setHeaderRoute router without header support"] = new(() => Plugin("simple"), $"{Steps}[4].setHeaderRoute", "does not support header routes", OnlyPluginRouter),
        ["setHeaderRoute name not managed"] = new(() => Step(4, s => s.SetHeaderRoute!.Name = "alpha"), $"{Steps}[4].setHeaderRoute.name", "managedRoutes"),
        ["header match two kinds"] = new(() => Step(4, s => s.SetHeaderRoute!.Match![0].HeaderValue.Prefix = "1"), $"{Steps}[4].setHeaderRoute.match[0].headerValue"),
        ["header match no kind"] = new(() => Step(4, s => s.SetHeaderRoute!.Match![0].HeaderValue = new StringMatch()), $"{Steps}[4].setHeaderRoute.match[0].headerValue"),
        ["header match name empty"] = new(() => Step(4, s => s.SetHeaderRoute!.Match![0].HeaderName = ""), $"{Steps}[4].setHeaderRoute.match[0].headerName"),
        ["header regex invalid"] = new(() => Step(4, s => s.SetHeaderRoute!.Match![0].HeaderValue = new StringMatch { Regex = "(beta" }), $"{Steps}[4].setHeaderRoute.match[0].headerValue.regex"),
        ["dynamicStableScale without router"] = new(() => NoRouter(c => c.DynamicStableScale = true), $"{Canary}.dynamicStableScale"),
        ["maxSurge not a number or percentage"] = new(() => Change(c => c.MaxSurge = new IntOrString("lots")), $"{Canary}.maxSurge"),
        ["maxSurge above 100 percent"] = new(() => Change(c => c.MaxSurge = new IntOrString("150%")), $"{Canary}.maxSurge"),
        ["maxUnavailable negative"] = new(() => Change(c => c.MaxUnavailable = IntOrString.FromInt(-1)), $"{Canary}.maxUnavailable"),
        ["maxSurge and maxUnavailable both zero"] = new(() => Change(c => c.MaxSurge = new IntOrString("0%")), $"{Canary}.maxUnavailable", "both be zero"),
        ["scaleDownDelaySeconds negative"] = new(() => Change(c => c.ScaleDownDelaySeconds = -1), $"{Canary}.scaleDownDelaySeconds"),
        ["background startingStep beyond steps"] = new(() => Change(c => c.Analysis!.StartingStep = 7), $"{Canary}.analysis.startingStep", "(6)"),
        ["background analysis empty"] = new(() => Change(c => c.Analysis = new BackgroundAnalysis()), $"{Canary}.analysis"),
    };

    private static ParseContext OnlyPluginRouter() => Specs.Context() with
    {
        Routers = new Dictionary<string, RouterCapabilities> { ["simple"] = new(SupportsHeaderRoutes: false) },
    };

    private static RolloutSpec Change(Action<CanaryStrategy> change) => Specs.Canary().Mutate(s => change(s.Canary()));

    private static RolloutSpec Istio(Action<IstioRouting> change) => Change(c =>
    {
        var istio = new IstioRouting { VirtualServices = [new IstioVirtualService { Name = "web" }] };
        change(istio);
        c.TrafficRouting!.GatewayApi = null;
        c.TrafficRouting.Istio = istio;
    });

    private static RolloutSpec Step(int index, Action<CanaryStep> change) => Change(c => change(c.Steps![index]));

    private static RolloutSpec Alb(Action<AlbRouting> change)
    {
        var alb = new AlbRouting { Ingresses = ["web"], ServicePort = 80 };
        change(alb);
        return Change(c => c.TrafficRouting = new TrafficRouting { Alb = alb });
    }

    private static RolloutSpec Plugin(string name) =>
        Change(c => c.TrafficRouting = new TrafficRouting { Plugin = new RouterPlugin { Name = name }, ManagedRoutes = [new ManagedRoute { Name = "beta" }] });

    /// <summary>A replica-ratio canary: no router, and so no header-route step.</summary>
    private static RolloutSpec NoRouter(Action<CanaryStrategy> change) => Change(c =>
    {
        c.TrafficRouting = null;
        c.Steps!.RemoveAt(4);
        change(c);
    });
}
