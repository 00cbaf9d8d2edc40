using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("RolloutOperator.Controller.Tests")]
