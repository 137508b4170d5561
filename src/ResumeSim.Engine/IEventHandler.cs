namespace ResumeSim.Engine;

/// <summary>Receives the events of one kind (see <see cref="Simulation.Register"/>).</summary>
public interface IEventHandler
{
    /// <summary>Handles one event; may schedule further events on the simulation.</summary>
    void Handle(in Event e);
}
