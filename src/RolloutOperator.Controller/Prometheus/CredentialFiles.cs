using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Reads a credential file named by a ClusterAnalysisTemplate. The parser has already refused files from namespaced
/// objects and paths outside the allowed directories; this repeats the textual check (a hand-built plan must not bypass
/// it) and then checks the real path, so a symbolic link cannot lead out of an allowed directory. Nothing is opened
/// before both checks pass.
/// </summary>
internal static class CredentialFiles
{
    private const long MaxBytes = 1024 * 1024;

    public static async Task<string> ReadAsync(string path, IReadOnlyList<string> directories, string what, CancellationToken cancellationToken)
    {
        if (CredentialPaths.Refusal(path, directories) is { } refusal)
        {
            throw new ProviderSetupException($"{what} {refusal}");
        }

        try
        {
            var real = RealPath.Resolve(path);
            var allowed = directories.Where(CredentialPaths.IsCanonical).Select(RealPath.Resolve).ToList();
            if (!CredentialPaths.IsUnder(real, allowed))
            {
                throw new ProviderSetupException($"{what} \"{path}\" is refused: through a symbolic link it leads outside the directories allowed by the operator");
            }

            return await ReadBoundedAsync(real, $"{what} {path}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProviderSetupException($"{what} {path} cannot be read: {e.GetType().Name}", e);
        }
    }

    private static async Task<string> ReadBoundedAsync(string path, string label, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length > MaxBytes)
            {
                throw new ProviderSetupException($"{label} is larger than {MaxBytes} bytes");
            }

            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
