#!/usr/bin/env python3
"""Makes the Training tests' fixtures with Debian's python3-numpy (test-only; deploy/bootstrap.sh installs it).

tiny.npz: what NumPy's savez_compressed writes for a 3-class dataset of 4x5 RGB images, NHWC uint8, int64 labels
(x_train[i, y, x, c] = 10 * i + 3 * y + x + 60 * c, y_train = i % 3; x_test is x_train's first 3 images).

Run from this folder: python3 make_fixtures.py
"""
import numpy as np

x_train = np.array(
    [[[[10 * i + 3 * y + x + 60 * c for c in range(3)] for x in range(5)] for y in range(4)] for i in range(6)],
    dtype=np.uint8,
)
y_train = np.array([i % 3 for i in range(6)], dtype=np.int64)
np.savez_compressed("tiny.npz", x_train=x_train, y_train=y_train, x_test=x_train[:3], y_test=y_train[:3])
