namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>A kubeconfig with one cluster, user and context, all named "emulator".</summary>
internal static class Kubeconfig
{
    public static string Render(Uri server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: emulator
          cluster:
            server: {server.ToString().TrimEnd('/')}
        users:
        - name: emulator
          user:
            token: emulator
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: emulator
            namespace: default
        current-context: emulator
        preferences: {"{}"}

        """;
}
