#!/usr/bin/env python3
"""Makes the Training tests' fixtures with Debian's python3-torch and python3-numpy (test-only; deploy/bootstrap.sh
installs them). Run from this folder: python3 make_fixtures.py

tiny.npz: what NumPy's savez_compressed writes for a 3-class dataset of 4x5 RGB images, NHWC uint8, int64 labels
(x_train[i, y, x, c] = 10 * i + 3 * y + x + 60 * c, y_train = i % 3; x_test is x_train's first 3 images).

fashion_cnn.pt: a TorchScript module (torch.jit.script, then torch.jit.save) mapping Fashion-MNIST-shaped images
[B, 1, 28, 28] to 10 logits: conv 8 (3x3) -> batch norm -> ReLU -> 2x2 max pool -> linear 10. Its weights come from
torch.manual_seed(0), so a test can tell the file's weights (pretrained) from weights redrawn from a seed.

no_parameters.pt: a TorchScript module with no parameters (the first 10 pixels are its "logits"): a model the
trainer must refuse.
"""
import numpy as np
import torch
from torch import nn

x_train = np.array(
    [[[[10 * i + 3 * y + x + 60 * c for c in range(3)] for x in range(5)] for y in range(4)] for i in range(6)],
    dtype=np.uint8,
)
y_train = np.array([i % 3 for i in range(6)], dtype=np.int64)
np.savez_compressed("tiny.npz", x_train=x_train, y_train=y_train, x_test=x_train[:3], y_test=y_train[:3])


class FashionCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, padding=1)
        self.norm = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8 * 14 * 14, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.max_pool2d(torch.relu(self.norm(self.conv(x))), 2)
        return self.fc(x.flatten(1))


class NoParameters(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(1)[:, :10]


torch.manual_seed(0)
torch.jit.save(torch.jit.script(FashionCnn()), "fashion_cnn.pt")
torch.jit.save(torch.jit.script(NoParameters()), "no_parameters.pt")
