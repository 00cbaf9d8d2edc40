using BenchmarkDotNet.Running;

namespace RolloutOperator.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/RolloutOperator.Bench -- --filter '*'</c>.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
