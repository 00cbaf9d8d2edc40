using System.Globalization;
using System.Text;

namespace RolloutOperator.Core.Analysis;

// Invariant, round-trippable ("R" is the shortest round-trip form on .NET Core), so a status shows exactly what was judged.
internal static class ValueFormat
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Values(IReadOnlyList<double> values)
    {
        if (values.Count == 1)
        {
            return Number(values[0]);
        }

        var text = new StringBuilder("[");
        for (var i = 0; i < values.Count; i++)
        {
            var item = (i == 0 ? "" : ", ") + Number(values[i]);
            if (text.Length + item.Length > Bounded.Value - 32)
            {
                return text.Append(CultureInfo.InvariantCulture, $", … ({values.Count - i} more)]").ToString();
            }

            text.Append(item);
        }

        return text.Append(']').ToString();
    }

    public static string Range(Api.ThresholdRange range) =>
        $"[{(range.Min is { } min ? Number(min) : "-Inf")}, {(range.Max is { } max ? Number(max) : "+Inf")}]";
}
