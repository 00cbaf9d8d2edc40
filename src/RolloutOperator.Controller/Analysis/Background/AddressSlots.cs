using System.Diagnostics.CodeAnalysis;

namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>
/// Bounds the measurements running at once: per provider address first (a hung provider fills only its own slots),
/// then overall. A slot is waited for in the background, never on a reconcile worker. Nothing here needs disposing
/// (no wait handle is ever taken), so a measurement still unwinding at shutdown can always release its slot.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "No wait handle is ever taken; a disposed semaphore would fail the releases of measurements unwinding at shutdown.")]
internal sealed class AddressSlots
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (SemaphoreSlim Slots, int Users)> _perAddress = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _overall;
    private readonly int _perAddressLimit;

    public AddressSlots(int overall, int perAddress)
    {
        _overall = new SemaphoreSlim(Math.Max(1, overall));
        _perAddressLimit = Math.Max(1, perAddress);
    }

    public async Task<IDisposable> AcquireAsync(string address, CancellationToken cancellationToken)
    {
        var slots = Join(address);
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _overall.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                slots.Release();
                throw;
            }
        }
        catch
        {
            Leave(address);
            throw;
        }

        return new Lease(this, address, slots);
    }

    private SemaphoreSlim Join(string address)
    {
        lock (_lock)
        {
            (SemaphoreSlim Slots, int Users) entry = _perAddress.TryGetValue(address, out var found) ? found : (new SemaphoreSlim(_perAddressLimit), 0);
            _perAddress[address] = (entry.Slots, entry.Users + 1);
            return entry.Slots;
        }
    }

    // Addresses come from namespaced objects: an address nobody waits on any more is forgotten.
    private void Leave(string address)
    {
        lock (_lock)
        {
            var entry = _perAddress[address];
            if (entry.Users == 1)
            {
                _perAddress.Remove(address);
                entry.Slots.Dispose();
            }
            else
            {
                _perAddress[address] = (entry.Slots, entry.Users - 1);
            }
        }
    }

    private sealed class Lease(AddressSlots owner, string address, SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._overall.Release();
                slots.Release();
                owner.Leave(address);
            }
        }
    }
}
