using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>Reads one key of one Secret (least privilege: only the named Secret is ever fetched).</summary>
internal interface ISecretReader
{
    /// <exception cref="SecretUnavailableException">The Secret or its key does not exist or cannot be read.</exception>
    Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken);
}
