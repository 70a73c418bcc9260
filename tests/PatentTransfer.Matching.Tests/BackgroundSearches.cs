namespace PatentTransfer.Matching.Tests;

/// <summary>
/// Searches running on other threads, in a loop, while a test changes an index. Each reader has searched at least
/// once before <see cref="StartAsync"/> returns, so the changes really overlap searches; <see cref="StopAsync"/>
/// rethrows whatever a reader failed with.
/// </summary>
internal sealed class BackgroundSearches : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task[] _readers;

    private BackgroundSearches(CancellationTokenSource stop, Task[] readers)
    {
        _stop = stop;
        _readers = readers;
    }

    public static async Task<BackgroundSearches> StartAsync(int readers, Action search, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Enumerable.Range(0, readers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var tasks = started.Select(signal => Task.Run(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    search();
                    signal.TrySetResult();
                }
            }
            catch (Exception failure)
            {
                signal.TrySetException(failure);
                throw;
            }
        }, cancellationToken)).ToArray();
        var running = new BackgroundSearches(stop, tasks);
        try
        {
            await Task.WhenAll(started.Select(signal => signal.Task)).WaitAsync(cancellationToken);
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }

        return running;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
    }

    /// <summary>Stops the readers when a test fails before <see cref="StopAsync"/>; their failures are its own.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _stop.Dispose();
    }
}
