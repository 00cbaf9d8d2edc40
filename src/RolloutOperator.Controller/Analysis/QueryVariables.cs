using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// The values for the placeholders one query uses. Only what the query names is resolved, so an unused Secret argument is
/// never read. A placeholder without a value is left out and reported; the renderer reports names it does not know.
/// </summary>
internal static class QueryVariables
{
    public static Task<ResolvedVariables> ResolveAsync(Rollout rollout, DueMeasurement due, ISecretReader secrets, CancellationToken cancellationToken) =>
        ResolveAsync(rollout, due, due.Metric.Prometheus?.Query ?? "", secrets, cancellationToken);

    /// <summary>The values for <paramref name="template"/>, a query of <paramref name="due"/>'s metric (a judge has several).</summary>
    /// <param name="template">The query to resolve for; an SLO metric's error-ratio query rather than the provider's query.</param>
    public static async Task<ResolvedVariables> ResolveAsync(Rollout rollout, DueMeasurement due, string template, ISecretReader secrets, CancellationToken cancellationToken)
    {
        var builtIns = BuiltInVariables.For(rollout, due.Revision);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromSecrets = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var name in PromQlTemplate.Placeholders(template))
        {
            if (builtIns.TryGetValue(name, out var builtIn))
            {
                values[name] = builtIn;
            }
            else if (BuiltInVariables.WhyMissing(name) is { } why)
            {
                errors.Add($"{{{{{name}}}}} has no value: {why}");
            }
            else if (due.Analysis.Args.FirstOrDefault(a => "args." + a.Name == name) is { } argument)
            {
                var (value, error) = await ArgumentAsync(rollout, argument, secrets, cancellationToken).ConfigureAwait(false);
                if (value is null)
                {
                    errors.Add($"argument \"{argument.Name}\": {error}");
                    continue;
                }

                values[name] = value;
                if (argument.Value is null && argument.Secret is not null)
                {
                    fromSecrets.Add(name);
                }
            }
        }

        return new ResolvedVariables(values, fromSecrets, errors);
    }

    private static async Task<(string? Value, string Error)> ArgumentAsync(Rollout rollout, ArgumentPlan argument, ISecretReader secrets, CancellationToken cancellationToken)
    {
        if (argument.Value is not null)
        {
            return (argument.Value, "");
        }

        if (argument.Secret is { } secret)
        {
            try
            {
                return (await secrets.ReadAsync(rollout.Metadata.NamespaceProperty ?? "", secret, cancellationToken).ConfigureAwait(false), "");
            }
            catch (SecretUnavailableException e)
            {
                return (null, e.Message);
            }
        }

        if (argument.FieldPath is { } path)
        {
            return RolloutFieldPath.TryRead(rollout, path, out var value, out var error) ? (value, "") : (null, error);
        }

        return (null, "has no value, secretKeyRef or fieldRef");
    }
}
