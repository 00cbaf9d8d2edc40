using System.Text.Json.Nodes;
using System.Threading.Channels;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Watch;

/// <summary>
/// One open watch. The store offers every committed event (under its lock); the watcher turns it
/// into ADDED/MODIFIED/DELETED from its own point of view, so an object that stops matching the
/// selector is DELETED for this watcher, exactly like the apiserver's watch cache.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public Watcher(ResourceType type, WatchFilter filter)
    {
        Type = type;
        Filter = filter;
    }

    public ResourceType Type { get; }

    public WatchFilter Filter { get; }

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    public void OfferInitial(JsonObject obj)
    {
        if (Filter.Matches(obj))
        {
            _channel.Writer.TryWrite(new WatchEvent("ADDED", ObjectView.Present(obj, Type)));
        }
    }

    public void Offer(StoredEvent e)
    {
        if (e.GroupResource != Filter.GroupResource)
        {
            return;
        }

        var now = e.Type != "DELETED" && Filter.Matches(e.Object);
        var before = e.Type != "ADDED" && Filter.Matches(e.Previous);
        var emitted = (before, now) switch
        {
            (false, true) => new WatchEvent("ADDED", ObjectView.Present(e.Object, Type)),
            (true, true) => new WatchEvent("MODIFIED", ObjectView.Present(e.Object, Type)),
            (true, false) => new WatchEvent("DELETED", PreviousAt(e)),
            _ => null,
        };
        if (emitted is not null)
        {
            _channel.Writer.TryWrite(emitted);
        }
    }

    public void Bookmark(long rv)
    {
        var obj = new JsonObject
        {
            ["kind"] = Type.Kind,
            ["apiVersion"] = Type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        _channel.Writer.TryWrite(new WatchEvent("BOOKMARK", obj));
    }

    public void Fail(ApiException error)
    {
        _channel.Writer.TryWrite(new WatchEvent("ERROR", error.ToStatus()));
        Close();
    }

    public void Close() => _channel.Writer.TryComplete();

    /// <summary>A DELETED event shows the last state the watcher matched, at the event's resourceVersion.</summary>
    private JsonObject PreviousAt(StoredEvent e)
    {
        var source = e.Type == "DELETED" ? e.Object : e.Previous!;
        var view = ObjectView.Present(source, Type);
        ((JsonObject)view["metadata"]!)["resourceVersion"] = e.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return view;
    }
}
