using CsCheck;
using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class CmaEsTests
{
    private static double Sphere(double[] x) => x.Sum(v => v * v);

    private static double Rosenbrock(double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    // Axis-parallel ellipsoid with condition number 1e6, centred away from the origin so that a
    // bias towards zero would show.
    private static double ShiftedEllipsoid(double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var scale = Math.Pow(1e6, i / (double)(x.Length - 1));
            var delta = x[i] - EllipsoidShift(i);
            sum += scale * delta * delta;
        }

        return sum;
    }

    private static double EllipsoidShift(int i) => i - 3.5;

    [Theory]
    [InlineData(1, 4 + 0)]
    [InlineData(2, 4 + 2)]
    [InlineData(8, 4 + 6)]
    [InlineData(100, 4 + 13)]
    public void Default_population_size_is_4_plus_floor_3_ln_n(int n, int expected)
    {
        var es = new CmaEs(new double[n], new CmaEsOptions { InitialSigma = 1 });

        Assert.Equal(expected, es.PopulationSize);
        Assert.Equal(expected, es.Ask().Count);
    }

    [Fact]
    public void Population_size_can_be_overridden()
    {
        var es = new CmaEs(new double[3], new CmaEsOptions { InitialSigma = 1, PopulationSize = 20 });

        Assert.Equal(20, es.Ask().Count);
    }

    [Fact]
    public void Converges_on_sphere_in_8_dimensions()
    {
        var x0 = Enumerable.Repeat(3.0, 8).ToArray();

        var result = CmaEs.Minimize(Sphere, x0, new CmaEsOptions { InitialSigma = 2, Seed = 1 });

        Assert.NotNull(result.Best);
        Assert.True(result.Best.Fitness < 1e-8, $"best {result.Best.Fitness} after {result.Evaluations} evaluations");
        Assert.NotEqual(CmaEsTermination.None, result.Termination);
    }

    [Fact]
    public void Converges_on_rosenbrock_in_6_dimensions_within_budget()
    {
        var options = new CmaEsOptions { InitialSigma = 0.5, Seed = 7, MaxEvaluations = 20_000 };

        var result = CmaEs.Minimize(Rosenbrock, new double[6], options);

        Assert.NotNull(result.Best);
        Assert.True(result.Best.Fitness < 1e-6, $"best {result.Best.Fitness} after {result.Evaluations} evaluations");
        Assert.All(result.Best.Point, v => Assert.Equal(1.0, v, 1e-3));
    }

    [Fact]
    public void Converges_on_shifted_ill_conditioned_ellipsoid()
    {
        var options = new CmaEsOptions { InitialSigma = 3, Seed = 3 };

        var result = CmaEs.Minimize(ShiftedEllipsoid, new double[8], options);

        Assert.NotNull(result.Best);
        Assert.True(result.Best.Fitness < 1e-8, $"best {result.Best.Fitness} after {result.Evaluations} evaluations");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(EllipsoidShift(i), result.Best.Point[i], 1e-4);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_trajectory()
    {
        var first = Trajectory(seed: 42, generations: 40);
        var second = Trajectory(seed: 42, generations: 40);

        Assert.Equal(first.Count, second.Count);
        for (var g = 0; g < first.Count; g++)
        {
            Assert.Equal(first[g], second[g]);
        }
    }

    [Fact]
    public void Different_seeds_give_different_trajectories()
    {
        Assert.NotEqual(Trajectory(seed: 1, generations: 1)[0], Trajectory(seed: 2, generations: 1)[0]);
    }

    // Every sampled coordinate, then sigma, of each generation, flattened for exact comparison.
    private static List<double[]> Trajectory(int seed, int generations)
    {
        var es = new CmaEs(new double[] { 1, -2, 3, 0.5 }, new CmaEsOptions { InitialSigma = 0.7, Seed = seed });
        var trajectory = new List<double[]>();
        for (var g = 0; g < generations; g++)
        {
            var candidates = es.Ask();
            trajectory.Add(candidates.SelectMany(x => x).Append(es.Sigma).ToArray());
            es.Tell(candidates, candidates.Select(Rosenbrock).ToArray());
        }

        return trajectory;
    }

    [Fact]
    public void Non_finite_fitness_is_ranked_worst_and_search_still_converges()
    {
        // The optimum (-1, ..., -1) sits next to a region where the objective is undefined.
        static double Guarded(double[] x) => x[0] > -0.5 ? double.NaN : x.Sum(v => (v + 1) * (v + 1));
        var x0 = Enumerable.Repeat(-2.0, 5).ToArray();

        var result = CmaEs.Minimize(Guarded, x0, new CmaEsOptions { InitialSigma = 1, Seed = 11 });

        Assert.NotNull(result.Best);
        Assert.True(double.IsFinite(result.Best.Fitness));
        Assert.True(result.Best.Fitness < 1e-8, $"best {result.Best.Fitness}");
    }

    [Fact]
    public void Negative_infinity_is_not_taken_as_the_best_fitness()
    {
        var es = new CmaEs(new double[3], new CmaEsOptions { InitialSigma = 1, Seed = 5 });
        var candidates = es.Ask();
        var fitnesses = Enumerable.Repeat(10.0, candidates.Count).ToArray();
        fitnesses[0] = double.NegativeInfinity;
        fitnesses[1] = double.NaN;
        fitnesses[2] = 4.0;

        es.Tell(candidates, fitnesses);

        Assert.NotNull(es.Best);
        Assert.Equal(4.0, es.Best.Fitness);
        Assert.Equal(candidates[2], es.Best.Point);
    }

    [Fact]
    public void All_nan_generations_keep_the_state_finite_and_best_empty()
    {
        var es = new CmaEs(new double[4], new CmaEsOptions { InitialSigma = 1, Seed = 9 });

        for (var g = 0; g < 50 && !es.IsStopped; g++)
        {
            var candidates = es.Ask();
            es.Tell(candidates, Enumerable.Repeat(double.NaN, candidates.Count).ToArray());
        }

        Assert.Null(es.Best);
        Assert.True(double.IsFinite(es.Sigma));
        Assert.All(es.Mean, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Ask_is_repeatable_until_tell()
    {
        var es = new CmaEs(new double[3], new CmaEsOptions { InitialSigma = 1, Seed = 5 });

        var first = es.Ask();
        first[0][0] = 1234;
        var second = es.Ask();

        Assert.NotEqual(1234, second[0][0]);
        Assert.Equal(es.Ask(), second);
    }

    [Fact]
    public void Tell_order_does_not_matter()
    {
        var forward = new CmaEs(new double[4], new CmaEsOptions { InitialSigma = 1, Seed = 5 });
        var reversed = new CmaEs(new double[4], new CmaEsOptions { InitialSigma = 1, Seed = 5 });

        for (var g = 0; g < 5; g++)
        {
            var a = forward.Ask();
            forward.Tell(a, a.Select(Sphere).ToArray());
            var b = reversed.Ask().Reverse().ToArray();
            reversed.Tell(b, b.Select(Sphere).ToArray());
        }

        Assert.Equal(forward.Ask(), reversed.Ask());
        Assert.Equal(forward.Sigma, reversed.Sigma);
    }

    [Fact]
    public void Tell_rejects_misuse()
    {
        var es = new CmaEs(new double[2], new CmaEsOptions { InitialSigma = 1, Seed = 5 });
        var fitness = new double[es.PopulationSize];

        var unasked = Enumerable.Range(0, es.PopulationSize).Select(_ => new double[2]).ToArray();
        Assert.Throws<InvalidOperationException>(() => es.Tell(unasked, fitness));

        var candidates = es.Ask();
        var duplicated = candidates.Select(_ => candidates[0]).ToArray();
        Assert.Throws<ArgumentException>(() => es.Tell(duplicated, fitness));
        Assert.Throws<ArgumentException>(() => es.Tell(candidates.Take(1).ToArray(), fitness.Take(1).ToArray()));
        var foreign = candidates.Select(x => x.Select(v => v + 1).ToArray()).ToArray();
        Assert.Throws<ArgumentException>(() => es.Tell(foreign, fitness));
    }

    [Fact]
    public void Bounds_are_respected_and_a_boundary_optimum_is_found()
    {
        // The unconstrained optimum (-3, -3, -3) lies outside the box; the constrained one is at -1.
        var options = new CmaEsOptions
        {
            InitialSigma = 0.5,
            Seed = 4,
            LowerBounds = [-1, -1, -1],
            UpperBounds = [1, 1, 1],
        };
        var es = new CmaEs([0.5, 0.5, 0.5], options);

        while (!es.IsStopped)
        {
            var candidates = es.Ask();
            Assert.All(candidates, x => Assert.All(x, v => Assert.InRange(v, -1.0, 1.0)));
            es.Tell(candidates, candidates.Select(x => x.Sum(v => (v + 3) * (v + 3))).ToArray());
        }

        Assert.NotNull(es.Best);
        Assert.All(es.Best.Point, v => Assert.Equal(-1.0, v, 1e-9));
    }

    [Fact]
    public void Stops_at_max_generations_and_at_target_fitness()
    {
        var capped = CmaEs.Minimize(Sphere, new double[] { 5, 5 }, new CmaEsOptions { InitialSigma = 1, MaxGenerations = 3 });
        Assert.Equal(CmaEsTermination.MaxGenerations, capped.Termination);
        Assert.Equal(3, capped.Generations);

        var targeted = CmaEs.Minimize(Sphere, new double[] { 5, 5 }, new CmaEsOptions { InitialSigma = 1, TargetFitness = 1e-3 });
        Assert.Equal(CmaEsTermination.TargetFitness, targeted.Termination);
        Assert.NotNull(targeted.Best);
        Assert.True(targeted.Best.Fitness <= 1e-3);
    }

    [Fact]
    public void Ask_after_stop_throws()
    {
        var es = new CmaEs(new double[2], new CmaEsOptions { InitialSigma = 1, MaxGenerations = 1 });
        var candidates = es.Ask();
        es.Tell(candidates, candidates.Select(Sphere).ToArray());

        Assert.Throws<InvalidOperationException>(() => es.Ask());
    }

    [Fact]
    public void Ask_always_returns_finite_vectors_of_the_right_dimension()
    {
        var scenario =
            from n in Gen.Int[1, 12]
            from mean in Gen.Double[-100, 100].Array[n]
            from sigma in Gen.Double[1e-3, 10]
            from seed in Gen.Int
            from bounded in Gen.Bool
            from fitnessStream in Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity)).Array[200]
            select (n, mean, sigma, seed, bounded, fitnessStream);

        scenario.Sample(s =>
        {
            var options = new CmaEsOptions
            {
                InitialSigma = s.sigma,
                Seed = s.seed,
                LowerBounds = s.bounded ? s.mean.Select(v => v - 1).ToArray() : null,
                UpperBounds = s.bounded ? s.mean.Select(v => v + 2).ToArray() : null,
            };
            var es = new CmaEs(s.mean, options);
            var used = 0;
            for (var g = 0; g < 10 && !es.IsStopped; g++)
            {
                var candidates = es.Ask();
                Assert.Equal(es.PopulationSize, candidates.Count);
                foreach (var x in candidates)
                {
                    Assert.Equal(s.n, x.Length);
                    Assert.All(x, v => Assert.True(double.IsFinite(v)));
                    for (var i = 0; i < s.n && s.bounded; i++)
                    {
                        Assert.InRange(x[i], s.mean[i] - 1, s.mean[i] + 2);
                    }
                }

                var fitnesses = candidates.Select(_ => s.fitnessStream[used++ % s.fitnessStream.Length]).ToArray();
                es.Tell(candidates, fitnesses);
            }
        }, iter: 200);
    }
}
