namespace EvoGrains.Core.Search.Book;

/// <summary>
/// Every decision of one search, as plain synchronous methods: lifecycle, the budget rule, the history and
/// hall of fame, the final stage and the status. A caller that awaits only between calls can never observe
/// or persist a half-made decision, whatever interleaves.
/// </summary>
/// <remarks>
/// Budget rule: the history holds exactly the first <c>budget.maxEvaluations</c> distinct island results (by island and
/// sequence, see <see cref="HistoryBook"/>) to arrive (fewer if the time limit, <c>budget.maxTrainingSteps</c> or a
/// cancel comes first). Results that arrive after that, or
/// after the search left Running/Paused, are counted in <see cref="SearchStatus.LateResults"/> and kept out
/// of the history and hall of fame. A search also ends early when every island is exhausted with nothing in flight.
/// End of the searching: the trainings still running are cancelled (the grain reports how many,
/// <see cref="CancelledTrainings"/>), so the final stage never waits for work it would drop; each island's status stays
/// as its last report taken while searching, so the island table shows no result that is not in the history.
/// Failure rule: when as many consecutive trained results as the spec has trainers failed permanently for the
/// same reason (no success or other outcome between them; shared results do not count), the search ends Failed
/// with that reason: the data or the setup is broken for everyone, and searching on would only fail again.
/// The streak lives in memory: after a reactivation it starts over, which only delays the decision.
/// </remarks>
public sealed class SearchBook
{
    private readonly Dictionary<int, IslandStatus> islands;
    private HallOfFame hallOfFame = new(1);
    private (string? Reason, int Count) permanentStreak;

    public SearchBook(SearchRecord record)
    {
        Spec = record.Spec;
        State = record.State;
        StartedAt = record.StartedAt;
        EndedAt = record.EndedAt;
        History = new HistoryBook(record.HistoryTail, record.SealedPages, record.Reported);
        LateResults = record.LateResults;
        islands = new Dictionary<int, IslandStatus>(record.Islands);
        Final = record.Final;
        Comparison = record.Comparison;
        Failure = record.Failure;
        TrainingSteps = record.TrainingSteps;
        FinalStageStartedAt = record.FinalStageStartedAt;
        CancelledTrainings = record.CancelledTrainings;
        LoadHallOfFame(record.HallOfFame);
    }

    public SearchSpec? Spec { get; private set; }

    public SearchState State { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public HistoryBook History { get; }

    public long LateResults { get; private set; }

    public FinalStageRecord? Final { get; private set; }

    public FinalComparison? Comparison { get; private set; }

    public DateTimeOffset? FinalStageStartedAt { get; private set; }

    /// <summary>Search trainings still running when the searching ended, cancelled then.</summary>
    public int CancelledTrainings { get; private set; }

    public IReadOnlyList<HallOfFameEntry> HallOfFame => hallOfFame.Entries;

    /// <summary>
    /// Training steps of the accepted results (a result's steps times its seeds; shared results cost none).
    /// </summary>
    public long TrainingSteps { get; private set; }

    /// <summary>Why the search failed (state <see cref="SearchState.Failed"/>).</summary>
    public string? Failure { get; private set; }

    public bool IsTerminal => State is SearchState.Completed or SearchState.Cancelled or SearchState.Failed;

    public bool IsSearching => State is SearchState.Running or SearchState.Paused;

    public SearchRecord Record => new()
    {
        Spec = Spec,
        State = State,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        HistoryTail = [.. History.Tail],
        SealedPages = History.SealedPages,
        LateResults = LateResults,
        Islands = new Dictionary<int, IslandStatus>(islands),
        HallOfFame = [.. hallOfFame.Entries],
        Final = Final,
        Comparison = Comparison,
        Failure = Failure,
        TrainingSteps = TrainingSteps,
        FinalStageStartedAt = FinalStageStartedAt,
        CancelledTrainings = CancelledTrainings,
        Reported = new Dictionary<int, long>(History.Reported),
    };

    /// <summary>True when this call started the search; false when it runs already with the same spec.</summary>
    /// <exception cref="ArgumentException">The id or spec is invalid (the message names the field path; the type
    /// crosses grains).</exception>
    /// <exception cref="InvalidOperationException">The search was started with a different spec.</exception>
    public bool Start(SearchSpec spec, string searchId, DateTimeOffset now)
    {
        var source = $"search '{searchId}'";
        if (searchId.Contains('/', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(searchId))
        {
            throw new ArgumentException($"{source}: the id must be non-empty and contain no '/'");
        }

        var errors = SearchSpecValidator.Validate(spec);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"{source}: {errors[0]}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""));
        }

        if (State != SearchState.Created)
        {
            return SearchSpecJson.Write(Spec!) == SearchSpecJson.Write(spec)
                ? false
                : throw new InvalidOperationException($"{source} was already started with a different spec");
        }

        (Spec, State, StartedAt) = (spec, SearchState.Running, now);
        LoadHallOfFame([]);
        return true;
    }

    public bool Pause() => Move(SearchState.Running, SearchState.Paused);

    public bool Resume() => Move(SearchState.Paused, SearchState.Running);

    public bool Cancel(DateTimeOffset now)
    {
        if (IsTerminal || State == SearchState.Created)
        {
            return false;
        }

        (State, EndedAt) = (SearchState.Cancelled, now);
        return true;
    }

    /// <summary>
    /// Takes an island's report; false (not taken) until the search has a spec, so the island keeps its outbox.
    /// </summary>
    public bool Report(int island, IReadOnlyList<HistoryEntry> results, IslandStatus status, DateTimeOffset? now = null)
    {
        if (Spec is null)
        {
            return false;
        }

        if (IsSearching)
        {
            islands[island] = status;
        }

        foreach (var result in results.Where(History.IsNew))
        {
            if (IsSearching && !BudgetCountsSpent(Spec))
            {
                hallOfFame.Offer(HallOfFameEntry.Of(History.Append(result)));
                TrainingSteps += result.TrainingSteps;
            }
            else
            {
                LateResults++;
            }
        }

        FailIfPermanentEverywhere(results, now ?? DateTimeOffset.UtcNow);
        return true;
    }

    public bool BudgetSpent(DateTimeOffset now) =>
        Spec is { } spec && (BudgetCountsSpent(spec)
        || (spec.Budget.MaxMinutes > 0 && now - StartedAt >= TimeSpan.FromMinutes(spec.Budget.MaxMinutes))
        || AllIslandsExhausted(spec));

    /// <summary>Enters the final stage when the budget is spent; true when this call did.</summary>
    public bool BeginFinalStageIfDue(DateTimeOffset now)
    {
        if (!IsSearching || !BudgetSpent(now))
        {
            return false;
        }

        (State, FinalStageStartedAt) = (SearchState.FinalStage, now);
        Final = FinalStage.Begin(Spec!, hallOfFame.Entries);
        TryComplete(now);
        return true;
    }

    /// <summary>
    /// The searching ended and <paramref name="count"/> trainings that were still running were cancelled.
    /// </summary>
    public void RecordCancelledTrainings(int count) => CancelledTrainings += count;

    /// <summary>The current round's jobs that have no result yet.</summary>
    public IReadOnlyList<FinalJob> MissingFinalJobs() => State == SearchState.FinalStage && Final is { } final
        ? FinalStage.Jobs(Spec!, final).Where(j => !final.Results.ContainsKey(j.JobId)).ToList()
        : [];

    /// <summary>
    /// Takes a final result of the current round (others are stale and ignored); true when it was new.
    /// </summary>
    public bool AcceptFinalResult(string jobId, EvaluationResult result, DateTimeOffset now)
    {
        if (State != SearchState.FinalStage || Final is not { } final
            || final.Results.ContainsKey(jobId) || FinalStage.Jobs(Spec!, final).All(j => j.JobId != jobId))
        {
            return false;
        }

        Final = final with
        {
            Results = new Dictionary<string, EvaluationResult>(final.Results, StringComparer.Ordinal)
            {
                [jobId] = result,
            },
        };
        TryComplete(now);
        return true;
    }

    public SearchSummary Summary(string searchId, DateTimeOffset now) =>
        new(searchId, Spec?.Name ?? "", State, StartedAt ?? now, now);

    /// <param name="busySeconds">The trainers' busy time from the queue, when known.</param>
    public SearchStatus Status(string searchId, double? busySeconds, DateTimeOffset now)
    {
        var all = islands.OrderBy(i => i.Key).Select(i => i.Value).ToList();
        var elapsed = StartedAt is { } started ? ((EndedAt ?? now) - started).TotalSeconds : 0;
        var trainers = Spec?.Trainers.Count ?? 0;
        var best = hallOfFame.Entries.Count > 0 ? hallOfFame.Entries[0] : null;
        var (done, total) = FinalProgress();
        return new SearchStatus
        {
            SearchId = searchId,
            Name = Spec?.Name ?? "",
            State = State,
            EvaluationsDone = History.Count,
            MaxEvaluations = Spec?.Budget.MaxEvaluations ?? 0,
            InFlight = IsSearching ? all.Sum(i => i.InFlight) : 0,
            RejectedByScreening = all.Sum(i => i.RejectedByScreening),
            Deduplicated = all.Sum(i => i.Duplicates + i.SharedResults),
            LateResults = LateResults,
            EvaluationsPerMinute = elapsed > 0 ? History.Count / (elapsed / 60) : 0,
            BestFitness = best?.Fitness ?? double.NaN,
            BestExpression = best?.Expression,
            Islands = all,
            Trainers = trainers,
            TrainerUtilisation = elapsed > 0 && trainers > 0 && busySeconds is { } busy
                ? Math.Min(1, busy / (elapsed * trainers))
                : 0,
            FinalJobsDone = done,
            FinalJobsTotal = total,
            StartedAt = StartedAt,
            EndedAt = EndedAt,
            Failure = Failure,
            TrainingSteps = TrainingSteps,
            MaxTrainingSteps = Spec?.Budget.MaxTrainingSteps ?? 0,
            MaxMinutes = Spec?.Budget.MaxMinutes ?? 0,
            FinalStageStartedAt = FinalStageStartedAt,
            CancelledTrainings = CancelledTrainings,
        };
    }

    private (int Done, int Total) FinalProgress()
    {
        if (Spec is not { } spec || Final is not { } final)
        {
            return (0, 0);
        }

        var pool = Math.Min(spec.FinalStage.TopK, hallOfFame.Entries.Count);
        var total = FinalStage.TotalTrainings(spec, pool);
        return (Comparison?.Trainings ?? Math.Min(total, FinalStage.DoneTrainings(spec, final)), total);
    }

    private bool BudgetCountsSpent(SearchSpec spec) =>
        History.Count >= spec.Budget.MaxEvaluations
        || (spec.Budget.MaxTrainingSteps > 0 && TrainingSteps >= spec.Budget.MaxTrainingSteps);

    // Without this a search whose islands can no longer find new candidates would wait forever.
    private bool AllIslandsExhausted(SearchSpec spec) =>
        State == SearchState.Running && islands.Count == spec.Islands.Count
        && islands.Values.All(i => i.Exhausted && i.InFlight == 0);

    private void TryComplete(DateTimeOffset now)
    {
        var (record, comparison) = FinalStage.Advance(Spec!, Final!, now);
        Final = record;
        if (comparison is not null)
        {
            (Comparison, State, EndedAt) = (comparison, SearchState.Completed, now);
        }
    }

    private void FailIfPermanentEverywhere(IReadOnlyList<HistoryEntry> results, DateTimeOffset now)
    {
        foreach (var result in results.Where(r => !r.Shared))
        {
            permanentStreak = result.Permanent && result.Failure is { } reason
                ? (reason, permanentStreak.Reason == reason ? permanentStreak.Count + 1 : 1)
                : (null, 0);
        }

        if (IsSearching && permanentStreak.Count >= Math.Max(1, Spec!.Trainers.Count))
        {
            (State, EndedAt, Failure) = (SearchState.Failed, now, permanentStreak.Reason);
        }
    }

    private bool Move(SearchState from, SearchState to)
    {
        if (State != from)
        {
            return false;
        }

        State = to;
        return true;
    }

    private void LoadHallOfFame(IEnumerable<HallOfFameEntry> entries)
    {
        hallOfFame = new HallOfFame(Math.Max(20, Spec?.FinalStage.TopK ?? 0));
        foreach (var entry in entries)
        {
            hallOfFame.Offer(entry);
        }
    }
}
