using RolloutOperator.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Rendering;

/// <summary>The whole `get` view: header, blank line, tree. One renderable so Live can swap it in place.</summary>
internal static class RolloutView
{
    public static IRenderable Build(RolloutSnapshot snapshot, DateTimeOffset now) =>
        new Rows(RolloutHeader.Build(snapshot), new Text(""), RolloutTree.Build(snapshot, now));
}
