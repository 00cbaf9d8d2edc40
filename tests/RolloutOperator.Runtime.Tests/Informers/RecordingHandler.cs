using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>Records the last notification per object name.</summary>
internal sealed class RecordingHandler<T> : IInformerHandler<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    public ConcurrentDictionary<string, string> Last { get; } = new();

    public void OnAdd(T obj) => Last[obj.Metadata.Name] = "add";

    public void OnUpdate(T oldObj, T newObj) => Last[newObj.Metadata.Name] = "update";

    public void OnDelete(T obj) => Last[obj.Metadata.Name] = "delete";

    public string? Of(string name) => Last.GetValueOrDefault(name);
}
