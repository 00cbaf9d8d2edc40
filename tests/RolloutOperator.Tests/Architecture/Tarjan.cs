namespace RolloutOperator.Tests.Architecture;

/// <summary>Strongly connected components of a small directed graph; only components of two or more nodes are returned.</summary>
internal sealed class Tarjan(Dictionary<string, SortedSet<string>> edges)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _low = new(StringComparer.Ordinal);
    private readonly Stack<string> _stack = new();
    private readonly HashSet<string> _onStack = new(StringComparer.Ordinal);
    private readonly List<List<string>> _components = [];

    public List<List<string>> Run()
    {
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal).Where(n => !_index.ContainsKey(n)))
        {
            Visit(node);
        }

        return _components;
    }

    private void Visit(string node)
    {
        _index[node] = _low[node] = _index.Count;
        _stack.Push(node);
        _onStack.Add(node);
        foreach (var next in edges.GetValueOrDefault(node) ?? [])
        {
            if (!_index.TryGetValue(next, out var nextIndex))
            {
                Visit(next);
                _low[node] = Math.Min(_low[node], _low[next]);
            }
            else if (_onStack.Contains(next))
            {
                _low[node] = Math.Min(_low[node], nextIndex);
            }
        }

        if (_low[node] == _index[node])
        {
            PopComponent(node);
        }
    }

    private void PopComponent(string node)
    {
        var component = new List<string>();
        string popped;
        do
        {
            popped = _stack.Pop();
            _onStack.Remove(popped);
            component.Add(popped);
        }
        while (popped != node);

        if (component.Count > 1)
        {
            _components.Add(component.Order(StringComparer.Ordinal).ToList());
        }
    }
}
