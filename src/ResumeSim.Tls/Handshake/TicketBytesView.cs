using System.Collections;

namespace ResumeSim.Tls;

/// <summary>
/// <see cref="HandshakeResult.NewTickets"/> of a reusable result: the ticket bytes of its ticket
/// list, read through rather than copied, so refilling the result allocates nothing.
/// </summary>
internal sealed class TicketBytesView(List<NewSessionTicket> tickets) : IReadOnlyList<byte[]>
{
    public int Count => tickets.Count;

    public byte[] this[int index] => tickets[index].Ticket;

    public IEnumerator<byte[]> GetEnumerator()
    {
        for (int i = 0; i < tickets.Count; i++)
        {
            yield return tickets[i].Ticket;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
