namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Collects errors instead of throwing so that one parse reports every problem. A redirected view files the errors of
/// another manifest (a referenced template) under the field that references it, because that is what the user can fix here.
/// </summary>
internal sealed class SpecErrors
{
    private readonly List<SpecError> _errors;
    private readonly Func<SpecError, SpecError> _map;

    public SpecErrors()
        : this([], error => error)
    {
    }

    private SpecErrors(List<SpecError> errors, Func<SpecError, SpecError> map)
    {
        _errors = errors;
        _map = map;
    }

    public IReadOnlyList<SpecError> All => _errors;

    public int Count => _errors.Count;

    public void Add(string path, string message) => _errors.Add(_map(new SpecError(path, message)));

    public SpecErrors Redirect(string path, string label) =>
        new(_errors, error => _map(new SpecError(path, $"{label}: {error.Path}: {error.Message}")));
}
