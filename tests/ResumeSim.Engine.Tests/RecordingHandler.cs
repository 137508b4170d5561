using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>A hand-written fake: records every event it receives, optionally runs an action.</summary>
internal sealed class RecordingHandler : IEventHandler
{
    private readonly Action<Event>? _onEvent;

    public RecordingHandler(Action<Event>? onEvent = null) => _onEvent = onEvent;

    public List<Event> Events { get; } = [];

    public void Handle(in Event e)
    {
        Events.Add(e);
        _onEvent?.Invoke(e);
    }
}
