using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Reads a Secret key with a single GET of that Secret (RBAC can grant <c>get</c> on named Secrets only; no list, no watch,
/// so Secrets never enter the informer cache).
/// </summary>
internal sealed class KubernetesSecretReader(IKubernetes kubernetes) : ISecretReader
{
    public async Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var label = $"secret {secretNamespace}/{reference.Name} key {reference.Key}";
        try
        {
            var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.Name, secretNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (secret.Data is null || !secret.Data.TryGetValue(reference.Key, out var bytes))
            {
                throw new SecretUnavailableException($"{label}: the key does not exist");
            }

            return Encoding.UTF8.GetString(bytes);
        }
        catch (HttpOperationException e)
        {
            var reason = e.Response.StatusCode switch
            {
                HttpStatusCode.NotFound => "the secret does not exist",
                HttpStatusCode.Forbidden => "forbidden (grant the operator get on this secret)",
                var code => $"HTTP {(int)code}",
            };
            throw new SecretUnavailableException($"{label}: {reason}", e);
        }
    }
}
