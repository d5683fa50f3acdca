using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// Renders search snapshots: a live Spectre.Console panel on an interactive terminal; otherwise, or as JSON, one line
/// per snapshot that <see cref="ProgressThrottle"/> lets through (text, or the status object as in `status --json`).
/// </summary>
public static class SearchProgressView
{
    /// <summary>Follows <paramref name="snapshots"/> to their end.</summary>
    /// <returns>The last snapshot, or null when there was none.</returns>
    public static async Task<SearchStatus?> FollowAsync(
        IAsyncEnumerable<SearchStatus> snapshots, CliConsole console, ProgressOutput output,
        CancellationToken cancellationToken)
    {
        SearchStatus? last = null;
        if (IsLive(console, output))
        {
            await console.Ansi.Live(new Text("connecting...")).StartAsync(async live =>
            {
                await foreach (var status in snapshots.WithCancellation(cancellationToken))
                {
                    last = status;
                    live.UpdateTarget(Render(status));
                }
            });
            return last;
        }

        var throttle = new ProgressThrottle(output.Interval, output.Clock);
        await foreach (var status in snapshots.WithCancellation(cancellationToken))
        {
            last = status;
            if (throttle.ShouldPrint(status))
            {
                // One flushed line at a time: whoever reads the pipe sees each as it happens.
                await console.Out.WriteLineAsync(output.Json ? CliJson.SerializeLine(status) : Line(status));
                await console.Out.FlushAsync(cancellationToken);
            }
        }

        return last;
    }

    /// <summary>
    /// Whether <see cref="FollowAsync"/> shows a live panel (whose end is no printed line) rather than lines.
    /// </summary>
    public static bool IsLive(CliConsole console, ProgressOutput output) =>
        !output.Json && console.Ansi.Profile.Capabilities is { Ansi: true, Interactive: true };

    public static string Line(SearchStatus s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{StateText(s),-10} {s.EvaluationsDone}/{s.MaxEvaluations} done, {s.InFlight} in flight, "
        + $"{s.RejectedByScreening} rejected, {s.Deduplicated} deduped, {s.EvaluationsPerMinute:F1}/min, "
        + $"{TrainingSteps(s)}, best (validation) {Best(s)}{FinalStage(s)}{Eta(s)}");

    // What a user compares methods by: the cost spent, and what is left of a step budget.
    private static string TrainingSteps(SearchStatus s) => s.MaxTrainingSteps > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"{s.TrainingSteps}/{s.MaxTrainingSteps} training steps "
            + $"({Math.Max(0, s.MaxTrainingSteps - s.TrainingSteps)} left)")
        : string.Create(CultureInfo.InvariantCulture, $"{s.TrainingSteps} training steps");

    public static IRenderable Render(SearchStatus s)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("search", $"{Markup.Escape(s.SearchId)} ({Markup.Escape(s.Name)})");
        summary.AddRow("state", Markup.Escape(StateText(s)));
        summary.AddRow("evaluations", string.Create(CultureInfo.InvariantCulture,
            $"{s.EvaluationsDone} / {s.MaxEvaluations} done, {s.InFlight} in flight"));
        summary.AddRow("training steps", string.Create(CultureInfo.InvariantCulture,
            $"{s.TrainingSteps}"
            + $"{(s.MaxTrainingSteps > 0 ? $" / {s.MaxTrainingSteps}" : "")} (steps x seeds over every evaluation)"));
        summary.AddRow("screening", string.Create(CultureInfo.InvariantCulture,
            $"{s.RejectedByScreening} rejected, {s.Deduplicated} deduplicated"));
        summary.AddRow("rate", string.Create(CultureInfo.InvariantCulture,
            $"{s.EvaluationsPerMinute:F1} evaluations/min{Eta(s)}"));
        summary.AddRow("best (validation)", Markup.Escape(Best(s)));
        summary.AddRow("trainers", string.Create(CultureInfo.InvariantCulture,
            $"{s.Trainers}, {s.TrainerUtilisation:P0} busy"));
        if (s.FinalJobsTotal > 0)
        {
            summary.AddRow("final stage", string.Create(CultureInfo.InvariantCulture,
                $"{s.FinalJobsDone} / {s.FinalJobsTotal} trainings (rounds on validation, final table on "
                + $"test){FinalStageEta(s)}"));
        }

        var islands = new Table()
            .AddColumns("island", "method", "evaluations", "best", "diversity", "migrants in", "best loss");
        foreach (var island in s.Islands)
        {
            islands.AddRow(
                island.Island.ToString(CultureInfo.InvariantCulture),
                island.Method,
                island.Evaluations.ToString(CultureInfo.InvariantCulture),
                Fitness(island.BestFitness),
                island.Diversity.ToString(CultureInfo.InvariantCulture),
                island.MigrantsReceived.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(island.BestExpression ?? "—")));
        }

        return new Rows(new Panel(summary).Header("EvoGrains"), islands);
    }

    private static string FinalStage(SearchStatus s) =>
        s.FinalJobsTotal > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $", final stage {s.FinalJobsDone}/{s.FinalJobsTotal} trainings{FinalStageEta(s)}")
            : "";

    /// <summary>When the final stage ends at the pace of its own trainings so far.</summary>
    private static string FinalStageEta(SearchStatus s) =>
        s.FinalStageTimeLeft(DateTimeOffset.UtcNow) is { } left ? $", ETA {Clock(left)}" : "";

    private static string Best(SearchStatus s) =>
        s.BestExpression is null ? "—" : $"{Fitness(s.BestFitness)} {Shorten(s.BestExpression)}";

    private static string Fitness(double value) =>
        double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The time budget used so far, and when the searching ends at the pace so far (every budget counts).
    /// </summary>
    private static string Eta(SearchStatus s)
    {
        var now = DateTimeOffset.UtcNow;
        var elapsed = s.MaxMinutes > 0 && s.StartedAt is { } started && s.State == SearchState.Running
            ? string.Create(CultureInfo.InvariantCulture,
                $", {Clock(now - started)} of {Clock(TimeSpan.FromMinutes(s.MaxMinutes))}")
            : "";
        return s.SearchTimeLeft(now) is { } left ? $"{elapsed}, ETA {Clock(left)}" : elapsed;
    }

    private static string Clock(TimeSpan time) =>
        time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static string StateText(SearchStatus s) => RunRecord.StateText(s.State, s.Failure);
}
