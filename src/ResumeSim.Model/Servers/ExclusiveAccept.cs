namespace ResumeSim.Model.Servers;

/// <summary>
/// Which of a server's nginx workers accepts the next connection when they share one listening socket
/// (nginx's default <c>listen</c>: no <c>reuseport</c>, <c>accept_mutex</c> off since 1.11.3, so on Linux
/// each worker waits on the socket with EPOLLEXCLUSIVE). The kernel wakes the worker that registered
/// first, and nginx 1.21.6+ re-registers a worker's socket on its 1st, 17th, 33rd, ... accept
/// (<c>ngx_reorder_accept_events</c> in src/event/ngx_event_accept.c: <c>c-&gt;requests++ % 16</c>),
/// which moves it to the back of the queue. With idle workers that makes runs of 16 connections per
/// worker in turn, after a first round of one each: measured on nginx 1.22.1 with two workers,
/// <c>A B</c> then sixteen <c>A</c>, sixteen <c>B</c>, ... (docs/model.md, "Workers").
/// </summary>
internal sealed class ExclusiveAccept(int workers)
{
    /// <summary>Accepts a worker makes before its socket goes to the back of the queue.</summary>
    public const int RunLength = 16;

    private readonly long[] _accepted = new long[workers];

    // The queue only ever moves its front to the back, so it is a fixed cycle with a moving front.
    private int _front;

    /// <summary>The worker the next connection would go to.</summary>
    public int Peek => _front;

    /// <summary>The worker that accepts this connection.</summary>
    public int Next()
    {
        var worker = _front;
        if (_accepted[worker]++ % RunLength == 0)
        {
            _front = (_front + 1) % _accepted.Length;
        }

        return worker;
    }
}
