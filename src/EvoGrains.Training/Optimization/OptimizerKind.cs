namespace EvoGrains.Training.Optimization;

public enum OptimizerKind
{
    Adam,

    /// <summary>SGD with (Nesterov-free) momentum.</summary>
    Sgd,
}
