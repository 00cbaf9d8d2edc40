using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal sealed class InMemorySecrets : ISecretReader
{
    private readonly Dictionary<(string Namespace, string Name, string Key), string> _values = [];

    public int Reads { get; private set; }

    public InMemorySecrets With(string @namespace, string name, string key, string value)
    {
        _values[(@namespace, name, key)] = value;
        return this;
    }

    public Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        Reads++;
        return _values.TryGetValue((secretNamespace, reference.Name, reference.Key), out var value)
            ? Task.FromResult(value)
            : Task.FromException<string>(new SecretUnavailableException($"secret {secretNamespace}/{reference.Name} key {reference.Key}: the secret does not exist"));
    }
}
