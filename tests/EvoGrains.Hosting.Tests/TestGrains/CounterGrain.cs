using EvoGrains.Grains.Storage;

namespace EvoGrains.Hosting.Tests.TestGrains;

public sealed class CounterGrain([PersistentState("counter", EvoGrainsStorage.ProviderName)] IPersistentState<CountState> state)
    : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);
}
