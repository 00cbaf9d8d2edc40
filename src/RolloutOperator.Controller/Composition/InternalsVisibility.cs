using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("RolloutOperator.Controller.Tests")]

// Test assemblies that assert on a concrete internal type (the host's outbound client, the secret mask, the judge's
// statistics); the host itself composes the controller through the public AddRolloutController only.
[assembly: InternalsVisibleTo("RolloutOperator.Tests")]
[assembly: InternalsVisibleTo("RolloutOperator.EndToEnd.Tests")]
[assembly: InternalsVisibleTo("RolloutOperator.TrafficSimulator.Tests")]
