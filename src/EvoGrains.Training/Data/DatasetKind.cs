namespace EvoGrains.Training.Data;

public enum DatasetKind
{
    FashionMnist,
    Mnist,
    Kmnist,
    Cifar10,
    Cifar100,
    Synthetic,
}
